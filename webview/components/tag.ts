import type { Tone } from './badge';
import { TAGS } from './toolkit';

/** A column's verdict: "Drift" (bad), "No drift" (good) or, without a verdict, why not (muted, with the reason as tooltip). */
export function verdictTag(text: string, drifted: boolean | null, title?: string): HTMLElement {
  const el = document.createElement(TAGS.tag);
  const tone: Tone = drifted === true ? 'bad' : drifted === false ? 'good' : 'muted';
  el.dataset.tone = tone;
  el.textContent = text;
  if (title) el.title = title;
  return el;
}
