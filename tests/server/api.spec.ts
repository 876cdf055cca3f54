/**
 * The operator API's contract, in this process (inject): a request that breaks a route's schema
 * gets a 400 naming the field in Chinese and English, after authentication; each role reads and
 * writes its own scope only; refusals by the content rules come back as their own 4xx.
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
const district = () => readSample('district.json');

/** A 400 whose reason names `field` (e.g. params/channel) in both languages. */
const expectBadField = (answer: { status: number; body: { error: { zh: string; en: string } } }, field: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body.error.zh).toContain(`请求有误：「${field}」不符合要求`);
  expect(answer.body.error.en).toContain(`Bad request: ${field} `);
};

test('a bad path parameter, query or body gets a 400 naming the field in Chinese and English', async () => {
  const { clerk, admin } = service.tokens;
  const item = (region: string, channel: string, id = 'n1') => `/api/regions/${region}/channels/${channel}/items/${id}`;
  expectBadField(await call(service, 'GET', item('not-a-code', '14'), clerk.token), 'params/region');
  expectBadField(await call(service, 'GET', item(clerk.region, 'fourteen'), clerk.token), 'params/channel');
  expectBadField(await call(service, 'GET', item(clerk.region, '1.5'), clerk.token), 'params/channel');
  expectBadField(await call(service, 'GET', item(clerk.region, '14', 'x'.repeat(65)), clerk.token), 'params/itemId');
  expectBadField(await call(service, 'POST', '/api/drafts/abc/approve', admin.token), 'params/id');
  expectBadField(await call(service, 'GET', '/api/drafts?status=lost', clerk.token), 'querystring/status');
  expectBadField(
    await call(service, 'GET', '/api/drafts?status=draft&status=approved', clerk.token),
    'querystring/status',
  );
  expectBadField(
    await call(service, 'PUT', `${item(clerk.region, '14')}?replace=maybe`, clerk.token, notice('通知')),
    'querystring/replace',
  );
  expectBadField(await call(service, 'GET', '/api/overdue?region=abc', clerk.token), 'querystring/region');
  expectBadField(await call(service, 'PUT', item(clerk.region, '14'), clerk.token, ['not', 'an', 'object']), 'body');
  expectBadField(
    await call(service, 'POST', '/api/operators', admin.token, {
      name: { given: '王' },
      role: 'clerk',
      region: clerk.region,
    }),
    'body/name',
  );
  expectBadField(
    await call(service, 'POST', '/api/operators', admin.token, { name: '新文书', role: 'mayor', region: clerk.region }),
    'body/role',
  );
  expectBadField(
    await call(service, 'POST', '/api/drafts/1/reject', admin.token, { reason: 'x'.repeat(501) }),
    'body/reason',
  );
  expectBadField(
    await call(service, 'POST', `/api/regions/${clerk.region}/ledger/2026-11/import`, clerk.token, {
      vouchers: { all: true },
    }),
    'body/vouchers',
  );
  // The reason says what the field must be.
  const tooLong = await call(service, 'POST', '/api/operators', admin.token, {
    name: '王'.repeat(41),
    role: 'clerk',
    region: clerk.region,
  });
  expect(tooLong.body.error.en).toBe('Bad request: body/name must NOT have more than 40 characters');
});

test('nobody without a valid token learns anything, not even that the request is malformed', async () => {
  for (const [method, path] of [
    ['GET', '/api/me'],
    ['GET', '/api/regions/not-a-code/channels/x/items/y'],
    ['POST', '/api/rollback'],
    ['GET', '/api/drafts?status=lost'],
  ] as const) {
    const answer = await call(service, method, path, null);
    expect(answer.status, path).toBe(401);
    expect(answer.body.error.zh).toBe('请先登录：缺少或无效的操作员令牌');
    expect(answer.body.error.en).toBe('Sign in first: missing or invalid operator token');
  }
});

