/**
 * Boxes never wait on the operators: a publish runs on a thread of its own, so manifest polls
 * are answered while it is under way. Counted in answers, not timed.
 */
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { call, startService, type RunningService } from './harness';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service.stop());

/**
 * Polls the manifest one request after another until `until` settles, or `enough` have been
 * answered; returns how many were answered before it settled, and the slowest answer's time.
 */
const pollWhile = async (
  until: Promise<unknown>,
  enough = Infinity,
): Promise<{ answered: number; slowestMs: number }> => {
  let settled = false;
  void until.finally(() => (settled = true));
  let answered = 0;
  let slowestMs = 0;
  while (!settled && answered < enough) {
    const started = performance.now();
    const response = await fetch(`${service.url}/feed/manifest.json`);
    await response.arrayBuffer();
    slowestMs = Math.max(slowestMs, performance.now() - started);
    if (response.status === 200 && !settled) answered++;
  }
  return { answered, slowestMs };
};

test('manifest polls are answered while a district-wide publish and a roll-back are in progress', async () => {
  const { admin } = service.tokens;
  const publishing = call(service, 'POST', '/api/publish', admin.token, {});
  expect((await pollWhile(publishing)).answered, 'polls answered during the publish').toBeGreaterThanOrEqual(5);
  expect((await publishing).status).toBe(200);
  // A roll-back to the first version reassembles every file of the district.
  const rolling = call(service, 'POST', '/api/rollback', admin.token, { version: 1 });
  expect((await pollWhile(rolling)).answered, 'polls answered during the roll-back').toBeGreaterThanOrEqual(5);
  const rolled = await rolling;
  expect(rolled.status).toBe(200);
  const manifest = (await call(service, 'GET', '/feed/manifest.json', null)).body;
  expect(manifest.version).toBe(rolled.body.version);
});

test('operator writes that find the database locked by a publish wait without stalling polls, then go through', async () => {
  const { admin, clerk } = service.tokens;
  // The write lock held as the publishing thread holds it while it assembles a version (another
  // connection's transaction): held here, so that the writes surely meet it.
  const publishing = new Database(join(service.dataDir, 'sanwu.db'));
  publishing.exec('BEGIN IMMEDIATE');
  try {
    // A scheduled publish writes first (SQLite would wait in its busy timeout, blocking the
    // service); a push reads first (SQLite refuses it at once). Both must wait their turn.
    const scheduling = call(service, 'POST', '/api/publish', admin.token, { at: '2030-01-01T08:00:00+08:00' });
    const pushPath = `/api/regions/${clerk.region}/channels/14/items/during-publish`;
    const pushing = call(service, 'PUT', pushPath, clerk.token, {
      title: '关于冬季用水安全的通知',
      body: ['请各户注意防冻。'],
    });
    // Both have met the lock (the service says so when a write first does) and are waiting. A
    // service blocked inside SQLite's busy timeout would say nothing, nor answer, for seconds.
    await expect
      .poll(() => service.log(), { message: 'the scheduled publish met the lock', timeout: 4_000 })
      .toContain('POST /api/publish: the database is busy');
    await expect
      .poll(() => service.log(), { message: 'the push met the lock', timeout: 4_000 })
      .toContain(`PUT ${pushPath}: the database is busy`);
    const polls = await pollWhile(Promise.race([scheduling, pushing]), 10);
    expect(polls.answered, 'polls answered while the writes wait for the lock').toBe(10);
    expect(polls.slowestMs, 'the slowest of them, in ms').toBeLessThan(1_000);
    publishing.exec('COMMIT');
    const [scheduled, pushed] = await Promise.all([scheduling, pushing]);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(202);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
    expect(pushed.body.status).toBe('draft');
  } finally {
    if (publishing.inTransaction) publishing.exec('ROLLBACK');
    publishing.close();
  }
});
