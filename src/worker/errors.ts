/** Errors lose their class crossing postMessage; keep what the UI needs to say where the problem is. */
import { DataReadError } from '../core/io/table';
import type { SerializedError } from '../protocol';

export function serializeError(err: unknown): SerializedError {
  if (err instanceof DataReadError) {
    return { name: err.name, message: err.message, path: err.path, line: err.line, column: err.column, stack: err.stack };
  }
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: String(err) };
}
