/**
 * Colours for canvas drawing, read from the VS Code theme variables on <body>, and a hook that fires when
 * VS Code switches theme (it changes body's class / data-vscode-theme-kind and the variables on <html>).
 */
export interface ChartTheme {
  reference: string;
  current: string;
  /** Translucent fills of the same colours, for overlaid bars. */
  referenceFill: string;
  currentFill: string;
  text: string;
  grid: string;
  tooltipBackground: string;
  tooltipText: string;
  tooltipBorder: string;
  fontFamily: string;
  highContrast: boolean;
  /** Drift (drifted points, change points) and plain foreground, for the over-time charts. */
  bad: string;
  foreground: string;
}

export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kind = document.body.dataset.vscodeThemeKind ?? '';
  const highContrast = kind.includes('high-contrast') || document.body.classList.contains('vscode-high-contrast');
  const reference = v('--vscode-charts-blue', '#3794ff');
  const current = v('--vscode-charts-orange', '#d18616');

  return {
    reference,
    current,
    referenceFill: withAlpha(reference, highContrast ? 0.85 : 0.6),
    currentFill: withAlpha(current, highContrast ? 0 : 0.1),
    text: v('--vscode-descriptionForeground', v('--vscode-foreground', '#888')),
    grid: withAlpha(v('--vscode-contrastBorder', '') || v('--vscode-foreground', '#888'), highContrast ? 0.6 : 0.12),
    tooltipBackground: v('--vscode-editorHoverWidget-background', '#252526'),
    tooltipText: v('--vscode-editorHoverWidget-foreground', v('--vscode-foreground', '#ccc')),
    tooltipBorder: v('--vscode-editorHoverWidget-border', '#454545'),
    fontFamily: v('--vscode-font-family', 'system-ui, sans-serif'),
    highContrast,
    bad: v('--vscode-errorForeground', v('--vscode-charts-red', '#f14c4c')),
    foreground: v('--vscode-foreground', '#ccc'),
  };
}

let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour with the given alpha; the canvas normalises the colour syntax for us. */
export function withAlpha(color: string, alpha: number): string {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return color;
  probe.fillStyle = '#000000';
  probe.fillStyle = color;
  const normal = String(probe.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normal);
  if (hex) return `rgba(${parseInt(hex[1], 16)}, ${parseInt(hex[2], 16)}, ${parseInt(hex[3], 16)}, ${alpha})`;
  const rgba = /^rgba?\(([^,]+),([^,]+),([^,)]+)(?:,([^)]+))?\)$/.exec(normal);
  if (rgba) return `rgba(${rgba[1].trim()}, ${rgba[2].trim()}, ${rgba[3].trim()}, ${alpha * (rgba[4] ? Number(rgba[4]) : 1)})`;
  return color;
}

/** Calls `listener` (once per burst of changes) whenever the theme changes. */
export function onThemeChange(listener: () => void): () => void {
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    // VS Code sets the body class and the <html> variables in one task: read after both.
    setTimeout(() => {
      queued = false;
      listener();
    }, 0);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return () => observer.disconnect();
}
