/**
 * Owns the comparison worker thread: created on first use (not at activation), one comparison at a time,
 * terminated on cancel (the only way to stop a tight statistics loop) and on dispose.
 */
import { Worker } from 'node:worker_threads';
import type { DriftReport } from '../core/suite/report';
import type { CompareRequest, FromWorker, SerializedError, WorkerProgress } from '../protocol';

export class ComparisonCancelled extends Error {
  constructor() {
    super('Comparison cancelled');
    this.name = 'ComparisonCancelled';
  }
}

/** An error reported by the worker, keeping the file, line and column it is about. */
export class WorkerError extends Error {
  constructor(readonly detail: SerializedError) {
    super(detail.message);
    this.name = detail.name;
  }
}

type Job = {
  id: number;
  resolve: (report: DriftReport) => void;
  reject: (err: Error) => void;
  onProgress: (p: WorkerProgress) => void;
};

export class WorkerClient {
  private worker: Worker | undefined;
  private job: Job | undefined;
  private nextId = 1;

  constructor(
    private readonly scriptPath: string,
    private readonly log: (message: string) => void,
  ) {}

  /** True while a worker thread exists (alive, idle or busy). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  get busy(): boolean {
    return this.job !== undefined;
  }

  compare(request: Omit<CompareRequest, 'type' | 'id'>, onProgress: (p: WorkerProgress) => void): Promise<DriftReport> {
    // A new comparison replaces one still running: its result would be stale.
    if (this.job) this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<DriftReport>((resolve, reject) => {
      this.job = { id, resolve, reject, onProgress };
      worker.postMessage({ type: 'compare', id, ...request } satisfies CompareRequest);
    });
  }

  /** Stops the running comparison by terminating the thread; the next comparison starts a fresh one. */
  cancel(): boolean {
    const job = this.job;
    if (!job) return false;
    this.job = undefined;
    this.terminate('cancelled');
    job.reject(new ComparisonCancelled());
    return true;
  }

  dispose(): void {
    const job = this.job;
    this.job = undefined;
    this.terminate('disposed');
    job?.reject(new ComparisonCancelled());
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath);
    this.log(`worker thread ${worker.threadId} started`);
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (err) => this.fail(new Error(`The comparison worker crashed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.fail(new Error(`The comparison worker stopped unexpectedly (exit code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FromWorker): void {
    const job = this.job;
    if (!job || message.id !== job.id) return;
    if (message.type === 'progress') {
      job.onProgress(message);
      return;
    }
    this.job = undefined;
    if (message.type === 'result') job.resolve(message.report);
    else if (message.type === 'error') job.reject(new WorkerError(message.error));
  }

  private fail(err: Error): void {
    const job = this.job;
    this.job = undefined;
    job?.reject(err);
  }

  private terminate(why: string): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.log(`worker thread ${worker.threadId} terminated (${why})`);
    void worker.terminate();
  }
}
