/**
 * Operators as the district administrator manages them: each role at its own level of
 * region, names that show as what they are, disabling an operator, and never locking
 * the district out by revoking or disabling its last admin.
 */
import { test, expect } from '@playwright/test';
import { call, readSample, startService, type RunningService } from './harness';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service.stop());

const admin = () => service.tokens.admin.token;

test('each role is created at its own level of region only', async () => {
  const district = readSample('district.json');
  const cases: [string, string, number][] = [
    ['clerk', district.region.code, 422],
    ['committee', district.region.code, 422],
    ['street', district.streets[0].villages[0].code, 422],
    ['admin', district.streets[0].code, 422],
    ['clerk', district.streets[0].villages[0].code, 201],
    ['street', district.streets[0].code, 201],
  ];
  for (const [role, region, status] of cases) {
    const answer = await call(service, 'POST', '/api/operators', admin(), { name: '新操作员', role, region });
    expect(answer.status, `${role} at ${region}`).toBe(status);
  }
  const wrong = await call(service, 'POST', '/api/operators', admin(), {
    name: '新操作员',
    role: 'clerk',
    region: district.region.code,
  });
  expect(wrong.body.error.zh).toBe(`clerk 只能设在村（社区）一级，${district.region.code} 是区`);
});

test('names are 1–40 visible characters, without control or direction characters', async () => {
  const region = service.tokens.clerk.region;
  for (const name of ['王'.repeat(41), 'x'.repeat(100_000), '王\u0000建国', '王建国\u202e', '\u200b']) {
    const answer = await call(service, 'POST', '/api/operators', admin(), { name, role: 'clerk', region });
    expect([400, 413, 422], JSON.stringify(name.slice(0, 10))).toContain(answer.status);
  }
  const named = await call(service, 'POST', '/api/operators', admin(), {
    name: '王'.repeat(40),
    role: 'clerk',
    region,
  });
  expect(named.status).toBe(201);
});

test('an operator can be disabled by an admin only: their tokens stop working', async () => {
  const created = await call(service, 'POST', '/api/operators', admin(), {
    name: '临时文书',
    role: 'clerk',
    region: service.tokens.clerk.region,
  });
  expect((await call(service, 'GET', '/api/me', created.body.token)).status).toBe(200);
  expect(
    (await call(service, 'DELETE', `/api/operators/${created.body.operator.id}`, service.tokens.street.token)).status,
  ).toBe(403);
  expect((await call(service, 'DELETE', `/api/operators/${created.body.operator.id}`, admin())).body).toEqual({
    disabled: created.body.operator.id,
  });
  expect((await call(service, 'GET', '/api/me', created.body.token)).status).toBe(401);
  expect((await call(service, 'DELETE', `/api/operators/${created.body.operator.id}`, admin())).status).toBe(404);
});

test("the last admin's token cannot be revoked, nor the last admin disabled", async () => {
  const me = await call(service, 'GET', '/api/me', admin());
  const operators = await call(service, 'GET', '/api/operators', admin());
  const own = operators.body.find((o: { id: number }) => o.id === me.body.id);
  const tokenId = own.tokens.find((t: { revoked_at: string | null }) => !t.revoked_at).id;
  const revoke = await call(service, 'DELETE', `/api/tokens/${tokenId}`, admin());
  expect(revoke.status).toBe(409);
  expect(revoke.body.error.zh).toContain('最后一个可用的区管理员令牌');
  expect((await call(service, 'DELETE', `/api/operators/${me.body.id}`, admin())).status).toBe(409);
  expect((await call(service, 'GET', '/api/me', admin())).status).toBe(200);

  // With a second admin, the first can go.
  const second = await call(service, 'POST', '/api/operators', admin(), {
    name: '第二位管理员',
    role: 'admin',
    region: me.body.region,
  });
  expect((await call(service, 'DELETE', `/api/tokens/${tokenId}`, second.body.token)).status).toBe(200);
  expect((await call(service, 'GET', '/api/me', admin())).status).toBe(401);
});

test('only `Bearer <token>` authenticates', async () => {
  const token = service.tokens.clerk.token;
  const as = async (authorization: string) =>
    (await fetch(`${service.url}/api/me`, { headers: { authorization } })).status;
  expect(await as(`Bearer ${token}`)).toBe(200);
  for (const header of [
    `Bearer ${token} x`,
    `Bearer  ${token}`,
    `bearer${token}`,
    `Basic ${token}`,
    `Bearer ${token}\u00a0`,
  ])
    expect(await as(header).catch(() => 400), header).not.toBe(200);
});
