/** Each role may do what its job needs, in its own region, and nothing else. */
import { test, expect } from '@playwright/test';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const notice = (title: string) => ({ title, body: ['村民代表会议决定于十二月一日起实行新的垃圾清运时间。'] });

test('without a valid token nothing is allowed', async () => {
  expect((await call(service, 'GET', '/api/me', null)).status).toBe(401);
  const bad = await call(service, 'GET', '/api/me', 'sanwu_not-a-token');
  expect(bad.status).toBe(401);
  expect(bad.body.error.zh).toContain('令牌');
});

test('a village clerk drafts in their own village only, and cannot approve, publish or manage operators', async () => {
  const { clerk } = service.tokens;
  const own = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/14/items/notice-a`,
    clerk.token,
    notice('冬季垃圾清运时间调整'),
  );
  expect(own.status).toBe(201);
  expect(own.body.status).toBe('draft');

  const district = readSample('district.json');
  const otherVillage = district.streets[1].villages[0].code;
  const other = await call(
    service,
    'PUT',
    `/api/regions/${otherVillage}/channels/14/items/notice-b`,
    clerk.token,
    notice('越权'),
  );
  expect(other.status).toBe(403);
  expect(other.body.error.zh).toBe('您没有这项操作的权限');

  expect((await call(service, 'POST', `/api/drafts/${own.body.id}/approve`, clerk.token)).status).toBe(403);
  expect((await call(service, 'POST', '/api/publish', clerk.token, {})).status).toBe(403);
  expect(
    (await call(service, 'POST', '/api/operators', clerk.token, { name: 'x', role: 'admin', region: clerk.region }))
      .status,
  ).toBe(403);
  expect((await call(service, 'POST', '/api/rollback', clerk.token, { version: 1 })).status).toBe(403);
});

test('household sub-channels are never accepted into the public feed', async () => {
  const { admin, clerk } = service.tokens;
  const answer = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/21/items/x`,
    admin.token,
    notice('我家补贴'),
  );
  expect(answer.status).toBe(404);
  expect(answer.body.error.zh).toContain('家庭栏目');
});

test('the supervisory committee approves or rejects (with a reason) its own village only, and cannot draft', async () => {
  const { clerk, committee } = service.tokens;
  const first = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/13/items/party-1`,
    clerk.token,
    notice('十一月主题党日活动安排'),
  );
  const second = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/13/items/party-2`,
    clerk.token,
    notice('发展党员公示'),
  );
  expect(
    (await call(service, 'PUT', `/api/regions/${clerk.region}/channels/13/items/party-3`, committee.token, notice('x')))
      .status,
  ).toBe(403);

  const approved = await call(service, 'POST', `/api/drafts/${first.body.id}/approve`, committee.token);
  expect(approved.status).toBe(200);
  expect(approved.body.status).toBe('approved');
  const noReason = await call(service, 'POST', `/api/drafts/${second.body.id}/reject`, committee.token, {});
  expect(noReason.status).toBe(422);
  expect(noReason.body.error.zh).toContain('理由');
  const rejected = await call(service, 'POST', `/api/drafts/${second.body.id}/reject`, committee.token, {
    reason: '人名有误，请核对',
  });
  expect(rejected.body.status).toBe('rejected');
  expect(rejected.body.reason).toBe('人名有误，请核对');

  // Another village's draft is out of the committee's reach.
  const district = readSample('district.json');
  const otherVillage = district.streets[0].villages[1].code;
  const foreign = await call(
    service,
    'PUT',
    `/api/regions/${otherVillage}/channels/13/items/p`,
    service.tokens.admin.token,
    notice('外村通知'),
  );
  expect((await call(service, 'POST', `/api/drafts/${foreign.body.id}/approve`, committee.token)).status).toBe(403);
});

