/**
 * The suite's worker threads: up to `size` WorkerClients, each running one comparison at a time (a WorkerClient
 * cancels its running comparison when given another, so parallel comparisons need one client each). Separate
 * from the panel's worker, so a suite run never cancels a comparison the user started, nor the reverse.
 * Threads start on first use; `cancel` terminates them all (the only way to stop a statistics loop), and
 * `stopThreads` after a run frees the tables each worker keeps cached (a client starts a new thread when used again).
 */
import type { DriftReport } from '../../core/suite/report';
import type { CompareRequest, WorkerProgress } from '../../protocol';
import { WorkerClient } from '../workerClient';

type Body = Omit<CompareRequest, 'type' | 'id'>;

export class WorkerPool {
  private readonly idle: WorkerClient[] = [];
  private readonly busy = new Set<WorkerClient>();
  private readonly waiting: ((client: WorkerClient) => void)[] = [];
  private created = 0;

  constructor(
    readonly size: number,
    private readonly scriptPath: string,
    private readonly log: (message: string) => void,
    private readonly memoryLimitMb: () => number | undefined = () => undefined,
  ) {}

  /** How many worker threads exist now (idle or busy). */
  get threads(): number {
    return [...this.idle, ...this.busy].filter((c) => c.alive).length;
  }

  async compare(request: Body, onProgress?: (p: WorkerProgress) => void): Promise<DriftReport> {
    const client = await this.acquire();
    try {
      return await client.compare(request, onProgress ?? (() => {}));
    } finally {
      this.release(client);
    }
  }

  /** Terminates every running comparison (each rejects with ComparisonCancelled). */
  cancel(): void {
    for (const client of this.busy) client.cancel();
  }

  /** Ends the threads of idle clients (their cached tables go with them). */
  stopThreads(): void {
    for (const client of this.idle) client.dispose();
  }

  dispose(): void {
    for (const client of [...this.idle, ...this.busy]) client.dispose();
  }

  private acquire(): Promise<WorkerClient> {
    const ready = this.idle.pop() ?? (this.created < this.size ? this.create() : undefined);
    if (ready) {
      this.busy.add(ready);
      return Promise.resolve(ready);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(client: WorkerClient): void {
    const next = this.waiting.shift();
    if (next) {
      next(client);
      return;
    }
    this.busy.delete(client);
    this.idle.push(client);
  }

  private create(): WorkerClient {
    this.created++;
    return new WorkerClient(this.scriptPath, this.log, this.memoryLimitMb);
  }
}
