/**
 * 建言献策 on the service, in this process (inject): a village's topics (the defaults until its
 * clerk sets its own, checked like anything a box shows); a bound box's suggestion on one of them
 * stored once per idempotency key; unsigned, unbound, off-list and over-the-limit ones refused
 * with a 4xx, storing nothing; the village's operators read them with a count per topic, and
 * another village's clerk reads nothing.
 */
import { test, expect } from '@playwright/test';
import { newNonce } from '../../src/household/signedRequest';
import { DEFAULT_SUGGESTION_TOPICS, SUGGESTIONS_PER_DAY } from '../../src/household/suggestions';
import { call, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const stored = () => service.service.db.prepare('SELECT count(*) FROM suggestions').pluck().get() as number;
const household = (n: number) => `${service.tokens.clerk.region}-h${String(n).padStart(3, '0')}`;
const suggest = (box: TestBox, topic: string, key = newNonce()) =>
  box.post('/box/suggestions', JSON.stringify({ topic, key }));

test('the village keeps its topics: the defaults, then its own; bad lists are refused by name; another village may not set them', async () => {
  const { clerk, committee } = service.tokens;
  const village = clerk.region;
  const read = await call(service, 'GET', `/api/suggestions/topics?village=${village}`, committee.token);
  expect(read.body.topics).toEqual(DEFAULT_SUGGESTION_TOPICS);
  const box = await new TestBox(service).setUp(household(11));
  expect((await box.post('/box/suggestions/topics', '{}')).body.topics).toEqual(DEFAULT_SUGGESTION_TOPICS);

  const one = await call(service, 'PUT', '/api/suggestions/topics', clerk.token, { village, topics: ['道路交通'] });
  expect(one.status).toBe(400);
  const repeated = await call(service, 'PUT', '/api/suggestions/topics', clerk.token, {
    village,
    topics: ['道路交通', '道路交通'],
  });
  expect(repeated.status).toBe(422);
  expect(repeated.body.error.zh).toContain('重复');
  const phone = await call(service, 'PUT', '/api/suggestions/topics', clerk.token, {
    village,
    topics: ['道路交通', '找13812345678'],
  });
  expect(phone.status).toBe(422);
  expect(phone.body.error.zh).toContain('个人号码');
  expect(
    (await call(service, 'PUT', '/api/suggestions/topics', committee.token, { village, topics: ['甲', '乙'] })).status,
  ).toBe(403);
  expect(
    (
      await call(service, 'PUT', '/api/suggestions/topics', clerk.token, {
        village: '370703002001',
        topics: ['道路', '其他'],
      })
    ).status,
  ).toBe(403);
  // The district may set any village's topics, but only of a village that exists (this was a 500).
  const nowhere = await call(service, 'PUT', '/api/suggestions/topics', service.tokens.admin.token, {
    village: '370703999999',
    topics: ['道路', '其他'],
  });
  expect(nowhere.status).toBe(404);
  expect(nowhere.body.problems).toEqual([
    expect.objectContaining({ field: '/village', zh: '没有编号为 370703999999 的村' }),
  ]);

  const set = await call(service, 'PUT', '/api/suggestions/topics', clerk.token, {
    village,
    topics: ['村道硬化', '环境卫生', '其他'],
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  expect((await box.post('/box/suggestions/topics', '{}')).body.topics).toEqual(['村道硬化', '环境卫生', '其他']);
});

test('a bound box suggests on a topic once per key; off-list, unsigned, unbound and over-the-limit ones store nothing; operators read them per topic', async () => {
  const { clerk, committee } = service.tokens;
  const village = clerk.region;
  const topics = (await call(service, 'GET', `/api/suggestions/topics?village=${village}`, clerk.token)).body
    .topics as string[];
  const box = await new TestBox(service).setUp(household(12));
  const before = stored();
  const key = newNonce();
  const first = await suggest(box, topics[0]!, key);
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect((await suggest(box, topics[0]!, key)).status).toBe(200);
  expect(stored()).toBe(before + 1);

  expect((await suggest(box, '不在列表里')).status).toBe(422);
  expect((await suggest(box, topics[1]!, 'short')).status).toBe(400);
  const unsigned = await box.postRaw('/box/suggestions', JSON.stringify({ topic: topics[0], key: newNonce() }), {});
  expect(unsigned.status).toBe(401);
  const unbound = await new TestBox(service).setUp();
  expect((await suggest(unbound, topics[0]!)).status).toBe(403);
  expect(stored()).toBe(before + 1);

  for (let i = 1; i < SUGGESTIONS_PER_DAY; i++)
    expect((await suggest(box, topics[i % topics.length]!)).status).toBe(201);
  const over = await suggest(box, topics[0]!);
  expect(over.status).toBe(429);
  expect(over.body.error.zh).toContain(`最多提 ${SUGGESTIONS_PER_DAY} 条`);
  expect(stored()).toBe(before + SUGGESTIONS_PER_DAY);

  const listed = await call(service, 'GET', `/api/suggestions?village=${village}`, committee.token);
  expect(listed.status).toBe(200);
  expect(listed.body.suggestions.filter((s: { household: string }) => s.household === household(12))).toHaveLength(
    SUGGESTIONS_PER_DAY,
  );
  expect(listed.body.counts.find((c: { topic: string }) => c.topic === topics[0])!.count).toBeGreaterThanOrEqual(2);
  expect((await call(service, 'GET', '/api/suggestions?village=370703002001', clerk.token)).status).toBe(403);
});
