/**
 * 满意度 on the service, in this process (inject): a bound box rates the answer to its
 * household's question 1–5 with a signed request, and may change it; unsigned, replayed,
 * unbound, another household's, unanswered and out-of-range ratings are refused and store
 * nothing; the village's ratings are counted per month (count and average) and drafted into its
 * 20 村民问答 for publishing, and the household's sealed 25 carries its rating.
 */
import { test, expect } from '@playwright/test';
import { chinaTime } from '../../src/format/dates';
import { monthlyRatings, rateAnswer } from '../../server/household/ratings';
import { bindingOf } from '../../server/household/boxes';
import { call, clerkLedgerMonth, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const db = () => service.service.db;
const ratings = () => db().prepare('SELECT count(*) FROM question_ratings').pluck().get() as number;
const household = (n: number) => `${service.tokens.clerk.region}-h${String(n).padStart(3, '0')}`;

const rate = (box: TestBox, question: number, rating: number) =>
  box.post('/box/questions/rate', JSON.stringify({ question, rating }));

/** The box asks about the village's newest published voucher; answered by the clerk unless told not to. */
const ask = async (box: TestBox, answered = true): Promise<number> => {
  const { region } = service.tokens.clerk;
  const month = clerkLedgerMonth(service);
  const voucher = month.vouchers[0]!;
  const asked = await box.post(
    '/box/questions',
    JSON.stringify({
      key: `rate-${Math.random().toString(36).slice(2)}-${Date.now()}`,
      subject: { region, channel: 15, item: month.month, voucher: voucher.number, version: voucher.version },
      reason: 'amount',
      callBack: false,
    }),
  );
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const id = asked.body.id as number;
  if (answered) {
    const answer = await call(service, 'POST', `/api/questions/${id}/answer`, service.tokens.clerk.token, {
      text: '经核对，金额与发票一致。',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
  return id;
};

test('a household rates its answer 1–5 and may change it; every refusal is a 4xx that stores nothing', async () => {
  const box = await new TestBox(service).setUp(household(11));
  const question = await ask(box);
  const open = await ask(box, false);
  const neighbour = await new TestBox(service).setUp(household(12));
  const unbound = await new TestBox(service).setUp();

  const first = await rate(box, question, 2);
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body).toEqual({ question, rating: 2 });
  expect((await rate(box, question, 4)).status).toBe(200);
  expect(db().prepare('SELECT rating FROM question_ratings WHERE question_id = ?').pluck().all(question)).toEqual([4]);
  const stored = ratings();

  const path = '/box/questions/rate';
  const body = JSON.stringify({ question, rating: 1 });
  const refusals: [string, Promise<{ status: number; body: { error?: { zh: string; en: string } } }>, number][] = [
    ['unsigned', box.postRaw(path, body, {}), 401],
    ['unbound', rate(unbound, question, 1), 403],
    ["another household's question", rate(neighbour, question, 1), 404],
    ['not answered yet', rate(box, open, 5), 409],
    ['rating 0', rate(box, question, 0), 400],
    ['rating 6', rate(box, question, 6), 400],
    ['an unknown field', box.post(path, JSON.stringify({ question, rating: 3, note: 'x' })), 400],
  ];
  for (const [what, answer, status] of refusals) {
    const { status: got, body: error } = await answer;
    expect(got, what).toBe(status);
    expect(error.error?.zh, what).toBeTruthy();
    expect(error.error?.en, what).toBeTruthy();
  }
  // The same signed request sent twice: the second is a replay.
  const sent = await box.post(path, body);
  expect(sent.status).toBe(200);
  expect((await box.postRaw(path, body, sent.headers)).status).toBe(409);
  expect(ratings()).toBe(stored);
  expect(db().prepare('SELECT rating FROM question_ratings WHERE question_id = ?').pluck().get(question)).toBe(1);

  // The household's sealed 25 lists the question with its rating.
  const page = JSON.parse(
    db()
      .prepare('SELECT body FROM household_pages WHERE household = ? AND channel = 25')
      .pluck()
      .get(household(11)) as string,
  ) as { content: { questions: { id: number; rating?: number }[] } };
  expect(page.content.questions.find((q) => q.id === question)?.rating).toBe(1);
});

test("a village's ratings are counted per month: the count and the average, for its operators", async () => {
  const { clerk, committee } = service.tokens;
  const village = clerk.region;
  const before = monthlyRatings(db(), village);
  const boxes = await Promise.all([21, 22, 23].map(async (n) => new TestBox(service).setUp(household(n))));
  const questions = await Promise.all(boxes.map((b) => ask(b)));
  // Two ratings now (5 and 2), one given last month (4), through the service's own function.
  expect((await rate(boxes[0]!, questions[0]!, 5)).status).toBe(200);
  expect((await rate(boxes[1]!, questions[1]!, 2)).status).toBe(200);
  const now = new Date(Date.now());
  const lastMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 4);
  db().transaction(() =>
    rateAnswer(db(), bindingOf(db(), boxes[2]!.id)!, { question: questions[2]!, rating: 4 }, lastMonth),
  )();

  const thisMonth = chinaTime(Date.now()).slice(0, 7);
  const previous = chinaTime(lastMonth).slice(0, 7);
  const was = (month: string) => before.find((m) => m.month === month) ?? { count: 0, average: 0 };
  const listed = await call(service, 'GET', `/api/ratings?village=${village}`, committee.token);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  const months = listed.body as { month: string; count: number; average: number }[];
  const current = months.find((m) => m.month === thisMonth)!;
  expect(current.count).toBe(was(thisMonth).count + 2);
  if (was(thisMonth).count === 0) expect(current.average).toBe(3.5);
  expect(months.find((m) => m.month === previous)).toMatchObject({ count: was(previous).count + 1 });
  expect(months.map((m) => m.month)).toEqual([...months.map((m) => m.month)].sort().reverse());
  // Published as a month's item of the village's 20 村民问答: a draft, to approve and publish like any item.
  const drafted = await call(service, 'POST', '/api/ratings/draft', clerk.token, { village, month: thisMonth });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  expect(drafted.body).toMatchObject({ item: `satisfaction-${thisMonth}`, numbers: current });
  const draft = await call(
    service,
    'GET',
    `/api/regions/${village}/channels/20/items/satisfaction-${thisMonth}`,
    clerk.token,
  );
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  expect(JSON.stringify(draft.body)).toContain(
    `共收到 ${current.count} 条满意度评价，平均 ${current.average.toFixed(1)} 分`,
  );
  const empty = await call(service, 'POST', '/api/ratings/draft', clerk.token, { village, month: '2020-01' });
  expect(empty.status).toBe(404);
  expect(empty.body.error.zh).toContain('没有收到满意度评价');
  // Another village's clerk may not read them.
  const other = await call(service, 'GET', '/api/ratings?village=370703002001', clerk.token);
  expect(other.status).toBe(403);
});
