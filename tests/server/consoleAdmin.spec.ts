/**
 * The console's operators and households pages as the service answers them, in this process
 * (inject): the district admin adds an operator who signs in at once, moves them to another
 * village, disables and enables them, each step audited; nobody else may; refusals name the
 * field the console shows them under; a village's roll lists each bound box's device and date.
 */
import { test, expect } from '@playwright/test';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const district = readSample('district.json');
const village = district.streets[0].villages[0].code as string;
const otherVillage = district.streets[1].villages[0].code as string;
const admin = () => service.tokens.admin.token;

const signIn = (username: string, password: string) =>
  service.app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { origin: 'http://localhost:80', 'content-type': 'application/json' },
    payload: JSON.stringify({ username, password }),
  });

const auditActions = (target: string) =>
  service.service.db
    .prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY seq')
    .pluck()
    .all(target) as string[];

test('the admin adds an operator with a sign-in name and password: no token, they sign in at once, audited without the password', async () => {
  const created = await call(service, 'POST', '/api/operators', admin(), {
    name: '李文书',
    role: 'clerk',
    region: village,
    username: 'li.wenshu',
    password: 'chunfeng-2026',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body).toEqual({
    operator: { id: expect.any(Number), name: '李文书', role: 'clerk', region: village },
    username: 'li.wenshu',
  });
  const id = created.body.operator.id as number;
  const session = await signIn('li.wenshu', 'chunfeng-2026');
  expect(session.statusCode, session.body).toBe(200);
  expect(JSON.parse(session.body).operator).toMatchObject({ id, role: 'clerk', region: village });
  expect(auditActions(`operator ${id}`)).toEqual(['operator.create', 'sign-in']);
  const logged = service.service.db
    .prepare("SELECT after FROM audit_log WHERE target = ? AND action = 'operator.create'")
    .pluck()
    .get(`operator ${id}`) as string;
  expect(logged).toContain('li.wenshu');
  expect(logged).not.toContain('chunfeng-2026');

  // Without a password the service makes one and shows it once.
  const generated = await call(service, 'POST', '/api/operators', admin(), {
    name: '赵委员',
    role: 'committee',
    region: village,
    username: 'zhao.weiyuan',
  });
  expect(generated.status).toBe(201);
  expect(generated.body.password).toMatch(/^[A-Za-z2-9]{16}$/);
  expect((await signIn('zhao.weiyuan', generated.body.password)).statusCode).toBe(200);

  // The list shows sign-in names; a taken name is refused on its field, and nothing is half-saved.
  const before = (await call(service, 'GET', '/api/operators?all=true', admin())).body.length;
  const taken = await call(service, 'POST', '/api/operators', admin(), {
    name: '同名',
    role: 'clerk',
    region: village,
    username: 'li.wenshu',
    password: 'another-password',
  });
  expect(taken.status).toBe(409);
  expect(taken.body.problems).toEqual([expect.objectContaining({ field: '/username' })]);
  const short = await call(service, 'POST', '/api/operators', admin(), {
    name: '短密码',
    role: 'clerk',
    region: village,
    username: 'duan.mima',
    password: 'short',
  });
  expect(short.status).toBe(422);
  expect(short.body.problems).toEqual([expect.objectContaining({ field: '/password', zh: '密码至少 10 个字符' })]);
  const wrongLevel = await call(service, 'POST', '/api/operators', admin(), {
    name: '错级别',
    role: 'street',
    region: village,
    username: 'cuo.jibie',
    password: 'long-enough-1',
  });
  expect(wrongLevel.status).toBe(422);
  expect(wrongLevel.body.problems).toEqual([expect.objectContaining({ field: '/region' })]);
  const listed = (await call(service, 'GET', '/api/operators?all=true', admin())).body;
  expect(listed.length).toBe(before);
  expect(listed.find((o: { id: number }) => o.id === id)).toMatchObject({ username: 'li.wenshu', disabledAt: null });
});

test('the admin moves an operator to another village, disables and enables them; each is audited and takes effect at once', async () => {
  const created = await call(service, 'POST', '/api/operators', admin(), {
    name: '钱文书',
    role: 'clerk',
    region: village,
    username: 'qian.wenshu',
    password: 'qiuyue-2026-x',
  });
  const id = created.body.operator.id as number;
  const cookie = `sanwu_console=${(await signIn('qian.wenshu', 'qiuyue-2026-x')).cookies[0]!.value}`;
  const me = () => service.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  const moved = await call(service, 'PATCH', `/api/operators/${id}`, admin(), { role: 'clerk', region: otherVillage });
  expect(moved.body).toEqual({ id, name: '钱文书', role: 'clerk', region: otherVillage });
  expect(JSON.parse((await me()).body).region).toBe(otherVillage);
  // A role at a region of another level is refused, naming the region.
  const wrong = await call(service, 'PATCH', `/api/operators/${id}`, admin(), {
    role: 'street',
    region: otherVillage,
  });
  expect(wrong.status).toBe(422);
  expect(wrong.body.problems[0].field).toBe('/region');

  expect((await call(service, 'DELETE', `/api/operators/${id}`, admin())).body).toEqual({ disabled: id });
  expect((await me()).statusCode).toBe(401);
  expect((await signIn('qian.wenshu', 'qiuyue-2026-x')).statusCode).toBe(401);
  const all = (await call(service, 'GET', '/api/operators?all=true', admin())).body;
  expect(all.find((o: { id: number }) => o.id === id).disabledAt).toMatch(/\+08:00$/);
  expect((await call(service, 'GET', '/api/operators', admin())).body.some((o: { id: number }) => o.id === id)).toBe(
    false,
  );

  expect((await call(service, 'POST', `/api/operators/${id}/enable`, admin())).body).toEqual({ enabled: id });
  expect((await signIn('qian.wenshu', 'qiuyue-2026-x')).statusCode).toBe(200);
  expect((await call(service, 'POST', `/api/operators/${id}/enable`, admin())).status).toBe(404);
  expect(auditActions(`operator ${id}`)).toEqual([
    'operator.create',
    'sign-in',
    'operator.scope',
    'operator.disable',
    'operator.enable',
    'sign-in',
  ]);
});

test('only the district admin manages operators; the last admin cannot be moved away from admin', async () => {
  const target = (await call(service, 'GET', '/api/operators', admin())).body.find(
    (o: { role: string }) => o.role === 'clerk',
  ).id as number;
  for (const role of ['clerk', 'committee', 'street'] as const) {
    const token = service.tokens[role].token;
    const attempts = [
      await call(service, 'GET', '/api/operators?all=true', token),
      await call(service, 'POST', '/api/operators', token, {
        name: '越权',
        role: 'clerk',
        region: village,
        username: `yue.quan.${role}`,
        password: 'long-enough-1',
      }),
      await call(service, 'PATCH', `/api/operators/${target}`, token, { role: 'clerk', region: otherVillage }),
      await call(service, 'POST', `/api/operators/${target}/enable`, token),
      await call(service, 'POST', `/api/operators/${target}/password`, token, {}),
    ];
    expect(
      attempts.map((a) => a.status),
      role,
    ).toEqual([403, 403, 403, 403, 403]);
  }
  const me = (await call(service, 'GET', '/api/me', admin())).body;
  const demoted = await call(service, 'PATCH', `/api/operators/${me.id}`, admin(), {
    role: 'street',
    region: district.streets[0].code,
  });
  expect(demoted.status).toBe(409);
  expect((await call(service, 'GET', '/api/me', admin())).body.role).toBe('admin');
});

test("a village's roll lists bound boxes with device and date; a clerk reads no other village's roll, and a wrong code is refused on its field", async () => {
  const { clerk } = service.tokens;
  const roll = await call(service, 'GET', `/api/households?village=${clerk.region}`, clerk.token);
  expect(roll.status).toBe(200);
  expect(roll.body.length).toBeGreaterThan(0);
  expect(roll.body[0]).toEqual({ id: expect.any(String), head: expect.any(String), boxes: [], bindings: [] });
  expect((await call(service, 'GET', `/api/households?village=${otherVillage}`, clerk.token)).status).toBe(403);
  const otherHousehold = (await call(service, 'GET', `/api/households?village=${otherVillage}`, admin())).body[0].id;
  expect(
    (await call(service, 'POST', '/api/households/bind', clerk.token, { code: '123456', household: otherHousehold }))
      .status,
  ).toBe(403);
  const wrongCode = await call(service, 'POST', '/api/households/bind', clerk.token, {
    code: '000000',
    household: roll.body[0].id,
  });
  expect(wrongCode.status).toBe(404);
  expect(wrongCode.body.problems).toEqual([expect.objectContaining({ field: '/code' })]);
  const unknown = await call(service, 'POST', '/api/households/bind', clerk.token, {
    code: '000000',
    household: `${clerk.region}-h999`,
  });
  expect(unknown.body.problems).toEqual([expect.objectContaining({ field: '/household' })]);
});
