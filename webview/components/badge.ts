import { TAGS } from './toolkit';

export type Tone = 'bad' | 'good' | 'muted' | 'neutral';

/** A short emphasised label, e.g. the dataset verdict "Yes" / "No". */
export function badge(text: string, tone: Tone = 'neutral', title?: string): HTMLElement {
  const el = document.createElement(TAGS.badge);
  el.textContent = text;
  if (tone !== 'neutral') el.dataset.tone = tone;
  if (title) el.title = title;
  return el;
}
