/**
 * The only module that knows about @vscode/webview-ui-toolkit (deprecated upstream in Jan 2025).
 * It registers just the components the panel uses and names their tags and toolkit-specific styling hooks.
 * To move to another library (e.g. @vscode-elements/elements), change this file and the tag-building
 * bodies of the small wrappers beside it (badge.ts, tag.ts, divider.ts, progressRing.ts); nothing else
 * in the webview imports the toolkit or uses its tag names.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeBadge,
  vsCodeDivider,
  vsCodeProgressRing,
  vsCodeTag,
} from '@vscode/webview-ui-toolkit';

export const TAGS = {
  badge: 'vscode-badge',
  tag: 'vscode-tag',
  divider: 'vscode-divider',
  progressRing: 'vscode-progress-ring',
} as const;

let registered = false;

/** Defines the custom elements once; safe to call again. */
export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeBadge(), vsCodeDivider(), vsCodeProgressRing(), vsCodeTag());
}

/**
 * Styling the toolkit's shadow DOM goes through its `control` part; the wrappers set a `data-tone`
 * attribute ("bad" | "good" | "warning" | "info" | "muted") that these rules colour with theme variables.
 */
export const toolkitCss = /* css */ `
${TAGS.badge}::part(control),
${TAGS.tag}::part(control) {
  text-transform: none;
  font-weight: 600;
  letter-spacing: 0.02em;
}
${TAGS.badge}[data-tone='bad']::part(control),
${TAGS.tag}[data-tone='bad']::part(control) {
  color: var(--di-bad);
  background: var(--di-bad-bg);
  border-color: var(--di-bad);
}
${TAGS.badge}[data-tone='good']::part(control),
${TAGS.tag}[data-tone='good']::part(control) {
  color: var(--di-good);
  background: var(--di-good-bg);
  border-color: var(--di-good);
}
${TAGS.badge}[data-tone='warning']::part(control),
${TAGS.tag}[data-tone='warning']::part(control) {
  color: var(--di-warning);
  background: var(--di-warning-bg);
  border-color: var(--di-warning);
}
${TAGS.badge}[data-tone='info']::part(control),
${TAGS.tag}[data-tone='info']::part(control) {
  color: var(--di-info);
  background: var(--di-info-bg);
  border-color: var(--di-info);
}
${TAGS.badge}[data-tone='muted']::part(control),
${TAGS.tag}[data-tone='muted']::part(control) {
  color: var(--vscode-descriptionForeground);
  background: transparent;
  border: 1px dashed var(--di-border);
  font-weight: normal;
}
/* a small ring beside a line of text (the detail view's loading and running states) */
.inline-state ${TAGS.progressRing} {
  height: 18px;
  width: 18px;
}
${TAGS.badge}::part(control) {
  border-radius: 3px;
  height: auto;
  padding: 1px 8px;
}
`;
