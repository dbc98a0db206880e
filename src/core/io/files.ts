import { DataReadError } from './table';

/** A DataReadError for a failure to open or stat a file, naming the file. */
export function fileError(path: string, err: unknown): DataReadError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DataReadError(`${path}: file not found`, path);
  if (code === 'EACCES' || code === 'EPERM') return new DataReadError(`${path}: permission denied`, path);
  if (code === 'EISDIR') return new DataReadError(`${path}: is a directory, not a data file`, path);
  return new DataReadError(`${path}: cannot read: ${(err as Error).message ?? err}`, path);
}
