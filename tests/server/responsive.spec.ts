/**
 * Boxes never wait on the operators: a publish runs on a thread of its own, so manifest polls
 * are answered while it is under way. Counted in answers, not timed.
 */
import { test, expect } from '@playwright/test';
import { call, startService, type RunningService } from './harness';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service.stop());

/** Polls the manifest one request after another until `until` settles; returns how many were answered before it did. */
const pollWhile = async (until: Promise<unknown>): Promise<number> => {
  let settled = false;
  void until.finally(() => (settled = true));
  let answered = 0;
  while (!settled) {
    const response = await fetch(`${service.url}/feed/manifest.json`);
    await response.arrayBuffer();
    if (response.status === 200 && !settled) answered++;
  }
  return answered;
};

test('manifest polls are answered while a district-wide publish and a roll-back are in progress', async () => {
  const { admin } = service.tokens;
  const publishing = call(service, 'POST', '/api/publish', admin.token, {});
  expect(await pollWhile(publishing), 'polls answered during the publish').toBeGreaterThanOrEqual(5);
  expect((await publishing).status).toBe(200);
  // A roll-back to the first version reassembles every file of the district.
  const rolling = call(service, 'POST', '/api/rollback', admin.token, { version: 1 });
  expect(await pollWhile(rolling), 'polls answered during the roll-back').toBeGreaterThanOrEqual(5);
  const rolled = await rolling;
  expect(rolled.status).toBe(200);
  const manifest = (await call(service, 'GET', '/feed/manifest.json', null)).body;
  expect(manifest.version).toBe(rolled.body.version);
});
