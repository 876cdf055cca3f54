/**
 * What the villager sent from the box (a question, later a help request or a vote), kept in box
 * storage until the service has it. Each entry carries an idempotency key made when it was
 * queued, and goes out signed anew on each try: a resend after a lost answer, a dropped
 * network or a reboot is recognised by the service as the same submission, so it is delivered
 * exactly once. Entries go out in the order they were queued; the first one the network cannot
 * carry stops the round, and the next round starts again from it.
 */
import { newNonce } from '../../household/signedRequest';
import type { BoxAnswer } from './boxRequest';

/** The box's storage, as the SDK's Storage gives it (values kept as JSON). */
export interface OutboxStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface OutboxEntry {
  /** The idempotency key: also in the body the service reads. */
  key: string;
  /** What it is, for the screen (question, help…). */
  kind: string;
  /** The service's path, e.g. /box/questions. */
  path: string;
  /** The body sent, the key included. */
  body: Record<string, unknown>;
  /** When the villager sent it (epoch ms). */
  queuedAt: number;
  /** What the screen calls it while it waits (not sent). */
  label?: string;
}

/** How an entry ended: taken by the service (new, or recognised as sent before), or refused (a 4xx, never retried). */
export type Outcome =
  | { entry: OutboxEntry; result: 'delivered'; answer: BoxAnswer }
  | { entry: OutboxEntry; result: 'refused'; answer: BoxAnswer };

export interface OutboxOptions {
  storage: OutboxStorage;
  /** Where in storage the queue lives (one per kind of queue, or one for all). */
  storageKey: string;
  /** Sends one signed request; rejects only when the service cannot be reached. */
  send: (path: string, body: Record<string, unknown>) => Promise<BoxAnswer>;
  /** Hears each entry that left the queue. */
  onOutcome?: (outcome: Outcome) => void;
  now?: () => number;
}

/** An idempotency key: 16 random bytes in URL-safe base64. */
export const newIdempotencyKey = (): string => newNonce().replace(/\+/g, '-').replace(/\//g, '_');

const isEntry = (value: unknown): value is OutboxEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.key === 'string' &&
    typeof e.kind === 'string' &&
    typeof e.path === 'string' &&
    typeof e.queuedAt === 'number' &&
    typeof e.body === 'object' &&
    e.body !== null
  );
};

export class Outbox {
  private queue: OutboxEntry[];
  private running: Promise<Outcome[]> | null = null;

  constructor(private readonly options: OutboxOptions) {
    const kept = options.storage.get(options.storageKey);
    this.queue = Array.isArray(kept) ? kept.filter(isEntry) : [];
  }

  /** What waits to be sent, oldest first (the screen shows these as 待发送). */
  get pending(): readonly OutboxEntry[] {
    return this.queue;
  }

  /** Queues a submission (kept in storage before anything is sent) and returns its entry. */
  add(kind: string, path: string, body: Record<string, unknown>, label?: string): OutboxEntry {
    const key = newIdempotencyKey();
    const queuedAt = (this.options.now ?? Date.now)();
    const entry: OutboxEntry = { key, kind, path, body: { ...body, key }, queuedAt, ...(label ? { label } : {}) };
    this.queue = [...this.queue, entry];
    this.save();
    return entry;
  }

  /** Sends what waits, in order; calls made meanwhile share the round. Resolves to what left the queue. */
  flush(): Promise<Outcome[]> {
    if (!this.running) {
      const running = this.round();
      this.running = running;
      const settle = () => {
        if (this.running === running) this.running = null;
      };
      running.then(settle, settle);
    }
    return this.running;
  }

  private async round(): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    // Each try ends with the entry out of the queue or the round stopped: one queued meanwhile goes too.
    for (let entry = this.queue[0]; entry; entry = this.queue[0]) {
      let answer: BoxAnswer;
      try {
        answer = await this.options.send(entry.path, entry.body);
      } catch {
        break;
      }
      // The service is there but cannot take it now (5xx, or its answer did not come): later, in order.
      if (answer.status >= 500 || answer.status === 0) break;
      const outcome: Outcome =
        answer.status < 300 ? { entry, result: 'delivered', answer } : { entry, result: 'refused', answer };
      const sent = entry.key;
      this.queue = this.queue.filter((e) => e.key !== sent);
      this.save();
      outcomes.push(outcome);
      this.options.onOutcome?.(outcome);
    }
    return outcomes;
  }

  private save(): void {
    this.options.storage.set(this.options.storageKey, this.queue);
  }
}
