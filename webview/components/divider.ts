import { TAGS } from './toolkit';

export function divider(): HTMLElement {
  const el = document.createElement(TAGS.divider);
  el.setAttribute('role', 'separator');
  return el;
}
