/**
 * Villagers' questions from their boxes, in this process (inject): a bound box asks about a
 * published voucher with a signed request; every refusal stores nothing; a resend under the same
 * idempotency key is stored once; each box and each household asks at most 10 a day; operators
 * see and answer only their village's questions (the street, those overdue); the statuses
 * 已收到 → 已受理 → 已答复 / 已更正 reach the household's sealed 25, and a public answer becomes
 * a draft in 20 村民问答 with the asker anonymised.
 */
import { test, expect } from '@playwright/test';
import { boxIdOf, newBoxKeys, privateIndexPath, type BoxKeys } from '../../src/household/boxKeys';
import { toBase64, utf8Text } from '../../src/household/bytes';
import { isHouseholdPage, type HouseholdPageOf, type PrivateIndex } from '../../src/household/pages';
import { sealedObjectPath } from '../../src/household/privateFiles';
import type { HouseholdQuestion, QuestionSubmission } from '../../src/household/questions';
import { openSealed } from '../../src/household/sealed';
import { MAX_BOX_REQUEST_BYTES, signRequest } from '../../src/household/signedRequest';
import type { LedgerMonthBody } from '../../src/feed/schema';
import { formatFen } from '../../src/format/money';
import { call, startInProcess, type InProcessService } from './inProcess';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const db = () => service.service.db;
const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const stored = () => ({ questions: count('questions'), nonces: count('box_nonces') });

class TestBox {
  readonly keys: BoxKeys = newBoxKeys();
  readonly id = boxIdOf(this.keys.sign.publicKey);

  async post(
    path: string,
    body: string,
    options: { time?: number; nonce?: string; headers?: Record<string, string> } = {},
  ) {
    const signed = signRequest(
      { method: 'POST', path, time: options.time ?? Date.now(), body, nonce: options.nonce },
      this.id,
      this.keys.sign.secretKey,
    );
    const response = await service.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/json', ...signed, ...options.headers },
      payload: body,
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null, headers: signed };
  }

  async register(): Promise<string> {
    const answer = await this.post(
      '/box/register',
      JSON.stringify({ signKey: toBase64(this.keys.sign.publicKey), sealKey: toBase64(this.keys.seal.publicKey) }),
    );
    return answer.body.code as string;
  }

  ask(submission: QuestionSubmission, options: Parameters<TestBox['post']>[2] = {}) {
    return this.post('/box/questions', JSON.stringify(submission), options);
  }

  /** The household's 25 as this box opens it from the files sealed to it. */
  async page25(): Promise<HouseholdPageOf<25>> {
    const indexAnswer = await service.app.inject({
      method: 'GET',
      url: `/feed/${privateIndexPath(this.keys.sign.publicKey)}`,
    });
    const index = JSON.parse(indexAnswer.body) as PrivateIndex;
    const object = await service.app.inject({
      method: 'GET',
      url: `/feed/${sealedObjectPath(index.files['25']!.sha256)}`,
    });
    const page: unknown = JSON.parse(
      utf8Text(openSealed(new Uint8Array(object.rawPayload), this.keys.seal.secretKey)!),
    );
    expect(isHouseholdPage(page)).toBe(true);
    return page as HouseholdPageOf<25>;
  }
}

/** A box registered and bound by the clerk to the village's household number `n`. */
const boundBox = async (n: number, box = new TestBox()) => {
  const { clerk } = service.tokens;
  const bound = await call(service, 'POST', '/api/households/bind', clerk.token, {
    code: await box.register(),
    household: `${clerk.region}-h${String(n).padStart(3, '0')}`,
  });
  expect(bound.status, JSON.stringify(bound.body)).toBe(201);
  return box;
};

/** A voucher of the clerk's village as published: its month, number, version and amount. */
const publishedVoucher = (index = 0) => {
  const { region } = service.tokens.clerk;
  const body = db()
    .prepare(
      `SELECT r.body FROM version_items vi JOIN revisions r ON r.id = vi.revision_id
       WHERE vi.version = (SELECT max(version) FROM version_items) AND vi.region = ? AND vi.channel = 15
       ORDER BY vi.item_id DESC LIMIT 1`,
    )
    .pluck()
    .get(region) as string;
  const month = JSON.parse(body) as LedgerMonthBody;
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
  const box = await boundBox(3);
  const submission = askAbout(0);
  const first = await box.ask(submission);
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect(first.body).toMatchObject({ status: 'received' });
  // The outbox sends it again (its answer was lost): a new one-time id, the same key.
  const again = await box.ask(submission);
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  expect(db().prepare('SELECT count(*) FROM questions WHERE idem_key = ?').pluck().get(submission.key)).toBe(1);

  const { voucher } = publishedVoucher(0);
  const page = await box.page25();
  const listed = page.content.questions!.find((q) => q.id === first.body.id)!;
  expect(listed).toMatchObject({ status: 'received', reason: 'amount', callBack: true });
  expect(listed.about).toContain(voucher.number);
  expect(listed.about).toContain(formatFen(voucher.amountFen));
});

