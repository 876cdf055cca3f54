/**
 * The box's outbox (src/tv/household/outbox.ts): submissions kept in storage, sent in order,
 * each with the idempotency key it was queued with, whatever happens to the network or the box.
 */
import { test, expect } from '@playwright/test';
import { Outbox, type OutboxStorage } from '../../src/tv/household/outbox';
import type { BoxAnswer } from '../../src/tv/household/boxRequest';

/** Box storage as the SDK keeps it: values go through JSON. */
class MemoryStorage implements OutboxStorage {
  readonly values = new Map<string, string>();
  get(key: string): unknown {
    const value = this.values.get(key);
    return value === undefined ? null : JSON.parse(value);
  }
  set(key: string, value: unknown): void {
    this.values.set(key, JSON.stringify(value));
  }
}

/** A service that stores each key once (as POST /box/questions does) and can be cut off. */
class Service {
  online = true;
  /** Takes the request but the answer never reaches the box. */
  loseNextAnswer = false;
  status = 201;
  readonly received: { path: string; body: Record<string, unknown> }[] = [];
  readonly stored = new Map<string, Record<string, unknown>>();

  send = async (path: string, body: Record<string, unknown>): Promise<BoxAnswer> => {
    if (!this.online) throw new TypeError('Failed to fetch');
    this.received.push({ path, body });
    if (this.status >= 400) return { status: this.status, body: { error: { zh: '拒绝', en: 'refused' } } };
    const key = String(body.key);
    const known = this.stored.has(key);
    if (!known) this.stored.set(key, body);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError('network dropped before the answer');
    }
    return { status: known ? 200 : 201, body: { id: [...this.stored.keys()].indexOf(key) + 1 } };
  };
}

const outboxOn = (storage: OutboxStorage, service: Service, heard: string[] = []) =>
  new Outbox({
    storage,
    storageKey: 'outbox',
    send: service.send,
    onOutcome: (o) => heard.push(`${o.result} ${String(o.entry.body.n)}`),
  });

test('entries go out in the order they were queued, each with its own key, and leave the queue and storage', async () => {
  const storage = new MemoryStorage();
  const service = new Service();
  const heard: string[] = [];
  const outbox = outboxOn(storage, service, heard);
  service.online = false;
  const entries = [1, 2, 3].map((n) => outbox.add('question', '/box/questions', { n }));
  await outbox.flush();
  expect(outbox.pending.map((e) => e.body.n)).toEqual([1, 2, 3]);
  expect(new Set(entries.map((e) => e.key)).size).toBe(3);
  for (const e of entries) expect(e.key).toMatch(/^[A-Za-z0-9_-]{22}$/);

  service.online = true;
  const outcomes = await outbox.flush();
  expect(service.received.map((r) => r.body.n)).toEqual([1, 2, 3]);
  expect(service.received.map((r) => r.body.key)).toEqual(entries.map((e) => e.key));
  expect(outcomes.map((o) => o.result)).toEqual(['delivered', 'delivered', 'delivered']);
  expect(heard).toEqual(['delivered 1', 'delivered 2', 'delivered 3']);
  expect(outbox.pending).toEqual([]);
  expect(storage.get('outbox')).toEqual([]);
});

test('a lost answer or a dropped network is retried under the same key: the service stores it once', async () => {
  const service = new Service();
  const outbox = outboxOn(new MemoryStorage(), service);
  outbox.add('question', '/box/questions', { n: 1 });
  outbox.add('question', '/box/questions', { n: 2 });
  service.loseNextAnswer = true;
  // The first reached the service but its answer was lost: it stays, and the round stops there (order kept).
  expect(await outbox.flush()).toEqual([]);
  expect(outbox.pending.map((e) => e.body.n)).toEqual([1, 2]);
  const outcomes = await outbox.flush();
  expect(outcomes.map((o) => [o.entry.body.n, o.answer.status])).toEqual([
    [1, 200],
    [2, 201],
  ]);
  expect(service.received.map((r) => r.body.n)).toEqual([1, 1, 2]);
  expect(service.received[0]!.body.key).toBe(service.received[1]!.body.key);
  expect(service.stored.size).toBe(2);
  // Nothing left to send: a further round sends nothing.
  await outbox.flush();
  expect(service.received).toHaveLength(3);
});

test('after a reboot the queue is restored from storage and delivered, once', async () => {
  const storage = new MemoryStorage();
  const service = new Service();
  service.online = false;
  const before = outboxOn(storage, service);
  const queued = before.add('question', '/box/questions', { n: 7 });
  await before.flush();
  // The box restarts: a new outbox over the same storage.
  const after = outboxOn(storage, service);
  expect(after.pending).toEqual([queued]);
  service.online = true;
  await after.flush();
  expect(service.stored.size).toBe(1);
  expect(service.received.map((r) => r.body.key)).toEqual([queued.key]);
  expect(outboxOn(storage, service).pending).toEqual([]);
});

test('a refusal (4xx) leaves the queue and is heard; a 5xx keeps the entry for later', async () => {
  const service = new Service();
  const heard: string[] = [];
  const outbox = outboxOn(new MemoryStorage(), service, heard);
  service.status = 503;
  outbox.add('question', '/box/questions', { n: 1 });
  await outbox.flush();
  expect(outbox.pending).toHaveLength(1);
  expect(heard).toEqual([]);
  service.status = 429;
  await outbox.flush();
  expect(outbox.pending).toHaveLength(0);
  expect(heard).toEqual(['refused 1']);
});

test('calls made during a round share it, and an entry queued meanwhile goes out in the same round', async () => {
  const service = new Service();
  const outbox = outboxOn(new MemoryStorage(), service);
  outbox.add('question', '/box/questions', { n: 1 });
  const first = outbox.flush();
  outbox.add('question', '/box/questions', { n: 2 });
  const second = outbox.flush();
  expect(second).toBe(first);
  expect((await first).map((o) => o.entry.body.n)).toEqual([1, 2]);
  expect(service.received).toHaveLength(2);
});

test('storage holding something else than entries is ignored, not trusted', () => {
  const storage = new MemoryStorage();
  storage.set('outbox', [{ key: 1 }, 'x', null]);
  expect(outboxOn(storage, new Service()).pending).toEqual([]);
  storage.set('outbox', { not: 'a list' });
  expect(outboxOn(storage, new Service()).pending).toEqual([]);
});