test('a street reviewer drafts street content, reviews its villages and publishes; other streets are out of reach', async () => {
  const { street, clerk } = service.tokens;
  const own = await call(
    service,
    'PUT',
    `/api/regions/${street.region}/channels/6/items/street-news-1`,
    street.token,
    notice('街道开展冬季消防检查'),
  );
  expect(own.status).toBe(201);
  expect(
    (await call(service, 'PUT', `/api/regions/${clerk.region}/channels/13/items/s`, street.token, notice('x'))).status,
  ).toBe(403);
  const draft = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/14/items/street-review`,
    clerk.token,
    notice('道路维修公告'),
  );
  expect((await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, street.token)).status).toBe(200);
  const district = readSample('district.json');
  const otherStreetVillage = district.streets[2].villages[0].code;
  const foreign = await call(
    service,
    'PUT',
    `/api/regions/${otherStreetVillage}/channels/14/items/f`,
    service.tokens.admin.token,
    notice('外街道'),
  );
  expect((await call(service, 'POST', `/api/drafts/${foreign.body.id}/approve`, street.token)).status).toBe(403);
  const published = await call(service, 'POST', '/api/publish', street.token, {});
  expect(published.status).toBe(200);
  expect(published.body.version).toBeGreaterThan(1);
});

test('nobody but the district approves their own draft', async () => {
  const { street } = service.tokens;
  const own = await call(
    service,
    'PUT',
    `/api/regions/${street.region}/channels/6/items/self`,
    street.token,
    notice('自审'),
  );
  const answer = await call(service, 'POST', `/api/drafts/${own.body.id}/approve`, street.token);
  expect(answer.status).toBe(403);
  expect(answer.body.error.zh).toContain('自己');
});

test('the district administrator manages operators and tokens; a revoked token stops working', async () => {
  const { admin, clerk } = service.tokens;
  const created = await call(service, 'POST', '/api/operators', admin.token, {
    name: '张家屯村新文书',
    role: 'clerk',
    region: clerk.region,
  });
  expect(created.status).toBe(201);
  const token = created.body.token as string;
  expect((await call(service, 'GET', '/api/me', token)).body.name).toBe('张家屯村新文书');
  const listed = await call(service, 'GET', '/api/operators', admin.token);
  expect(JSON.stringify(listed.body)).not.toContain(token);
  expect((await call(service, 'DELETE', `/api/tokens/${created.body.tokenId}`, admin.token)).status).toBe(200);
  expect((await call(service, 'GET', '/api/me', token)).status).toBe(401);
});

test('reads of unpublished content are scoped like writes: an item with its draft, and the drafts list', async () => {
  const { admin, clerk, committee, street } = service.tokens;
  const district = readSample('district.json');
  const places = {
    ownVillage: { region: clerk.region, channel: 14 },
    neighbourVillage: { region: district.streets[0].villages[1].code, channel: 14 },
    otherStreetVillage: { region: district.streets[1].villages[0].code, channel: 14 },
    ownStreet: { region: street.region, channel: 6 },
    otherStreet: { region: district.streets[1].code, channel: 6 },
  };
  const drafts: Record<string, number> = {};
  for (const [name, place] of Object.entries(places)) {
    const pushed = await call(
      service,
      'PUT',
      `/api/regions/${place.region}/channels/${place.channel}/items/read-${name}`,
      admin.token,
      notice(`未发布的通知 ${name}`),
    );
    expect(pushed.status).toBe(201);
    drafts[name] = pushed.body.id;
  }
  // A ledger month's id is predictable: the next month's draft is as private as any other.
  const ledger = await call(
    service,
    'GET',
    `/api/regions/${places.otherStreetVillage.region}/channels/15/items/2027-01`,
    clerk.token,
  );
  expect(ledger.status).toBe(403);

  const readable: Record<string, string[]> = {
    clerk: ['ownVillage'],
    committee: ['ownVillage'],
    street: ['ownVillage', 'neighbourVillage', 'ownStreet'],
    admin: Object.keys(places),
  };
  const tokens = { clerk, committee, street, admin };
  for (const [role, { token }] of Object.entries(tokens)) {
    const listed = (await call(service, 'GET', '/api/drafts', token)).body.map((d: { id: number }) => d.id);
    for (const [name, place] of Object.entries(places)) {
      const allowed = readable[role]!.includes(name);
      const read = await call(
        service,
        'GET',
        `/api/regions/${place.region}/channels/${place.channel}/items/read-${name}`,
        token,
      );
      expect(read.status, `${role} reads ${name}`).toBe(allowed ? 200 : 403);
      if (allowed) expect(read.body.pending.body.title).toBe(`未发布的通知 ${name}`);
      else expect(JSON.stringify(read.body)).not.toContain('未发布的通知');
      expect(listed.includes(drafts[name]), `${role} lists ${name}`).toBe(allowed);
    }
  }
});
