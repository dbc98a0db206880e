/**
 * Links into the data view. A Problems entry of a Parquet file has no text to point at, so its `code` carries a
 * target: a command URI opening the data view at the entry's column (VS Code opens a diagnostic's code target with
 * commands allowed, from the Problems panel and from hovers). The command takes strings, as command URIs pass JSON.
 */
import * as vscode from 'vscode';
import { formatOf } from '../../core/io/formats';

export const OPEN_DATA_VIEW_COMMAND = 'driftInspector.openDataView';
/** The custom editor of Parquet files (their default editor). */
export const DATA_VIEW_TYPE = 'driftInspector.dataView';
/** The same editor for CSV/TSV, offered by "Open With…" (a view type has one priority, hence two). */
export const DATA_VIEW_TEXT_TYPE = 'driftInspector.dataViewText';

/** The view type that shows this file, or undefined for a format the data view is not offered for. */
export function dataViewTypeOf(file: vscode.Uri): string | undefined {
  const format = formatOf(file.path);
  return format === 'parquet' ? DATA_VIEW_TYPE : format === 'csv' || format === 'tsv' ? DATA_VIEW_TEXT_TYPE : undefined;
}

/** `command:driftInspector.openDataView?["file:///…/x.parquet","age"]`. */
export function dataViewLink(file: vscode.Uri, column?: string): vscode.Uri {
  const args = column === undefined ? [file.toString()] : [file.toString(), column];
  return vscode.Uri.parse(`command:${OPEN_DATA_VIEW_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`);
}

/** The command's file argument: a Uri, a Uri string, or a file system path. */
export function fileArgument(file: unknown): vscode.Uri | undefined {
  if (file instanceof vscode.Uri) return file;
  if (typeof file !== 'string' || file === '') return undefined;
  return /^[a-z][a-z0-9+.-]+:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}
