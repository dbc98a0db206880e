/**
 * Lowers the calling thread's scheduling priority (Linux: a nice value set on a thread id applies to that thread
 * alone, and threads it starts later inherit it). The extension's worker does this first thing: on a 2-core machine
 * a comparison keeps two threads busy (the worker and its reader or column thread), and the extension host — the
 * thread every extension and the editor's language features run on — must win the CPU whenever it has work.
 * Elsewhere (macOS, Windows) the worker keeps the normal priority: there the call is skipped.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice 10: well below the host (0), still above idle-time work (19). */
export const WORKER_NICE = 10;

/** The new nice value, or undefined when the platform does not allow it. */
export function lowerThreadPriority(nice = WORKER_NICE): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return undefined;
    setPriority(tid, nice);
    return nice;
  } catch {
    return undefined;
  }
}