test('rollback: a version that does not exist is a 404, a version that is not a version number a 400', async () => {
  const { admin, clerk } = service.tokens;
  const missing = await call(service, 'POST', '/api/rollback', admin.token, { version: 999_999 });
  expect(missing.status).toBe(404);
  expect(missing.body.error).toEqual({ zh: '没有版本 999999', en: 'No version 999999' });
  for (const version of [0, -1, 1.5, 'one', null])
    expectBadField(await call(service, 'POST', '/api/rollback', admin.token, { version }), 'body/version');
  expectBadField(await call(service, 'POST', '/api/rollback', admin.token, {}), 'body');
  // A sub-channel that does not exist is the content rules' 404, not taken for a missing version.
  const channel = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/26/items/n`,
    clerk.token,
    notice('通知'),
  );
  expect(channel.status).toBe(404);
  expect(channel.body.error.zh).toBe('没有第 26 号栏目');
  expect((await call(service, 'POST', '/api/rollback', clerk.token, { version: 1 })).status).toBe(403);
  const rolledBack = await call(service, 'POST', '/api/rollback', admin.token, { version: 1 });
  expect(rolledBack.status).toBe(200);
  expect(rolledBack.body.version).toBeGreaterThan(1);
  const versions = await call(service, 'GET', '/api/versions', admin.token);
  expect(versions.body[0]).toMatchObject({
    version: rolledBack.body.version,
    kind: 'rollback',
    rolled_back_to: 1,
    status: 'complete',
  });
});

test("a village clerk reads and writes their own village only: another village's items, ledger and uploads are refused", async () => {
  const { clerk } = service.tokens;
  const other = district().streets[1].villages[0].code as string;
  const own = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/14/items/scope-own`,
    clerk.token,
    notice('本村通知'),
  );
  expect(own.status).toBe(201);
  expect(
    (await call(service, 'GET', `/api/regions/${clerk.region}/channels/14/items/scope-own`, clerk.token)).body.pending
      .body.title,
  ).toBe('本村通知');
  const forbidden = [
    await call(service, 'GET', `/api/regions/${other}/channels/14/items/scope-own`, clerk.token),
    await call(service, 'PUT', `/api/regions/${other}/channels/14/items/scope-other`, clerk.token, notice('外村通知')),
    await call(service, 'DELETE', `/api/regions/${other}/channels/14/items/scope-other`, clerk.token),
    await call(service, 'POST', `/api/regions/${other}/channels/14/items/scope-other/correction`, clerk.token, {
      note: '更正',
      item: notice('更正'),
    }),
    await call(service, 'POST', `/api/regions/${other}/ledger/2026-11/import`, clerk.token, {
      vouchers: [],
      dryRun: true,
    }),
    await call(service, 'POST', `/api/regions/${other}/ledger/2026-10/vouchers/1/receipts`, clerk.token, {
      receipts: [{ src: 'media/x.jpg', width: 1, height: 1 }],
    }),
    await call(service, 'GET', '/api/operators', clerk.token),
    await call(service, 'GET', '/api/boot-failures', clerk.token),
    await call(service, 'POST', '/api/publish', clerk.token, {}),
  ];
  for (const answer of forbidden) expect(answer.status, JSON.stringify(answer.body)).toBe(403);
  expect(forbidden[0]!.body.error).toEqual({ zh: '您没有这项操作的权限', en: 'You are not allowed to do this here' });
});

test('a reviewer cannot approve their own draft; the committee approves, but neither drafts nor uploads', async () => {
  const { street, committee, clerk } = service.tokens;
  const own = await call(
    service,
    'PUT',
    `/api/regions/${street.region}/channels/6/items/own-review`,
    street.token,
    notice('街道通知'),
  );
  const self = await call(service, 'POST', `/api/drafts/${own.body.id}/approve`, street.token);
  expect(self.status).toBe(403);
  expect(self.body.error).toEqual({ zh: '不能审批自己提交的草稿', en: 'You cannot approve your own draft' });
  const byClerk = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/14/items/for-committee`,
    clerk.token,
    notice('待审通知'),
  );
  const approved = await call(service, 'POST', `/api/drafts/${byClerk.body.id}/approve`, committee.token);
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({
    id: byClerk.body.id,
    status: 'approved',
    reviewed_by: expect.any(Number),
    body: notice('待审通知'),
  });
  const again = await call(service, 'POST', `/api/drafts/${byClerk.body.id}/approve`, committee.token);
  expect(again.status).toBe(409);
  expect(again.body.error.zh).toBe('这份草稿已是「approved」状态');
  expect((await call(service, 'POST', '/api/drafts/999999/approve', committee.token)).status).toBe(404);
  expect(
    (
      await call(
        service,
        'PUT',
        `/api/regions/${clerk.region}/channels/14/items/by-committee`,
        committee.token,
        notice('x'),
      )
    ).status,
  ).toBe(403);
  const upload = await service.app.inject({
    method: 'POST',
    url: '/api/media',
    headers: { authorization: `Bearer ${committee.token}`, 'content-type': 'image/png' },
    payload: Buffer.from('not an image'),
  });
  expect(upload.statusCode).toBe(403);
});

test('an answer carries every field of what it stores: a draft as the database keeps it, its body parsed', async () => {
  const { clerk } = service.tokens;
  const pushed = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/14/items/fields`,
    clerk.token,
    notice('字段'),
  );
  const row = service.service.db.prepare('SELECT * FROM revisions WHERE id = ?').get(pushed.body.id) as Record<
    string,
    unknown
  >;
  expect(pushed.body).toEqual({ ...row, body: JSON.parse(row.body as string) });
  const listed = (await call(service, 'GET', '/api/drafts', clerk.token)).body.find(
    (d: { id: number }) => d.id === pushed.body.id,
  );
  // The list also names who made each draft, for the console.
  const author = service.service.db.prepare('SELECT name FROM operators WHERE id = ?').pluck().get(row.created_by);
  expect(listed).toEqual({ ...pushed.body, created_by_name: author });
});

test('imported ledger rows that are not vouchers are refused, naming the voucher and the field', async () => {
  const { clerk } = service.tokens;
  const october = readSample(`villages/${clerk.region}/ledger/2026-10.json`);
  // A row with the number of a voucher already there, but without its fields.
  const number = october.vouchers[0].number as string;
  const answer = await call(service, 'POST', `/api/regions/${clerk.region}/ledger/2026-10/import`, clerk.token, {
    vouchers: [{ number, amountFen: 100 }],
    dryRun: true,
  });
  expect(answer.status).toBe(422);
  expect(answer.body.error.zh).toBe('内容有误，未保存');
  expect(answer.body.problems.map((p: { zh: string }) => p.zh)).toContain(`「${number}」的「科目」缺少必填项`);
});
