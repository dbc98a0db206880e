/**
 * The detail view's "Role" control: a native <select> (dressed like the panel's other controls) showing the
 * column's role (none, target, prediction, score, segment, timestamp, id); changing it asks the extension to
 * compare again with that role (`setRole`). Without an extension (the offline page) the role is shown as text.
 */
import type { ColumnRole } from '../src/core/suite/modelTypes';
import { h } from './dom';
import { ROLE_CHOICES, roleLabel } from './modelFormat';

export function roleControl(column: string, current: ColumnRole | null, setRole: ((role: ColumnRole | null) => void) | null): HTMLElement | string {
  if (!setRole) return roleLabel(current);
  const select = h('select', { class: 'control', id: 'column-role', name: 'role', 'aria-label': `Role of ${column}` });
  select.appendChild(h('option', { value: '' }, 'None'));
  for (const role of ROLE_CHOICES) select.appendChild(h('option', { value: role }, roleLabel(role)));
  select.value = current ?? '';
  const status = h('span', { class: 'muted', id: 'role-status', role: 'status' });
  select.addEventListener('change', () => {
    const role = (select.value || null) as ColumnRole | null;
    status.textContent = role === current ? '' : 'Comparing again with this role…';
    if (role !== current) setRole(role);
  });
  return h('span', { class: 'role-control' }, select, status);
}
