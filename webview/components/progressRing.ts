import { TAGS } from './toolkit';

/** An indeterminate spinner. */
export function progressRing(label = 'Working'): HTMLElement {
  const el = document.createElement(TAGS.progressRing);
  el.setAttribute('aria-label', label);
  return el;
}
