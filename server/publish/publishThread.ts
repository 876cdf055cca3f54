/**
 * Runs publishes on a worker thread (publishWorker.ts), one at a time: a district-wide publish
 * takes seconds of CPU, and boxes polling meanwhile must not wait for it.
 */
import { Worker } from 'node:worker_threads';
import { NoSuchVersion, PublishRejected, type PublishResult } from './publisher';

export interface PublishPaths {
  dbFile: string;
  feedDir: string;
  keyFile: string;
  /** The data directory cannot be written: the database is opened for reading, and every job fails as unwritable. */
  readOnly: boolean;
}

export type PublishJob =
  | { kind: 'publish'; operatorId: number | null }
  | { kind: 'rollback'; operatorId: number; toVersion: number }
  | { kind: 'recover' }
  /** Re-signs as of `now` (the caller's clock), after finishing any version a failed publish left pending. */
  | { kind: 'resign'; now: number };

type JobResult<J extends PublishJob> = J extends { kind: 'recover' }
  ? number[]
  : J extends { kind: 'resign' }
    ? number
    : PublishResult;

export type WorkerAnswer =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      name: string;
      message: string;
      code?: string;
      problems: PublishRejected['feedProblems'];
      version?: number;
    };

/** The error the worker threw, as the class it was: operators' errors keep their answer. */
const rebuilt = (answer: Extract<WorkerAnswer, { ok: false }>): Error => {
  if (answer.name === 'PublishRejected') return new PublishRejected(answer.problems);
  if (answer.name === 'NoSuchVersion' && answer.version !== undefined) return new NoSuchVersion(answer.version);
  return Object.assign(new Error(answer.message), answer.code ? { code: answer.code } : {});
};

/**
 * The worker runs what the service runs. Built (dist-service/, `npm run build`), the service is
 * one bundle with the worker's bundle beside it; from source, the worker runs TypeScript through
 * tsx, registered in the thread.
 */
const workerSource = (): string => {
  if (import.meta.url.endsWith('.mjs'))
    return `await import(${JSON.stringify(new URL('./publishWorker.mjs', import.meta.url).href)});`;
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./publishWorker.ts', import.meta.url).href;
  return `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
};

export class PublishThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  /** Jobs run in order: each waits for the one before it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly paths: PublishPaths) {}

  run<J extends PublishJob>(job: J): Promise<JobResult<J>> {
    const result = this.queue.then(() => this.send(job));
    this.queue = result.catch(() => undefined);
    return result as Promise<JobResult<J>>;
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private send(job: PublishJob): Promise<unknown> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerSource(), { eval: true, workerData: this.paths });
    worker.on('message', (answer: WorkerAnswer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      // Idle, the thread does not keep the process alive.
      if (!this.waiting.size) worker.unref();
      if (!waiter) return;
      if (answer.ok) waiter.resolve(answer.value);
      else waiter.reject(rebuilt(answer));
    });
    // A thread that dies fails what it was doing; the next job starts a new one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the publishing thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
