/**
 * A column's distribution as a tiny bar chart: a numeric histogram, or the shares of the most frequent values.
 * Inline SVG coloured by theme variables (CSS), so it needs no canvas and follows theme changes by itself.
 */
import type { ColumnSummary } from '../../src/core/profile/profileTypes';
import { distributionText } from './dataViewFormat';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 120;
const HEIGHT = 28;

export function sparkline(s: ColumnSummary): SVGSVGElement | null {
  const present = s.rows - s.missing;
  const values = s.histogram ? s.histogram.counts : s.top && present > 0 ? s.top.map((t) => t.count) : undefined;
  if (!values?.length) return null;
  // Category shares are drawn against all present values, so a column of one value shows one full bar.
  const scale = s.histogram ? Math.max(...values) : present;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `sparkline ${s.histogram ? 'histogram' : 'categories'}`);
  svg.setAttribute('width', String(WIDTH));
  svg.setAttribute('height', String(HEIGHT));
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', distributionText(s));
  const slot = WIDTH / (s.histogram ? values.length : 5);
  const gap = values.length > 12 ? 1 : 2;
  values.forEach((v, i) => {
    const h = scale > 0 ? Math.max(v > 0 ? 1 : 0, (v / scale) * HEIGHT) : 0;
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', String(i * slot + gap / 2));
    bar.setAttribute('y', String(HEIGHT - h));
    bar.setAttribute('width', String(Math.max(1, slot - gap)));
    bar.setAttribute('height', String(h));
    svg.appendChild(bar);
  });
  return svg;
}
