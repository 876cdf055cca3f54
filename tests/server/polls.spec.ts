/**
 * 民意调查 on the service, in this process (inject): an operator of the village publishes a poll
 * (checked: options, window, personal numbers, scope); each bound household of the village has
 * one vote, a second box of the same household changes it rather than adding one, and the
 * counts appear only once the poll has closed.
 */
import { test, expect } from '@playwright/test';
import { chinaTime } from '../../src/format/dates';
import { authenticate } from '../../server/auth/operators';
import { castVote, householdPolls, listPolls } from '../../server/household/polls';
import { bindingOf } from '../../server/household/boxes';
import { call, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const count = (table: string) => service.service.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const household = (village: string, n: number) => `${village}-h${String(n).padStart(3, '0')}`;

const vote = (box: TestBox, poll: number, choice: number) =>
  box.post('/box/polls/vote', JSON.stringify({ poll, choice }));

/** The polls the box shows, with its household's choice and, once closed, the counts. */
const pollsOf = async (box: TestBox) => {
  const answer = await box.post('/box/polls', '{}');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.polls as { id: number; choice: number | null; results: number[] | null; state: string }[];
};

const poll = (overrides: Record<string, unknown> = {}) => ({
  village: service.tokens.clerk.region,
  question: '村东头新修的文化广场，晚上路灯开到几点？',
  options: ['晚上9点', '晚上10点', '晚上11点'],
  opensAt: chinaTime(Date.now() - 60_000),
  closesAt: chinaTime(Date.now() + 86_400_000),
  ...overrides,
});

test('operators of the village publish a poll; bad options, windows, numbers and other villages are refused', async () => {
  const { clerk, committee, street, admin } = service.tokens;
  const before = count('polls');
  const refused = async (token: string, body: unknown, status: number, words?: string) => {
    const answer = await call(service, 'POST', '/api/polls', token, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    if (words) expect(`${answer.body.error.zh} ${answer.body.error.en}`).toContain(words);
  };
  await refused(committee.token, poll(), 403);
  await refused(clerk.token, poll({ village: '370703002001' }), 403);
  await refused(clerk.token, poll({ options: ['只有一个'] }), 400, 'options');
  await refused(clerk.token, poll({ options: ['同意', '同意'] }), 422, '重复');
  await refused(clerk.token, poll({ closesAt: poll().opensAt }), 422, 'closesAt');
  await refused(
    clerk.token,
    poll({ closesAt: chinaTime(Date.now() - 1000), opensAt: chinaTime(Date.now() - 5000) }),
    422,
  );
  await refused(clerk.token, poll({ question: '请联系13812345678' }), 422, '个人号码');
  await refused(clerk.token, poll({ opensAt: 'tomorrow' }), 400, 'opensAt');
  expect(count('polls')).toBe(before);

  const published = await call(service, 'POST', '/api/polls', clerk.token, poll());
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  expect(published.body).toMatchObject({ state: 'open', turnout: 0, results: null, options: poll().options });
  expect((await call(service, 'POST', '/api/polls', street.token, poll())).status).toBe(201);
  expect((await call(service, 'POST', '/api/polls', admin.token, poll())).status).toBe(201);
  const listed = await call(service, 'GET', `/api/polls?village=${clerk.region}`, committee.token);
  expect(listed.body.map((p: { id: number }) => p.id)).toContain(published.body.id);
  const audited = service.service.db
    .prepare('SELECT count(*) FROM audit_log WHERE target = ?')
    .pluck()
    .get(`poll ${published.body.id}`);
  expect(audited).toBe(1);
});

test('each household has one vote: a change replaces it, another box of the household changes it too; results only after closing', async () => {
  const { clerk } = service.tokens;
  const village = clerk.region;
  const created = await call(service, 'POST', '/api/polls', clerk.token, poll());
  const id = created.body.id as number;
  const first = await new TestBox(service).setUp(household(village, 20));
  const sameHome = await new TestBox(service).setUp(household(village, 20));
  const neighbour = await new TestBox(service).setUp(household(village, 21));
  const unbound = await new TestBox(service).setUp();

  expect((await vote(first, id, 0)).status).toBe(200);
  expect((await vote(neighbour, id, 1)).status).toBe(200);
  expect((await vote(first, id, 2)).status).toBe(200);
  // The household's other box: still one vote, now for option 1.
  expect((await vote(sameHome, id, 1)).status).toBe(200);
  const votes = service.service.db
    .prepare('SELECT household, choice FROM poll_votes WHERE poll_id = ? ORDER BY household')
    .all(id);
  expect(votes).toEqual([
    { household: household(village, 20), choice: 1 },
    { household: household(village, 21), choice: 1 },
  ]);
  const mine = (await pollsOf(first)).find((p) => p.id === id)!;
  expect(mine).toMatchObject({ choice: 1, state: 'open', results: null });
  expect(
    (await call(service, 'GET', `/api/polls?village=${village}`, clerk.token)).body.find(
      (p: { id: number }) => p.id === id,
    ),
  ).toMatchObject({ turnout: 2, results: null });

  expect((await vote(first, id, 3)).status).toBe(400);
  expect((await vote(first, id, -1)).status).toBe(400);
  expect((await vote(unbound, id, 0)).status).toBe(403);
  expect((await vote(first, 999999, 0)).status).toBe(404);
  const stored = count('poll_votes');

  // Once closed: no more votes, and the counts are out, each household once.
  const closed = Date.now() + 2 * 86_400_000;
  const binding = bindingOf(service.service.db, first.id)!;
  expect(() => castVote(service.service.db, binding, { poll: id, choice: 0 }, closed)).toThrow(/has closed/);
  const operator = authenticate(service.service.db, clerk.token)!;
  expect(listPolls(service.service.db, operator, village, closed).find((p) => p.id === id)).toMatchObject({
    state: 'closed',
    turnout: 2,
    results: [0, 2, 0],
  });
  expect(householdPolls(service.service.db, binding, closed).find((p) => p.id === id)).toMatchObject({
    choice: 1,
    results: [0, 2, 0],
  });
  expect(count('poll_votes')).toBe(stored);
});

test('a box of another village cannot vote in this one, and an upcoming poll takes no votes yet', async () => {
  const { clerk, admin } = service.tokens;
  const created = await call(service, 'POST', '/api/polls', clerk.token, poll());
  const upcoming = await call(
    service,
    'POST',
    '/api/polls',
    clerk.token,
    poll({ opensAt: chinaTime(Date.now() + 3_600_000), closesAt: chinaTime(Date.now() + 7_200_000) }),
  );
  const stranger = await new TestBox(service).setUp(household('370703002001', 1), admin.token);
  const answer = await vote(stranger, created.body.id, 0);
  expect(answer.status).toBe(404);
  expect((await pollsOf(stranger)).map((p) => p.id)).not.toContain(created.body.id);
  const local = await new TestBox(service).setUp(household(clerk.region, 22));
  const early = await vote(local, upcoming.body.id, 0);
  expect(early.status).toBe(409);
  expect(early.body.error.zh).toContain('还没有开始');
});
