/** Drift over time in words: the CLI's text section and the log's summary. */
import { formatNumber } from './format';
import type { DetectorRun, OverTimeReport } from './overTimeTypes';

export const DETECTOR_LABELS: Record<DetectorRun['detector'], string> = {
  adwin: 'ADWIN',
  ddm: 'DDM',
  eddm: 'EDDM',
  hddm_a: 'HDDM_A',
  kswin: 'KSWIN',
  page_hinkley: 'Page-Hinkley',
};

/** e.g. "by week of date, 26 windows", "by 500 rows in date order, 4 windows" or "by 500 rows in file order, …". */
export function windowingText(o: OverTimeReport): string {
  const count = `${o.windows.length} window${o.windows.length === 1 ? '' : 's'}`;
  if (o.window.kind !== 'rows') return `by ${o.window.kind} of ${o.timestamp}, ${count}`;
  return `by ${o.window.size} rows in ${o.timestamp ? `${o.timestamp} order` : 'file order'}, ${count}`;
}

export function streamText(run: DetectorRun): string {
  return run.stream.kind === 'error' ? `the error stream (${run.stream.target} vs ${run.stream.prediction})` : `"${run.stream.column}"`;
}

/** Where a detector saw changes: window labels, with the first change's row and time. */
export function changePointsText(run: DetectorRun, o: OverTimeReport): string {
  if (run.message) return run.message;
  if (run.changePoints.length === 0) return 'no change';
  const shown = run.changePoints.slice(0, 5).map((c) => {
    const when = c.timestamp !== null ? `, ${new Date(c.timestamp).toISOString().slice(0, 10)}` : '';
    return `${o.windows[c.window]?.label ?? '?'} (row ${c.row + 1}${when})`;
  });
  const more = run.changePoints.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function overTimeLines(o: OverTimeReport): string[] {
  const lines = [`drift over time (${windowingText(o)}${o.windows.length ? `: ${o.windows[0].label} … ${o.windows[o.windows.length - 1].label}` : ''}):`];
  for (const note of o.notes) lines.push(`  note: ${note}`);
  const width = Math.max(0, ...o.columns.map((c) => c.name.length));
  for (const c of o.columns) {
    const drifted = c.drifted.flatMap((d, i) => (d ? [i] : []));
    let peak = -1;
    c.scores.forEach((s, i) => {
      if (s !== null && (peak < 0 || s > c.scores[peak]!)) peak = i;
    });
    const first = drifted.length ? `first drifted in ${o.windows[drifted[0]].label}, drifted in ${drifted.length} of ${o.windows.length}` : 'no window drifted';
    const top = peak >= 0 ? `; peak score ${formatNumber(c.scores[peak])} in ${o.windows[peak].label}` : '';
    lines.push(`  ${c.name.padEnd(width)}  ${first}${top}`);
  }
  if (o.detectors.length) lines.push('change points:');
  for (const run of o.detectors) lines.push(`  ${DETECTOR_LABELS[run.detector]} on ${streamText(run)}: ${changePointsText(run, o)}`);
  return lines;
}