test('unsigned, forged, replayed, out-of-window, oversized, unbound, revoked and malformed questions are refused with a 4xx and store nothing', async () => {
  const box = await boundBox(4);
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

  const unsigned = await service.app.inject({
    method: 'POST',
    url: '/box/questions',
    headers: { 'content-type': 'application/json' },
    payload: body,
  });
  expectRefused('unsigned', { status: unsigned.statusCode, body: JSON.parse(unsigned.body) }, 401);
  const other = new TestBox();
  const forged = await box.ask(submission, {
    headers: { 'x-sanwu-signature': (await other.post('/box/questions', body)).headers['x-sanwu-signature']! },
  });
  expectRefused('forged', forged, 401);
  expectRefused('out of window', await box.ask(submission, { time: Date.now() - 6 * 60_000 }), 401);
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
    await box.ask({ ...submission, subject: { ...submission.subject, voucher: '记-999999' } }),
    404,
  );
  expectRefused(
    'a version not yet published',
    await box.ask({ ...submission, subject: { ...submission.subject, version: submission.subject.version + 1 } }),
    422,
  );
  expectRefused(
    "another village's item",
    await box.ask({ ...submission, subject: { ...submission.subject, region: '370703002001' } }),
    403,
  );
  expectRefused(
    'a household page',
    await box.ask({ ...submission, subject: { ...submission.subject, channel: 21 } }),
    404,
  );
  const unbound = new TestBox();
  await unbound.register();
  expectRefused('unbound', await unbound.ask(submission), 403);
  expect(stored()).toEqual({ ...before, nonces: before.nonces + 1 });

  // Replayed: the very request again, one-time id and all.
  const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';
  expect((await box.ask(submission, { nonce })).status).toBe(201);
  const afterOne = stored();
  expectRefused('replayed', await box.ask({ ...submission, key: `${submission.key}-2` }, { nonce }), 409);
  expect(stored()).toEqual(afterOne);

  const revoked = await boundBox(5);
  expect((await call(service, 'POST', `/api/boxes/${revoked.id}/revoke`, service.tokens.clerk.token)).status).toBe(200);
  const beforeRevoked = stored();
  expectRefused('revoked', await revoked.ask(askAbout(0)), 403);
  expect(stored()).toEqual(beforeRevoked);
});

test('each box and each household asks at most 10 questions a day: the next is a plain bilingual 429 and stores nothing', async () => {
  const first = await boundBox(6);
  for (let i = 0; i < 10; i++) expect((await first.ask(askAbout(i % 3, 'unclear'))).status).toBe(201);
  const before = stored();
  const limited = await first.ask(askAbout(0));
  expect(limited.status).toBe(429);
  expect(limited.body.error.zh).toBe('这台机顶盒今天已提问 10 次，请明天再问，或直接联系村委会');
  expect(limited.body.error.en).toContain('10 questions today');
  expect(stored()).toEqual(before);

  // A second box of another household, and a third bound to the first one's household: the household's limit holds.
  const household = `${service.tokens.clerk.region}-h006`;
  const third = new TestBox();
  const code = await third.register();
  expect(
    (await call(service, 'POST', '/api/households/bind', service.tokens.clerk.token, { code, household })).status,
  ).toBe(201);
  const byHousehold = await third.ask(askAbout(0));
  expect(byHousehold.status).toBe(429);
  expect(byHousehold.body.error.zh).toContain('您家今天已提问 10 次');
  const neighbour = await boundBox(7);
  expect((await neighbour.ask(askAbout(0))).status).toBe(201);
  // A question asked more than a day ago no longer counts.
  db().prepare('UPDATE questions SET asked_ms = asked_ms - 86400001 WHERE household = ?').run(household);
  expect((await third.ask(askAbout(0))).status).toBe(201);
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
  const box = await boundBox(8);
  const asked = await box.ask(askAbout(2));
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
  let entry = (await box.page25()).content.questions!.find((q) => q.id === id) as HouseholdQuestion;
  expect(entry).toMatchObject({ status: 'accepted', responsible: '村财务室', expectedAt: '2026-12-20' });

  const text = '经核对，该笔电费为十一月村委会办公用电，金额与供电公司发票一致。';
  const answered = await call(service, 'POST', `/api/questions/${id}/answer`, clerk.token, { text, public: true });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  expect(answered.body).toMatchObject({ status: 'answered', answer: text, publicItem: `question-${id}` });
  entry = (await box.page25()).content.questions!.find((q) => q.id === id) as HouseholdQuestion;
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
  const box = await boundBox(9);
  const id = (await box.ask(askAbout(1, 'mismatch'))).body.id as number;
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
  const entry = (await box.page25()).content.questions!.find((q) => q.id === id)!;
  expect(entry).toMatchObject({ status: 'corrected', correctedItem });
});
