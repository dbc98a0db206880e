/**
 * One file's profile, run in a worker thread of its own (dist/dataViewWorker.js): started per data view, ended when
 * the profile is done, failed, or no longer wanted (the view closed, the file changed). Separate from the comparison
 * worker on purpose: that one runs its requests one at a time, and a long profile must never make a comparison wait.
 */
import { Worker } from 'node:worker_threads';
import type { ParseOptions } from '../../core/io/table';
import type { ProfileEvent } from '../../core/profile/profileTypes';
import type { FromProfileWorker, ProfileRequest, SerializedError } from '../../protocol';

export interface ProfileListener {
  event(event: ProfileEvent): void;
  failed(error: SerializedError): void;
}

export class ProfileThread {
  private worker: Worker | undefined;

  constructor(scriptPath: string, path: string, read: ParseOptions, listener: ProfileListener, log: (message: string) => void) {
    const worker = new Worker(scriptPath);
    this.worker = worker;
    log(`data view thread ${worker.threadId} profiling ${path}`);
    worker.on('message', (message: FromProfileWorker) => {
      if (this.worker !== worker) return;
      if (message.type === 'error') {
        this.stop();
        listener.failed(message.error);
        return;
      }
      if (message.type === 'done') this.stop();
      listener.event(message);
    });
    worker.on('error', (err) => {
      if (this.worker !== worker) return;
      this.stop();
      listener.failed({ name: err.name, message: `the data view's worker failed: ${err.message}` });
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      listener.failed({ name: 'Error', message: `the data view's worker stopped unexpectedly (exit code ${code})` });
    });
    worker.postMessage({ type: 'profile', path, read } satisfies ProfileRequest);
  }

  /** True until the profile is done, failed or stopped. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Ends the thread (mid-profile or after it); nothing more is reported. */
  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
