/**
 * Profiles one data file for the data view, sending what it learns as soon as it knows it (`emit`): a Parquet
 * file's schema from its footer alone (milliseconds, whatever its size), then its first rows, then each column's
 * summary as that column is read on its own. Other formats (CSV, TSV, Arrow, JSON Lines) have no footer: they are
 * read whole (readTable, sampled above the cap) and then sent in the same order.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatOf } from '../io/formats';
import { ParquetColumns } from '../io/parquetColumns';
import { readParquetMeta } from '../io/parquetMeta';
import { readTable } from '../io/read';
import { CancelledError, DataReadError, type Column, type ParseOptions, type Table } from '../io/table';
import { cellText } from './cellText';
import { MAX_ROW_GROUPS, type ProfileEvent, type ProfilePreview, type ProfileSchema } from './profileTypes';
import { skippedSummary, summarizeColumn } from './summarize';

export interface ProfileOptions {
  parse?: ParseOptions;
  /** Most rows of the grid (fewer for wide files: see previewRowCount). */
  previewRows?: number;
  /** Above this many rows a column is summarised from a seeded sample of this size. */
  summaryRowCap?: number;
  /** Checked between columns. */
  isCancelled?: () => boolean;
}

export const DEFAULT_PREVIEW_ROWS = 1000;
/** 10 million values of one column are 80 MB: beyond that, a sample says as much about its shape. */
export const DEFAULT_SUMMARY_ROW_CAP = 10_000_000;
/** The grid's cells are sent as text: keep a wide file's first rows to about this many cells. */
const PREVIEW_CELLS = 200_000;
/** A grid cell shows a line of text: longer values (documents, blobs as text) are cut here. */
export const MAX_CELL_CHARS = 500;

export function previewRowCount(columns: number, wanted = DEFAULT_PREVIEW_ROWS): number {
  return Math.max(1, Math.min(wanted, Math.floor(PREVIEW_CELLS / Math.max(1, columns))));
}

export async function profileFile(path: string, emit: (event: ProfileEvent) => void, options: ProfileOptions = {}): Promise<void> {
  const started = Date.now();
  const format = formatOf(path);
  if (format === undefined) throw new DataReadError(`${basename(path)}: not a data file the data view can show`, path);
  if (format === 'parquet') await profileParquet(path, emit, options);
  else await profileTable(path, emit, options);
  emit({ type: 'done', ms: Date.now() - started });
}

async function profileParquet(path: string, emit: (event: ProfileEvent) => void, options: ProfileOptions): Promise<void> {
  const meta = await readParquetMeta(path);
  emit({
    type: 'schema',
    schema: {
      path,
      format: 'parquet',
      bytes: meta.bytes,
      rows: meta.rows,
      columns: meta.fields.map((f) => ({ name: f.name, physicalType: f.physicalType, logicalType: f.logicalType, nulls: f.nulls })),
      rowGroups: meta.rowGroups.slice(0, MAX_ROW_GROUPS),
      rowGroupCount: meta.rowGroups.length,
      compression: meta.compression,
      ...(meta.createdBy ? { createdBy: meta.createdBy } : {}),
    },
  });
  const file = await ParquetColumns.open(path, options.parse);
  try {
    const names = file.names;
    const head = await file.head(previewRowCount(names.length, options.previewRows));
    emit({ type: 'preview', preview: preview(names, head.columns, head.rows, meta.rows, head.skipped) });
    const cap = options.summaryRowCap ?? DEFAULT_SUMMARY_ROW_CAP;
    for (let i = 0; i < names.length; i++) {
      if (options.isCancelled?.()) throw new CancelledError(path);
      const read = await file.column(i, cap);
      emit({ type: 'summary', summary: 'skipped' in read ? skippedSummary(names[i], i, read.skipped) : summarizeColumn(read.column, i, read.sampled) });
    }
  } finally {
    await file.close();
  }
}

async function profileTable(path: string, emit: (event: ProfileEvent) => void, options: ProfileOptions): Promise<void> {
  const table = await readTable(path, { ...options.parse, maxRows: options.summaryRowCap ?? DEFAULT_SUMMARY_ROW_CAP, isCancelled: options.isCancelled });
  emit({ type: 'schema', schema: { ...tableSchema(table), bytes: (await stat(path)).size } });
  const names = [...table.columns.map((c) => c.name), ...table.skipped.map((s) => s.name)];
  const columns: (Column | null)[] = [...table.columns, ...table.skipped.map(() => null)];
  const notes = new Map(table.skipped.map((s, k) => [table.columns.length + k, s.reason]));
  emit({ type: 'preview', preview: preview(names, columns, Math.min(table.rows, previewRowCount(names.length, options.previewRows)), table.totalRows, notes) });
  table.columns.forEach((c, i) => {
    emit({ type: 'summary', summary: summarizeColumn(c, i, table.sample ? table.rows : undefined) });
  });
  table.skipped.forEach((s, k) => emit({ type: 'summary', summary: skippedSummary(s.name, table.columns.length + k, s.reason) }));
}

function tableSchema(table: Table): ProfileSchema {
  const physical = table.format === 'csv' || table.format === 'tsv' ? 'text' : table.format === 'jsonl' ? 'JSON' : 'Arrow';
  return {
    path: table.path,
    format: table.format,
    bytes: 0,
    rows: table.totalRows,
    columns: [
      ...table.columns.map((c) => ({ name: c.name, physicalType: physical, logicalType: null, nulls: null })),
      ...table.skipped.map((s) => ({ name: s.name, physicalType: physical, logicalType: null, nulls: null })),
    ],
  };
}

function preview(names: string[], columns: (Column | null)[], rows: number, totalRows: number, skipped: Map<number, string>): ProfilePreview {
  const out: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) out.push(columns.map((c) => (c ? clip(cellText(c, r)) : null)));
  return { columns: names, rows: out, totalRows, notes: Object.fromEntries(skipped) };
}

function clip(text: string | null): string | null {
  return text !== null && text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text;
}
