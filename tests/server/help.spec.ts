/**
 * 一键求助 on the service, in this process (inject): a bound box's signed request is stored once
 * per idempotency key; unsigned, forged, replayed, out-of-window, oversized, malformed, unbound
 * and revoked ones are refused with a 4xx and store nothing; a household sends at most 3 an
 * hour (a bilingual 429); the village's duty officers list them with the 10-minute clock and
 * move them on, scoped and audited, and the box reads each step.
 */
import { test, expect } from '@playwright/test';
import { HELP_ACK_TARGET_MS } from '../../src/household/help';
import { MAX_BOX_REQUEST_BYTES, newNonce } from '../../src/household/signedRequest';
import { listHelp } from '../../server/household/helpDuty';
import { authenticate } from '../../server/auth/operators';
import { call, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const count = (table: string) => service.service.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const stored = () => ({ help: count('help_requests'), nonces: count('box_nonces') });

const help = (box: TestBox, kind: string, key = newNonce(), options: { time?: number } = {}) =>
  box.post('/box/help', JSON.stringify({ kind, key }), options);

/** The box's requests as it reads them back, each with its status. */
const statusOf = async (box: TestBox) => {
  const answer = await box.post('/box/help/status', '{}');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.requests as { id: number; kind: string; status: string }[];
};

const household = (n: number) => `${service.tokens.clerk.region}-h${String(n).padStart(3, '0')}`;

test('a bound box sends a help request; the same key twice is stored once; bad kinds and keys are refused by name', async () => {
  const box = await new TestBox(service).setUp(household(10));
  const key = newNonce();
  const first = await help(box, 'elderly', key);
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect(first.body).toMatchObject({ kind: 'elderly', status: 'sent', acknowledgedAt: null });
  const before = stored();
  // A retry (a new one-time id, the same idempotency key): answered as before, stored once.
  const again = await help(box, 'elderly', key);
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  expect(stored().help).toBe(before.help);

  const badKind = await help(box, 'fire');
  expect(badKind.status).toBe(400);
  expect(badKind.body.error.zh).toContain('/kind');
  expect(badKind.body.error.en).toContain('/kind');
  const badKey = await help(box, 'medical', 'short');
  expect(badKey.status).toBe(400);
  expect(badKey.body.error.en).toContain('/key');
  const extra = await box.post('/box/help', JSON.stringify({ kind: 'medical', key: newNonce(), phone: '1' }));
  expect(extra.status).toBe(400);
  const notJson = await box.post('/box/help', '{kind');
  expect(notJson.status).toBe(400);
  expect(stored().help).toBe(before.help);
  expect((await statusOf(box)).map((r) => r.id)).toEqual([first.body.id]);
});

test('unsigned, forged, replayed, out-of-window, oversized, unbound and revoked help requests get a 4xx and store nothing', async () => {
  const box = await new TestBox(service).setUp(household(11));
  const stranger = await new TestBox(service).setUp();
  const before = stored();
  const body = JSON.stringify({ kind: 'safety', key: newNonce() });

  const unsigned = await box.postRaw('/box/help', body, {});
  expect(unsigned.status).toBe(401);
  expect(unsigned.body.error.en).toContain('not signed');
  // Another box's signature under this box's id.
  const forged = await box.post('/box/help', body, {
    headers: { 'x-sanwu-signature': stranger.signed('/box/help', body)['x-sanwu-signature']! },
  });
  expect(forged.status).toBe(401);
  expect(forged.body.error.zh).toContain('签名无效');
  const stale = await help(box, 'safety', newNonce(), { time: Date.now() - 6 * 60_000 });
  expect(stale.status).toBe(401);
  expect(stale.body.error.en).toContain('more than 5 minutes');
  const huge = await box.post('/box/help', JSON.stringify({ kind: 'safety', key: 'x'.repeat(MAX_BOX_REQUEST_BYTES) }));
  expect(huge.status).toBe(413);
  const unbound = await help(stranger, 'safety');
  expect(unbound.status).toBe(403);
  expect(unbound.body.error.en).toContain('not bound');
  expect((await stranger.post('/box/help/status', '{}')).status).toBe(403);
  expect(stored()).toEqual(before);

  // A replay of an accepted request: refused, and the request is still stored once.
  const accepted = await box.post('/box/help', body);
  expect(accepted.status).toBe(201);
  const afterOne = stored();
  const replay = await box.postRaw('/box/help', body, accepted.headers);
  expect(replay.status).toBe(409);
  expect(replay.body.error.en).toContain('replayed');

  expect((await call(service, 'POST', `/api/boxes/${box.id}/revoke`, service.tokens.clerk.token)).status).toBe(200);
  const revoked = await help(box, 'medical');
  expect(revoked.status).toBe(403);
  expect(revoked.body.error.en).toContain('revoked');
  expect(stored()).toEqual(afterOne);
});

test('a household sends at most 3 help requests an hour: the 4th gets a plain bilingual 429; other households are not held back', async () => {
  const box = await new TestBox(service).setUp(household(12));
  // A second box of the same household counts with the first.
  const second = await new TestBox(service).setUp(household(12));
  const neighbour = await new TestBox(service).setUp(household(13));
  expect((await help(box, 'medical')).status).toBe(201);
  expect((await help(second, 'other')).status).toBe(201);
  expect((await help(box, 'elderly')).status).toBe(201);
  const before = stored();
  const fourth = await help(second, 'safety');
  expect(fourth.status).toBe(429);
  expect(fourth.body.error.zh).toContain('一小时内最多求助 3 次');
  expect(fourth.body.error.en).toContain('At most 3 help requests an hour');
  expect(stored()).toEqual(before);
  expect((await help(neighbour, 'safety')).status).toBe(201);
});

test("the village's duty officers see a request at once with its clock, move it on (scoped, audited), and the box reads each step", async () => {
  const { clerk, committee, street, admin } = service.tokens;
  const box = await new TestBox(service).setUp(household(14));
  const sent = await help(box, 'elderly');
  expect(sent.status).toBe(201);
  const id = sent.body.id as number;

  const listed = await call(service, 'GET', '/api/help', clerk.token);
  expect(listed.status).toBe(200);
  const mine = listed.body.find((r: { id: number }) => r.id === id);
  expect(mine).toMatchObject({ household: household(14), village: clerk.region, kind: 'elderly', status: 'sent' });
  expect(mine.overdue).toBe(false);
  expect(Date.parse(mine.ackDueAt) - Date.parse(mine.createdAt)).toBe(HELP_ACK_TARGET_MS);
  for (const officer of [committee, street, admin]) {
    const seen = await call(service, 'GET', `/api/help?village=${clerk.region}`, officer.token);
    expect(seen.body.map((r: { id: number }) => r.id)).toContain(id);
  }
  // Another village's clerk neither sees it nor answers it.
  const other = await call(service, 'POST', '/api/operators', admin.token, {
    name: '李庄村文书',
    role: 'clerk',
    region: '370703002001',
  });
  expect(other.status, JSON.stringify(other.body)).toBe(201);
  const otherToken = other.body.token as string;
  expect((await call(service, 'GET', `/api/help?village=${clerk.region}`, otherToken)).status).toBe(403);
  expect((await call(service, 'GET', '/api/help', otherToken)).body).toEqual([]);
  expect((await call(service, 'POST', `/api/help/${id}`, otherToken, { status: 'acknowledged' })).status).toBe(403);

  // Eleven minutes on, unacknowledged, it is overdue.
  const operator = authenticate(service.service.db, clerk.token)!;
  const later = listHelp(service.service.db, operator, {}, Date.now() + HELP_ACK_TARGET_MS + 60_000);
  expect(later.find((r) => r.id === id)!.overdue).toBe(true);

  const audit = count('audit_log');
  const ack = await call(service, 'POST', `/api/help/${id}`, clerk.token, { status: 'acknowledged' });
  expect(ack.status, JSON.stringify(ack.body)).toBe(200);
  expect(ack.body.status).toBe('acknowledged');
  expect(ack.body.acknowledgedAt).toBeTruthy();
  expect((await statusOf(box)).find((r) => r.id === id)!.status).toBe('acknowledged');
  const progress = await call(service, 'POST', `/api/help/${id}`, committee.token, {
    status: 'in_progress',
    note: '卫生室医生已出发',
  });
  expect(progress.body).toMatchObject({ status: 'in_progress', note: '卫生室医生已出发' });
  expect((await statusOf(box)).find((r) => r.id === id)!.status).toBe('in_progress');
  // Never back.
  const back = await call(service, 'POST', `/api/help/${id}`, clerk.token, { status: 'acknowledged' });
  expect(back.status).toBe(409);
  expect(back.body.error.zh).toContain('处理中');
  const done = await call(service, 'POST', `/api/help/${id}`, clerk.token, { status: 'done' });
  expect(done.body.status).toBe('done');
  expect((await statusOf(box)).find((r) => r.id === id)!.status).toBe('done');
  // Done requests leave the open list; `all` still shows them.
  expect((await call(service, 'GET', '/api/help', clerk.token)).body.map((r: { id: number }) => r.id)).not.toContain(
    id,
  );
  expect(
    (await call(service, 'GET', '/api/help?all=true', clerk.token)).body.map((r: { id: number }) => r.id),
  ).toContain(id);
  const actions = service.service.db
    .prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY seq')
    .pluck()
    .all(`help ${id}`);
  expect(actions).toEqual(['help acknowledged', 'help in_progress', 'help done']);
  expect(count('audit_log')).toBe(audit + 3);
  expect((await call(service, 'POST', '/api/help/999999', clerk.token, { status: 'done' })).status).toBe(404);
  expect((await call(service, 'POST', `/api/help/${id}`, clerk.token, { status: 'sent' })).status).toBe(400);
});
