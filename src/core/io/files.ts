import * as fs from 'node:fs';
import { basename } from 'node:path';
import { DataReadError } from './table';

/** A DataReadError for a failure to open or stat a file, naming the file. */
export function fileError(path: string, err: unknown): DataReadError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DataReadError(`${path}: file not found`, path);
  if (code === 'EACCES' || code === 'EPERM') return new DataReadError(`${path}: permission denied`, path);
  if (code === 'EISDIR') return new DataReadError(`${path}: is a directory, not a data file`, path);
  return new DataReadError(`${path}: cannot read: ${(err as Error).message ?? err}`, path);
}

/** The file opened for reading, or a DataReadError naming it (see `fileError`). */
export async function openForReading(path: string): Promise<fs.promises.FileHandle> {
  try {
    return await fs.promises.open(path, 'r');
  } catch (err) {
    throw fileError(path, err);
  }
}

/** Size and modification time of a file, or undefined when it cannot be stat'ed (the reader then says why). */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

export async function fileStamp(path: string): Promise<FileStamp | undefined> {
  try {
    const { size, mtimeMs } = await fs.promises.stat(path);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Whether the file is no longer what `before` saw. A file still being written (an export, a download) reads as a
 * mix of old and new rows, or as a corrupt Parquet footer; a comparison of that would mislead.
 */
export async function changedSince(path: string, before: FileStamp): Promise<boolean> {
  const now = await fileStamp(path);
  return now === undefined || now.size !== before.size || now.mtimeMs !== before.mtimeMs;
}

export function changedError(path: string): DataReadError {
  return new DataReadError(`${basename(path)} changed while it was being read; compare again when it is complete`, path);
}
