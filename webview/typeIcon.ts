/** A small glyph per column type, so types can be told apart at a glance; the label carries the meaning. */
import type { ColumnResult } from '../src/core/suite/report';
import { h } from './dom';
import { typeText } from './format';

const GLYPHS: Record<string, string> = {
  numeric: '#',
  categorical: 'ab',
  boolean: '0/1',
  datetime: 'dt',
  text: 'T',
};

export function typeIcon(c: Pick<ColumnResult, 'type' | 'currentType'>): HTMLElement {
  const label = `Type: ${typeText(c)}`;
  return h('span', { class: 'type-icon', role: 'img', 'aria-label': label, title: label, 'data-type': c.type }, GLYPHS[c.type] ?? '?');
}
