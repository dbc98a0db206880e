/**
 * Owns the worker thread: created on first use (not at activation), terminated on cancel (the only way to stop
 * a tight statistics loop) and on dispose. Every request is a job with an id; the worker answers them in order.
 *
 * One comparison at a time: a new comparison cancels a running one (its result would be stale). The panel's
 * column requests (every test of a column, one column compared again) are refused while a comparison runs,
 * with a message saying so, rather than queued: they belong to the report on screen, which that comparison is
 * about to replace. A comparison started while column jobs run does not stop them; the worker runs it next.
 */
import { Worker } from 'node:worker_threads';
import type { ColumnTestResult, DriftReport } from '../core/suite/report';
import type {
  ColumnTestsRequest,
  CompareRequest,
  FromWorker,
  RecompareColumnRequest,
  SerializedError,
  ToWorker,
  WorkerProgress,
} from '../protocol';

export class ComparisonCancelled extends Error {
  constructor() {
    super('Comparison cancelled');
    this.name = 'ComparisonCancelled';
  }
}

/** A column request made while a comparison runs. */
export class WorkerBusy extends Error {
  constructor() {
    super('A comparison is running: try again when it has finished.');
    this.name = 'WorkerBusy';
  }
}

/** An error reported by the worker, keeping the file, line and column it is about. */
export class WorkerError extends Error {
  /** The place the error is about, on the error itself too (the suite runner reads them there). */
  readonly path?: string;
  readonly line?: number;
  readonly column?: string;

  constructor(readonly detail: SerializedError) {
    super(detail.message);
    this.name = detail.name;
    this.path = detail.path;
    this.line = detail.line;
    this.column = detail.column;
  }
}

type Reply = Exclude<FromWorker, WorkerProgress>;

type Job = {
  kind: ToWorker['type'];
  resolve: (reply: Reply) => void;
  reject: (err: Error) => void;
  onProgress?: (p: WorkerProgress) => void;
};

type Body<T> = Omit<T, 'type' | 'id'>;
/** A request before it gets its id (Omit over each member of the union, so `type` still tells them apart). */
type Unsent = ToWorker extends infer R ? (R extends ToWorker ? Omit<R, 'id'> : never) : never;

export class WorkerClient {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(
    private readonly scriptPath: string,
    private readonly log: (message: string) => void,
    /** The worker's JavaScript heap limit in MB, read when a thread starts (undefined: Node's default). */
    private readonly memoryLimitMb: () => number | undefined = () => undefined,
  ) {}

  /** True while a worker thread exists (alive, idle or busy). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** True while a comparison runs (column jobs do not count: they are short and cannot be cancelled by the user). */
  get busy(): boolean {
    return this.runningCompare() !== undefined;
  }

  async compare(request: Body<CompareRequest>, onProgress: (p: WorkerProgress) => void): Promise<DriftReport> {
    if (this.busy) this.cancel();
    const reply = await this.send({ type: 'compare', ...request }, onProgress);
    return (reply as Extract<Reply, { type: 'result' }>).report;
  }

  async columnTests(request: Body<ColumnTestsRequest>): Promise<ColumnTestResult[]> {
    if (this.busy) throw new WorkerBusy();
    const reply = await this.send({ type: 'columnTests', ...request });
    return (reply as Extract<Reply, { type: 'columnTests' }>).tests;
  }

  async recompareColumn(request: Body<RecompareColumnRequest>): Promise<DriftReport> {
    if (this.busy) throw new WorkerBusy();
    const reply = await this.send({ type: 'recompareColumn', ...request });
    return (reply as Extract<Reply, { type: 'result' }>).report;
  }

  /**
   * Stops the running comparison by terminating the thread; the next request starts a fresh one. Column jobs
   * queued behind it die with the thread and are rejected too.
   */
  cancel(): boolean {
    if (!this.busy) return false;
    this.terminate('cancelled');
    this.rejectAll(() => new ComparisonCancelled());
    return true;
  }

  dispose(): void {
    this.terminate('disposed');
    this.rejectAll(() => new ComparisonCancelled());
  }

  private send(request: Unsent, onProgress?: (p: WorkerProgress) => void): Promise<Reply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.jobs.set(id, { kind: request.type, resolve, reject, onProgress });
      worker.postMessage({ ...request, id } as ToWorker);
    });
  }

  private runningCompare(): Job | undefined {
    for (const job of this.jobs.values()) if (job.kind === 'compare') return job;
    return undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const limit = this.memoryLimitMb();
    const worker = new Worker(this.scriptPath, limit ? { resourceLimits: { maxOldGenerationSizeMb: limit } } : {});
    this.log(`worker thread ${worker.threadId} started${limit ? ` (heap limit ${limit} MB)` : ''}`);
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.log(`worker thread ${worker.threadId} failed: ${err.code ?? ''} ${err.message}`);
      const message =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The comparison ran out of memory (the worker's limit is ${limit ?? 'Node\'s default'} MB, driftInspector.workerMemoryMb): ` +
            'sample the files with a lower driftInspector.maxRows, or raise the limit.'
          : `The comparison worker crashed: ${err.message}`;
      this.rejectAll(() => new Error(message));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.rejectAll(() => new Error(`The comparison worker stopped unexpectedly (exit code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FromWorker): void {
    const job = this.jobs.get(message.id);
    if (!job) return;
    if (message.type === 'progress') {
      job.onProgress?.(message);
      return;
    }
    this.jobs.delete(message.id);
    if (message.type === 'error') job.reject(new WorkerError(message.error));
    else job.resolve(message);
  }

  private rejectAll(error: () => Error): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.reject(error());
  }

  private terminate(why: string): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.log(`worker thread ${worker.threadId} terminated (${why})`);
    void worker.terminate();
  }
}
