/**
 * The console's audit log and a version's changes, in this process (inject): each operator reads
 * only their regions' entries, newest first, filtered and paged; a version lists the items it
 * added, changed and removed, and a roll-back's preview lists them the other way.
 */
import { test, expect } from '@playwright/test';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const notice = (title: string) => ({ title, body: ['村民代表会议决定于十二月一日起实行新的垃圾清运时间。'] });
const item = (region: string, id: string) => `/api/regions/${region}/channels/14/items/${id}`;

test("the audit log lists the reader's regions only, newest first, filtered by action and operator, in pages", async () => {
  const { clerk, admin } = service.tokens;
  const district = readSample('district.json') as { streets: { villages: { code: string }[] }[] };
  const other = district.streets[1]!.villages[0]!.code;
  expect((await call(service, 'PUT', item(clerk.region, 'audit-own'), clerk.token, notice('本村通知'))).status).toBe(
    201,
  );
  expect((await call(service, 'PUT', item(other, 'audit-other'), admin.token, notice('外村通知'))).status).toBe(201);

  const mine = await call(service, 'GET', '/api/audit', clerk.token);
  expect(mine.status).toBe(200);
  const targets = mine.body.entries.map((e: { target: string }) => e.target);
  expect(targets[0]).toBe(`${clerk.region}/14/audit-own`);
  expect(targets).not.toContain(`${other}/14/audit-other`);
  expect(mine.body.entries.every((e: { region: string }) => e.region === clerk.region)).toBe(true);
  const seqs = mine.body.entries.map((e: { seq: number }) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

  const all = await call(service, 'GET', '/api/audit?action=draft', admin.token);
  expect(all.body.entries.map((e: { target: string }) => e.target)).toEqual(
    expect.arrayContaining([`${clerk.region}/14/audit-own`, `${other}/14/audit-other`]),
  );
  expect(all.body.entries.every((e: { action: string }) => e.action === 'draft')).toBe(true);
  const byRegion = await call(service, 'GET', `/api/audit?region=${other}`, admin.token);
  expect(byRegion.body.entries.map((e: { target: string }) => e.target)).toEqual([`${other}/14/audit-other`]);
  const adminId = all.body.entries.find((e: { target: string }) => e.target.includes('audit-other')).operatorId;
  const byOperator = await call(service, 'GET', `/api/audit?operator=${adminId}`, clerk.token);
  expect(byOperator.body.entries).toEqual([]);

  // Paging: the page size, and a page past the end is empty.
  const last = Math.ceil(all.body.total / all.body.pageSize) + 1;
  expect((await call(service, 'GET', `/api/audit?page=${last}`, admin.token)).body.entries).toEqual([]);
  const bad = await call(service, 'GET', '/api/audit?page=0', admin.token);
  expect(bad.status).toBe(400);
  expect(bad.body.error.zh).toContain('querystring/page');
});

test('a version lists what it added, changed and removed; the roll-back preview lists what boxes would see', async () => {
  const { admin, clerk } = service.tokens;
  const before = (await call(service, 'GET', '/api/versions', admin.token)).body[0].version as number;
  const draft = await call(service, 'PUT', item(clerk.region, 'changes-1'), clerk.token, notice('新通知一'));
  expect(draft.status).toBe(201);
  expect((await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token)).status).toBe(200);
  const published = await call(service, 'POST', '/api/publish', admin.token, {});
  expect(published.status).toBe(200);
  const after = (await call(service, 'GET', '/api/versions', admin.token)).body[0].version as number;
  expect(after).toBeGreaterThan(before);

  const changes = await call(service, 'GET', `/api/versions/${after}/changes`, clerk.token);
  expect(changes.status).toBe(200);
  expect(changes.body.against).toBe(before);
  expect(changes.body.added).toEqual([
    expect.objectContaining({ region: clerk.region, channel: 14, itemId: 'changes-1', title: '新通知一' }),
  ]);
  expect(changes.body.changed).toEqual([]);
  expect(changes.body.removed).toEqual([]);

  // Going back to the version before would take that notice off the TVs.
  const rollback = await call(service, 'GET', `/api/versions/${before}/changes?against=${after}`, admin.token);
  expect(rollback.body.removed.map((c: { itemId: string }) => c.itemId)).toEqual(['changes-1']);
  expect(rollback.body.added).toEqual([]);

  const missing = await call(service, 'GET', '/api/versions/99999/changes', admin.token);
  expect(missing.status).toBe(404);
  expect(missing.body.error.en).toBe('No version 99999');
});
