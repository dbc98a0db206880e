import { TAGS } from './toolkit';

/** bad/good: drift or not; warning/info: the suite's lesser severities; muted: no verdict. */
export type Tone = 'bad' | 'good' | 'warning' | 'info' | 'muted' | 'neutral';

/** A short emphasised label, e.g. the dataset verdict "Yes" / "No". */
export function badge(text: string, tone: Tone = 'neutral', title?: string): HTMLElement {
  const el = document.createElement(TAGS.badge);
  el.textContent = text;
  if (tone !== 'neutral') el.dataset.tone = tone;
  if (title) el.title = title;
  return el;
}
