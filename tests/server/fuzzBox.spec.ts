/**
 * No input from a box gives a 5xx. fast-check mutates a valid body of every /box route (a field
 * dropped, replaced by a value of any type, nested objects mutated in turn, keys added) or sends
 * any JSON, broken JSON or deep JSON instead, and the box signs the very bytes it sends, so the
 * request passes the signature check and reaches the body's checks and the handler. A few go
 * unsigned or with a signature of other bytes. The service runs in this process (inject) on a
 * real database file, with the box bound to a household of the sample clerk's village.
 */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { chinaTime } from '../../src/format/dates';
import { call, clerkLedgerMonth, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
let box: TestBox;
/** Valid bodies, filled in once the poll, the voucher and the box exist. */
let validBodies: Record<string, unknown>;

test.beforeAll(async () => {
  service = await startInProcess();
  const { clerk } = service.tokens;
  box = await new TestBox(service).setUp(`${clerk.region}-h030`);
  const poll = await call(service, 'POST', '/api/polls', clerk.token, {
    village: clerk.region,
    question: '村里的垃圾车每周来几次合适？',
    options: ['两次', '三次'],
    opensAt: chinaTime(Date.now() - 60_000),
    closesAt: chinaTime(Date.now() + 86_400_000),
  });
  expect(poll.status, JSON.stringify(poll.body)).toBe(201);
  const month = clerkLedgerMonth(service);
  const voucher = month.vouchers[0]!;
  const key = 'fuzz-key-0123456789';
  const question = {
    key,
    subject: {
      region: clerk.region,
      channel: 15,
      item: month.month,
      voucher: voucher.number,
      version: voucher.version,
    },
    reason: 'amount',
    callBack: true,
  };
  // An answered question, so that a rating has something to rate.
  const asked = await box.post('/box/questions', JSON.stringify(question));
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const id = asked.body.id as number;
  const accepted = await call(service, 'POST', `/api/questions/${id}/accept`, clerk.token, {
    responsible: '村务监督委员会',
    expectedAt: chinaTime(Date.now() + 86_400_000).slice(0, 10),
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const answered = await call(service, 'POST', `/api/questions/${id}/answer`, clerk.token, {
    text: '已核实，金额无误。',
  });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  validBodies = {
    '/box/register': JSON.parse(box.registration('STB-FUZZ-1')),
    '/box/binding': {},
    '/box/help': { kind: 'elderly', key },
    '/box/help/status': {},
    '/box/polls': {},
    '/box/polls/vote': { poll: poll.body.id, choice: 1, key },
    '/box/questions': question,
    '/box/questions/rate': { question: id, rating: 5, key },
    '/box/suggestions': { topic: '道路交通', key },
    '/box/suggestions/topics': {},
    '/box/boot-failures': { userAgent: 'Mozilla/5.0 (Linux; Android 4.4)', bundle: 'legacy', error: 'x is undefined' },
  };
});
test.afterAll(async () => service.stop());

/** Values of any JSON type, and the ones that broke handlers before: numbers for text, huge numbers, control characters. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(1e308, -1, 0, 2 ** 53 + 2, 1.5, '', '\u0000', '\u202e', 'x'.repeat(3000), null, [], {}, true),
);

/** The valid body with its fields kept, dropped or replaced, nested objects mutated the same way, and keys added. */
const mutated = (valid: unknown, depth = 0): fc.Arbitrary<unknown> => {
  if (valid === null || typeof valid !== 'object' || Array.isArray(valid) || depth > 2) return anyValue;
  const fields = Object.entries(valid as Record<string, unknown>).map(([key, value]) =>
    fc
      .oneof(
        { arbitrary: fc.constant({ keep: true as const, value }), weight: 3 },
        { arbitrary: mutated(value, depth + 1).map((v) => ({ keep: true as const, value: v })), weight: 2 },
        { arbitrary: fc.constant({ keep: false as const, value: undefined }), weight: 1 },
      )
      .map((field) => [key, field] as const),
  );
  return fc
    .tuple(fc.tuple(...fields), fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 2 }))
    .map(([kept, extra]) => ({
      ...extra,
      ...Object.fromEntries(kept.filter(([, field]) => field.keep).map(([key, field]) => [key, field.value])),
    }));
};

/** JSON nested `depth` deep, as text (JSON.stringify of it would recurse as deep). */
const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const bodyText = (valid: unknown) =>
  fc.oneof(
    { arbitrary: fc.constant(JSON.stringify(valid)), weight: 1 },
    { arbitrary: mutated(valid).map((body) => JSON.stringify(body)), weight: 6 },
    { arbitrary: anyValue.map((body) => JSON.stringify(body) ?? 'null'), weight: 2 },
    fc.constantFrom(
      '',
      '{',
      '{"kind": ',
      'null',
      deepJson(3000),
      `{"key":${deepJson(500)}}`,
      '\u0000',
      'ｘ'.repeat(9000),
    ),
  );

/** How the request is signed: as the box does, not at all, or over other bytes than those sent. */
const signing = fc.constantFrom('signed', 'signed', 'signed', 'signed', 'unsigned', 'other bytes');

const ROUTES = [
  '/box/register',
  '/box/binding',
  '/box/help',
  '/box/help/status',
  '/box/polls',
  '/box/polls/vote',
  '/box/questions',
  '/box/questions/rate',
  '/box/suggestions',
  '/box/suggestions/topics',
  '/box/boot-failures',
];

for (const path of ROUTES) {
  test(`POST ${path}: no generated body, signed or not, gets a 5xx`, async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(bodyText(validBodies[path]), signing, async (body, how) => {
        const headers = how === 'unsigned' ? {} : box.signed(path, how === 'signed' ? body : `${body} `);
        const response = await box.postRaw(path, body, headers);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        expect(
          response.status,
          `${how} ${body.slice(0, 200)}\n${JSON.stringify(response.body).slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      // A seed of its own per route: the same requests every run, so a failure reproduces.
      { numRuns: 80, seed: [...path].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, 11) },
    );
    // The generator reaches the handlers, not only the refusals: some requests are answered 2xx.
    expect(
      Object.keys(statuses).some((status) => Number(status) < 300),
      JSON.stringify(statuses),
    ).toBe(true);
  });
}
