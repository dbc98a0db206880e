/** The data view's words for sizes, types and summaries. Pure functions, no DOM. */
import type { ColumnSummary, ProfileSchema } from '../../src/core/profile/profileTypes';
import { formatCount, formatDate, formatNumber, formatShare } from '../format';

/** 13493022 → "12.9 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toPrecision(3))} ${units[unit]}`;
}

const FORMAT_NAMES: Record<ProfileSchema['format'], string> = { parquet: 'Parquet', csv: 'CSV', tsv: 'TSV', arrow: 'Arrow', jsonl: 'JSON Lines' };

/** "Parquet · 3,000,000 rows · 5 columns · 11 row groups · ZSTD · 12.9 MB · Polars". */
export function fileFacts(schema: ProfileSchema): string[] {
  const facts = [FORMAT_NAMES[schema.format], plural(schema.rows, 'row'), plural(schema.columns.length, 'column')];
  if (schema.rowGroupCount !== undefined) facts.push(plural(schema.rowGroupCount, 'row group'));
  if (schema.compression?.length) facts.push(schema.compression.join(', '));
  if (schema.bytes > 0) facts.push(formatBytes(schema.bytes));
  if (schema.createdBy) facts.push(schema.createdBy);
  return facts;
}

export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Nulls from the file's statistics: "0", "27 (9%)", or "—" when unknown. */
export function nullsText(nulls: number | null, rows: number): string {
  if (nulls === null) return '—';
  return nulls === 0 || rows === 0 ? formatCount(nulls) : `${formatCount(nulls)} (${formatShare(nulls / rows)})`;
}

/** The summary's missing share, e.g. "0%", "9%". */
export function missingText(s: ColumnSummary): string {
  return s.rows === 0 ? '—' : formatShare(s.missing / s.rows);
}

/** Numbers: "min … max"; datetimes as dates; categories: the top values with their shares. */
export function rangeText(s: ColumnSummary): string {
  if (s.type === 'numeric') return s.min === undefined ? '—' : `${formatNumber(s.min)} … ${formatNumber(s.max)}`;
  if (s.type === 'datetime') return s.min === undefined ? '—' : `${formatDate(s.min)} … ${formatDate(s.max)}`;
  if (!s.top?.length) return '—';
  const present = s.rows - s.missing;
  return s.top.map((t) => `${t.value} ${formatShare(present > 0 ? t.count / present : 0)}`).join(', ');
}

/** A text alternative for the distribution sparkline. */
export function distributionText(s: ColumnSummary): string {
  if (s.histogram) {
    const peak = s.histogram.counts.indexOf(Math.max(...s.histogram.counts));
    const at = (x: number) => (s.type === 'datetime' ? formatDate(x) : formatNumber(x));
    return `Histogram of ${s.histogram.counts.length} bins; most values between ${at(s.histogram.edges[peak])} and ${at(s.histogram.edges[peak + 1])}`;
  }
  if (s.top?.length) return `Most frequent: ${s.top.map((t) => `${t.value} (${formatCount(t.count)})`).join(', ')}`;
  return 'No values';
}
