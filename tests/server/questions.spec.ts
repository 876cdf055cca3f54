/**
 * Villagers' questions from their boxes, in this process (inject): a bound box asks about a
 * published voucher with a signed request; every refusal stores nothing; a resend under the same
 * idempotency key is stored once; each box and each household asks at most 10 a day; operators
 * see and answer only their village's questions (the street, those overdue); the statuses
 * 已收到 → 已受理 → 已答复 / 已更正 reach the household's sealed 25, and a public answer becomes
 * a draft in 20 村民问答 with the asker anonymised.
 */
import { test, expect } from '@playwright/test';
import { utf8Text } from '../../src/household/bytes';
import { isHouseholdPage, type HouseholdPageOf } from '../../src/household/pages';
import { sealedObjectPath } from '../../src/household/privateFiles';
import type { HouseholdQuestion, QuestionSubmission } from '../../src/household/questions';
import { openSealed } from '../../src/household/sealed';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { formatFen } from '../../src/format/money';
import { call, clerkLedgerMonth, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const db = () => service.service.db;
const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const stored = () => ({ questions: count('questions'), nonces: count('box_nonces') });

const household = (n: number) => `${service.tokens.clerk.region}-h${String(n).padStart(3, '0')}`;
const ask = (box: TestBox, submission: QuestionSubmission, options: Parameters<TestBox['post']>[2] = {}) =>
  box.post('/box/questions', JSON.stringify(submission), options);

/** The household's 25 as this box opens it from the files sealed to it. */
const page25 = async (box: TestBox): Promise<HouseholdPageOf<25>> => {
  const { index } = await box.index();
  const object = await box.feedFile(sealedObjectPath(index!.files['25']!.sha256));
  const page: unknown = JSON.parse(utf8Text(openSealed(new Uint8Array(object.bytes), box.keys.seal.secretKey)!));
  expect(isHouseholdPage(page)).toBe(true);
  return page as HouseholdPageOf<25>;
};

/** A voucher of the clerk's village as published: its month, number, version and amount. */
const publishedVoucher = (index = 0) => {
  const { region } = service.tokens.clerk;
  const month = clerkLedgerMonth(service);
  return { month: month.month, voucher: month.vouchers[index]!, region };
};

const askAbout = (index = 0, reason: QuestionSubmission['reason'] = 'amount', key?: string): QuestionSubmission => {
  const { month, voucher, region } = publishedVoucher(index);
  return {
    key: key ?? `test-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    subject: { region, channel: 15, item: month, voucher: voucher.number, version: voucher.version },
    reason,
    callBack: true,
  };
};

test('a bound box asks about a voucher: stored once under its key, listed 已收到 in the household 25 with the voucher and its ¥ amount', async () => {
  const box = await new TestBox(service).setUp(household(3));
  const submission = askAbout(0);
  const first = await ask(box, submission);
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect(first.body).toMatchObject({ status: 'received' });
  // The outbox sends it again (its answer was lost): a new one-time id, the same key.
  const again = await ask(box, submission);
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  expect(db().prepare('SELECT count(*) FROM questions WHERE idem_key = ?').pluck().get(submission.key)).toBe(1);

  const { voucher } = publishedVoucher(0);
  const page = await page25(box);
  const listed = page.content.questions!.find((q) => q.id === first.body.id)!;
  expect(listed).toMatchObject({ status: 'received', reason: 'amount', callBack: true });
  expect(listed.about).toContain(voucher.number);
  expect(listed.about).toContain(formatFen(voucher.amountFen));
});

test('unsigned, forged, replayed, out-of-window, oversized, unbound, revoked and malformed questions are refused with a 4xx and store nothing', async () => {
  const box = await new TestBox(service).setUp(household(4));
  const submission = askAbout(1);
  const body = JSON.stringify(submission);
  const before = stored();
  const refusals: [string, number, string][] = [];
  const expectRefused = (
    name: string,
    answer: { status: number; body: { error?: { zh: string; en: string } } },
    status: number,
  ) => {
    refusals.push([name, answer.status, answer.body?.error?.en ?? '']);
    expect(answer.status, name).toBe(status);
    expect(answer.body?.error?.zh, name).toBeTruthy();
    expect(answer.body?.error?.en, name).toBeTruthy();
  };

  expectRefused('unsigned', await box.postRaw('/box/questions', body, {}), 401);
  const forged = await ask(box, submission, {
    headers: { 'x-sanwu-signature': new TestBox(service).signed('/box/questions', body)['x-sanwu-signature']! },
  });
  expectRefused('forged', forged, 401);
  expectRefused('out of window', await ask(box, submission, { time: Date.now() - 6 * 60_000 }), 401);
  expectRefused(
    'oversized',
    await box.post('/box/questions', body.replace('}', `,"pad":"${'x'.repeat(MAX_BOX_REQUEST_BYTES)}"}`)),
    413,
  );
  expectRefused(
    'unknown reason',
    await box.post('/box/questions', JSON.stringify({ ...submission, reason: 'angry' })),
    400,
  );
  expectRefused('free text', await box.post('/box/questions', JSON.stringify({ ...submission, text: '随便写' })), 400);
  expectRefused(
    'no such voucher',
    await ask(box, { ...submission, subject: { ...submission.subject, voucher: '记-999999' } }),
    404,
  );
  expectRefused(
    'a version not yet published',
    await ask(box, { ...submission, subject: { ...submission.subject, version: submission.subject.version + 1 } }),
    422,
  );
  expectRefused(
    "another village's item",
    await ask(box, { ...submission, subject: { ...submission.subject, region: '370703002001' } }),
    403,
  );
  expectRefused(
    'a household page',
    await ask(box, { ...submission, subject: { ...submission.subject, channel: 21 } }),
    404,
  );
  const unbound = await new TestBox(service).setUp();
  expectRefused('unbound', await ask(unbound, submission), 403);
  expect(stored()).toEqual({ ...before, nonces: before.nonces + 1 });

  // Replayed: the very request again, one-time id and all.
  const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';
  expect((await ask(box, submission, { nonce })).status).toBe(201);
  const afterOne = stored();
  expectRefused('replayed', await ask(box, { ...submission, key: `${submission.key}-2` }, { nonce }), 409);
  expect(stored()).toEqual(afterOne);

  const revoked = await new TestBox(service).setUp(household(5));
  expect((await call(service, 'POST', `/api/boxes/${revoked.id}/revoke`, service.tokens.clerk.token)).status).toBe(200);
  const beforeRevoked = stored();
  expectRefused('revoked', await ask(revoked, askAbout(0)), 403);
  expect(stored()).toEqual(beforeRevoked);
});

test('each box and each household asks at most 10 questions a day: the next is a plain bilingual 429 and stores nothing', async () => {
  const first = await new TestBox(service).setUp(household(6));
  for (let i = 0; i < 10; i++) expect((await ask(first, askAbout(i % 3, 'unclear'))).status).toBe(201);
  const before = stored();
  const limited = await ask(first, askAbout(0));
  expect(limited.status).toBe(429);
  expect(limited.body.error.zh).toBe('这台机顶盒今天已提问 10 次，请明天再问，或直接联系村委会');
  expect(limited.body.error.en).toContain('10 questions today');
  expect(stored()).toEqual(before);

  // A second box of another household, and a third bound to the first one's household: the household's limit holds.
  const third = await new TestBox(service).setUp(household(6));
  const byHousehold = await ask(third, askAbout(0));
  expect(byHousehold.status).toBe(429);
  expect(byHousehold.body.error.zh).toContain('您家今天已提问 10 次');
  const neighbour = await new TestBox(service).setUp(household(7));
  expect((await ask(neighbour, askAbout(0))).status).toBe(201);
  // A question asked more than a day ago no longer counts.
  db().prepare('UPDATE questions SET asked_ms = asked_ms - 86400001 WHERE household = ?').run(household(6));
  expect((await ask(third, askAbout(0))).status).toBe(201);
});

/** A second village's clerk, made by the district admin. */
const otherClerk = async () => {
  const made = await call(service, 'POST', '/api/operators', service.tokens.admin.token, {
    name: '邻村文书',
    role: 'clerk',
    region: '370703001002',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.token as string;
};

test('operators see and answer only their village questions; 已受理 then 已答复 reach the household 25, and a public answer is a draft in 20 with the asker anonymised', async () => {
  const { clerk, committee, admin } = service.tokens;
  const box = await new TestBox(service).setUp(household(8));
  const asked = await ask(box, askAbout(2));
  expect(asked.status).toBe(201);
  const id = asked.body.id as number;

  const listed = await call(service, 'GET', `/api/questions?village=${clerk.region}`, clerk.token);
  expect(listed.status).toBe(200);
  const mine = listed.body.find((q: { id: number }) => q.id === id);
  expect(mine).toMatchObject({ status: 'received', reasonText: '金额有疑问', callBack: true, overdue: false });
  expect(mine.household).toBe(`${clerk.region}-h008`);
  expect(Date.parse(mine.dueAt) - Date.parse(mine.askedAt)).toBe(10 * 86_400_000);
  // The committee sees them but does not answer; a neighbouring village's clerk neither sees nor answers.
  expect(
    (await call(service, 'GET', '/api/questions', committee.token)).body.map((q: { id: number }) => q.id),
  ).toContain(id);
  expect((await call(service, 'POST', `/api/questions/${id}/answer`, committee.token, { text: '已核实' })).status).toBe(
    403,
  );
  const neighbour = await otherClerk();
  expect((await call(service, 'GET', '/api/questions', neighbour)).body).toEqual([]);
  expect((await call(service, 'GET', `/api/questions?village=${clerk.region}`, neighbour)).status).toBe(403);
  expect((await call(service, 'POST', `/api/questions/${id}/answer`, neighbour, { text: '已核实' })).status).toBe(403);
  expect((await call(service, 'POST', `/api/questions/${id}/answer`, clerk.token, {})).status).toBe(400);

  const accepted = await call(service, 'POST', `/api/questions/${id}/accept`, clerk.token, {
    responsible: '村财务室',
    expectedAt: '2026-12-20',
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  expect(accepted.body).toMatchObject({ status: 'accepted', responsible: '村财务室', expectedAt: '2026-12-20' });
  let entry = (await page25(box)).content.questions!.find((q) => q.id === id) as HouseholdQuestion;
  expect(entry).toMatchObject({ status: 'accepted', responsible: '村财务室', expectedAt: '2026-12-20' });

  const text = '经核对，该笔电费为十一月村委会办公用电，金额与供电公司发票一致。';
  const answered = await call(service, 'POST', `/api/questions/${id}/answer`, clerk.token, { text, public: true });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  expect(answered.body).toMatchObject({ status: 'answered', answer: text, publicItem: `question-${id}` });
  entry = (await page25(box)).content.questions!.find((q) => q.id === id) as HouseholdQuestion;
  expect(entry).toMatchObject({ status: 'answered', answer: text });
  expect((await call(service, 'POST', `/api/questions/${id}/answer`, clerk.token, { text })).status).toBe(409);

  const draft = await call(service, 'GET', `/api/drafts`, admin.token);
  const publicDraft = draft.body.find((d: { id: number }) => d.id === answered.body.publicDraft);
  expect(publicDraft).toMatchObject({ region: clerk.region, channel: 20, item_id: `question-${id}`, status: 'draft' });
  const { voucher, month } = publishedVoucher(2);
  expect(publicDraft.body).toMatchObject({
    askedBy: '村民',
    answer: text,
    about: { channel: 15, item: month, voucher: voucher.number },
  });
  expect(JSON.stringify(publicDraft.body)).not.toContain(`${clerk.region}-h008`);
  expect(JSON.stringify(publicDraft.body)).not.toContain(box.id);

  const audit = db()
    .prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY seq')
    .pluck()
    .all(`question ${id}`);
  expect(audit).toEqual(['accept question', 'answer question']);
});

test('a question unanswered past 10 days escalates to the street, which then sees and may answer it; 已更正 links the corrected item', async () => {
  const { street, clerk } = service.tokens;
  const box = await new TestBox(service).setUp(household(9));
  const id = (await ask(box, askAbout(1, 'mismatch'))).body.id as number;
  // Before the clock runs out, the street has nothing to do with it.
  expect(
    (await call(service, 'GET', '/api/questions', street.token)).body.map((q: { id: number }) => q.id),
  ).not.toContain(id);
  expect((await call(service, 'POST', `/api/questions/${id}/answer`, street.token, { text: '已核实' })).status).toBe(
    403,
  );

  db()
    .prepare('UPDATE questions SET asked_ms = asked_ms - ? WHERE id = ?')
    .run(11 * 86_400_000, id);
  const escalated = (await call(service, 'GET', '/api/questions', street.token)).body.find(
    (q: { id: number }) => q.id === id,
  );
  expect(escalated).toMatchObject({ overdue: true, escalatedTo: street.region });
  const correctedItem = `${clerk.region}/15/${publishedVoucher(1).month}`;
  const answered = await call(service, 'POST', `/api/questions/${id}/answer`, street.token, {
    text: '凭证金额录入有误，已更正。',
    correctedItem,
  });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  expect(answered.body).toMatchObject({ status: 'corrected', correctedItem, overdue: false, publicDraft: null });
  const entry = (await page25(box)).content.questions!.find((q) => q.id === id)!;
  expect(entry).toMatchObject({ status: 'corrected', correctedItem });
});
