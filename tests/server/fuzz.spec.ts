/**
 * No input gives a 5xx. fast-check generates requests to every operator endpoint from
 * its route schema (server/routes/schemas.ts): values of the declared fields and of any
 * other type, repeated query parameters, deep JSON, broken JSON, other content types.
 * The service runs in this process (Fastify's inject) on a real database file.
 */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { createOperator, issueToken } from '../../server/auth/operators';
import { QUESTION_SCHEMAS } from '../../server/routes/questionSchemas';
import { ROUTE_SCHEMAS } from '../../server/routes/schemas';
import type { Service } from '../../server/service';
import { startInProcess, type InProcessService } from './inProcess';

let running: InProcessService;
let service: Service;
let app: FastifyInstance;
let admin: string;
let village: string;
test.beforeAll(async () => {
  running = await startInProcess();
  ({ service, app } = running);
  village = running.tokens.clerk.region;
});
test.afterAll(() => running.stop());

type Schema = {
  type?: string | readonly string[];
  properties?: Record<string, Schema>;
  enum?: readonly string[];
  pattern?: string;
  minimum?: number;
  items?: Schema;
  anyOf?: Schema[];
};

/** A route's schema as JSON Schema; of a body that may also be null, its object. */
const jsonSchema = (schema: TSchema | undefined): Schema | undefined => {
  const node = schema as Schema | undefined;
  return node?.anyOf?.find((branch) => branch.type === 'object') ?? node;
};

/** Every /api endpoint, with the schema it declares (or none). */
const ENDPOINTS: {
  method: string;
  url: string;
  schema?: { params?: TSchema; querystring?: TSchema; body?: TSchema };
}[] = [
  { method: 'GET', url: '/api/me' },
  { method: 'GET', url: '/api/regions' },
  { method: 'GET', url: '/api/regions/:region/channels/:channel/items/:itemId', schema: ROUTE_SCHEMAS.item },
  { method: 'PUT', url: '/api/regions/:region/channels/:channel/items/:itemId', schema: ROUTE_SCHEMAS.push },
  { method: 'DELETE', url: '/api/regions/:region/channels/:channel/items/:itemId', schema: ROUTE_SCHEMAS.withdraw },
  {
    method: 'POST',
    url: '/api/regions/:region/channels/:channel/items/:itemId/correction',
    schema: ROUTE_SCHEMAS.correction,
  },
  { method: 'POST', url: '/api/regions/:region/ledger/:month/import', schema: ROUTE_SCHEMAS.ledgerImport },
  { method: 'POST', url: '/api/regions/:region/ledger/:month/preview', schema: ROUTE_SCHEMAS.ledgerPreview },
  { method: 'GET', url: '/api/regions/:region/ledger/columns', schema: ROUTE_SCHEMAS.ledgerColumns },
  { method: 'PUT', url: '/api/regions/:region/ledger/columns', schema: ROUTE_SCHEMAS.saveLedgerColumns },
  {
    method: 'POST',
    url: '/api/regions/:region/ledger/:month/vouchers/:number/receipts',
    schema: ROUTE_SCHEMAS.attachReceipts,
  },
  {
    method: 'POST',
    url: '/api/regions/:region/ledger/:month/vouchers/:number/receipts/redacted',
    schema: ROUTE_SCHEMAS.redactReceipt,
  },
  { method: 'POST', url: '/api/media', schema: ROUTE_SCHEMAS.media },
  { method: 'GET', url: '/api/drafts', schema: ROUTE_SCHEMAS.drafts },
  { method: 'POST', url: '/api/drafts/:id/approve', schema: ROUTE_SCHEMAS.approve },
  { method: 'POST', url: '/api/drafts/:id/reject', schema: ROUTE_SCHEMAS.reject },
  { method: 'POST', url: '/api/publish', schema: ROUTE_SCHEMAS.publish },
  { method: 'POST', url: '/api/rollback', schema: ROUTE_SCHEMAS.rollback },
  { method: 'GET', url: '/api/versions' },
  { method: 'GET', url: '/api/audit/verify' },
  { method: 'GET', url: '/api/audit', schema: ROUTE_SCHEMAS.auditLog },
  { method: 'GET', url: '/api/versions/:version/changes', schema: ROUTE_SCHEMAS.versionChanges },
  { method: 'GET', url: '/api/overdue', schema: ROUTE_SCHEMAS.overdue },
  { method: 'GET', url: '/api/boot-failures' },
  { method: 'GET', url: '/api/operators', schema: ROUTE_SCHEMAS.operators },
  { method: 'PATCH', url: '/api/operators/:id', schema: ROUTE_SCHEMAS.changeOperatorScope },
  { method: 'POST', url: '/api/operators/:id/enable', schema: ROUTE_SCHEMAS.enableOperator },
  { method: 'POST', url: '/api/operators', schema: ROUTE_SCHEMAS.createOperator },
  { method: 'POST', url: '/api/operators/:id/tokens', schema: ROUTE_SCHEMAS.issueToken },
  { method: 'DELETE', url: '/api/tokens/:id', schema: ROUTE_SCHEMAS.revokeToken },
  { method: 'DELETE', url: '/api/operators/:id', schema: ROUTE_SCHEMAS.disableOperator },
  { method: 'POST', url: '/api/operators/:id/password', schema: ROUTE_SCHEMAS.resetPassword },
  { method: 'GET', url: '/api/session' },
  { method: 'GET', url: '/api/households', schema: ROUTE_SCHEMAS.households },
  { method: 'POST', url: '/api/households/bind', schema: ROUTE_SCHEMAS.bindBox },
  { method: 'POST', url: '/api/boxes/:id/unbind', schema: ROUTE_SCHEMAS.unbindBox },
  { method: 'POST', url: '/api/boxes/:id/revoke', schema: ROUTE_SCHEMAS.revokeBox },
  { method: 'GET', url: '/api/help', schema: ROUTE_SCHEMAS.helpList },
  { method: 'POST', url: '/api/help/:id', schema: ROUTE_SCHEMAS.updateHelp },
  { method: 'GET', url: '/api/polls', schema: ROUTE_SCHEMAS.polls },
  { method: 'POST', url: '/api/polls/:id/close', schema: ROUTE_SCHEMAS.movePoll },
  { method: 'GET', url: '/api/ratings', schema: ROUTE_SCHEMAS.ratings },
  { method: 'GET', url: '/api/suggestions', schema: ROUTE_SCHEMAS.suggestions },
  { method: 'GET', url: '/api/suggestions/topics', schema: ROUTE_SCHEMAS.suggestionTopics },
  { method: 'PUT', url: '/api/suggestions/topics', schema: ROUTE_SCHEMAS.setSuggestionTopics },
  { method: 'POST', url: '/api/polls', schema: ROUTE_SCHEMAS.createPoll },
  { method: 'POST', url: '/api/polls/:id/open', schema: ROUTE_SCHEMAS.movePoll },
  { method: 'POST', url: '/api/ratings/draft', schema: ROUTE_SCHEMAS.draftRatings },
  { method: 'GET', url: '/api/questions', schema: QUESTION_SCHEMAS.list },
  { method: 'POST', url: '/api/questions/:id/accept', schema: QUESTION_SCHEMAS.accept },
  { method: 'POST', url: '/api/questions/:id/answer', schema: QUESTION_SCHEMAS.answer },
  { method: 'POST', url: '/api/session', schema: ROUTE_SCHEMAS.signIn },
  { method: 'DELETE', url: '/api/session' },
];

/** JSON nested `depth` deep, as text (JSON.stringify of it would recurse as deep). */
const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Values of any JSON type, including the ones that broke handlers: numbers for text, arrays, null, huge and tiny numbers. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    1e308,
    -1,
    0,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '\u0000',
    '\u202e',
    'x'.repeat(5000),
    null,
    [],
    {},
  ),
);

/** A value for one declared field: usually of its type (from its enum or pattern, or a region that exists), sometimes anything. */
const fieldValue = (name: string, schema: Schema | undefined): fc.Arbitrary<unknown> => {
  const typed: fc.Arbitrary<unknown>[] = [];
  // A region that exists, under either name the routes give it.
  if (name === 'region' || name === 'village') typed.push(fc.constant(village));
  if (schema?.enum) typed.push(fc.constantFrom(...schema.enum));
  if (schema?.pattern) typed.push(fc.stringMatching(new RegExp(schema.pattern)));
  if (schema?.type === 'string') typed.push(fc.string({ minLength: 1, maxLength: 80 }));
  if (schema?.type === 'integer')
    typed.push(fc.integer({ min: -5, max: 50 }), fc.integer({ min: schema.minimum ?? 0, max: 50 }));
  if (schema?.type === 'object') typed.push(fc.constant({ title: '通知', body: ['正文'] }));
  // Lists of words (poll options, suggestion topics): a few short distinct ones; other lists empty.
  if (schema?.items?.type === 'string')
    typed.push(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 4 }));
  else if (schema?.type === 'array') typed.push(fc.constant([]));
  // Arrays of objects (receipts): one or two of them, each field generated the same way.
  const itemFields = schema?.items?.properties;
  if (itemFields)
    typed.push(
      fc.array(fc.record(Object.fromEntries(Object.entries(itemFields).map(([k, v]) => [k, fieldValue(k, v)]))), {
        minLength: 1,
        maxLength: 2,
      }),
    );
  return fc.oneof(...typed.map((arbitrary) => ({ arbitrary, weight: 3 })), { arbitrary: anyValue, weight: 1 });
};

const paramValue = (name: string, schema: Schema | undefined) =>
  fc.oneof(
    {
      arbitrary: fc.constant(
        (
          { region: village, channel: '14', itemId: 'fuzz-item', month: '2026-11', number: '记-0001' } as Record<
            string,
            string
          >
        )[name] ?? '1',
      ),
      weight: 4,
    },
    schema?.pattern ? fc.stringMatching(new RegExp(schema.pattern)) : fc.string({ maxLength: 20 }),
    fc.string({ maxLength: 70 }),
    fc.constantFrom('..%2F..', '%00', '9'.repeat(40), '%E2%80%AE'),
  ) as fc.Arbitrary<string>;

const request = (endpoint: (typeof ENDPOINTS)[number]) => {
  const [paramsSchema, querystring, bodySchema] = [
    endpoint.schema?.params,
    endpoint.schema?.querystring,
    endpoint.schema?.body,
  ].map(jsonSchema);
  const names = [...endpoint.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = fc.tuple(...names.map((n) => paramValue(n, paramsSchema?.properties?.[n])));
  const queryKeys = Object.keys(querystring?.properties ?? {});
  // Repeated keys (status=a&status=b) are generated as often as single ones.
  const query = fc.array(
    fc.tuple(
      fc.constantFrom(...queryKeys, 'x'),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        ...queryKeys.map((k) => fieldValue(k, querystring?.properties?.[k]).map(String)),
      ),
    ),
    { maxLength: 4 },
  );
  const bodyFields = Object.fromEntries(
    Object.entries(bodySchema?.properties ?? {}).map(([k, schema]) => [k, fieldValue(k, schema)]),
  );
  const json = (b: unknown) => ({ type: 'application/json', payload: JSON.stringify(b) ?? 'null' });
  const body = fc.oneof(
    { arbitrary: fc.record(bodyFields).map(json), weight: 3 },
    fc.record(bodyFields, { requiredKeys: [] }).map(json),
    fc.dictionary(fc.constantFrom(...Object.keys(bodyFields), 'evil'), anyValue).map(json),
    anyValue.map(json),
    fc.constantFrom(
      { type: 'application/json', payload: deepJson(2000) },
      { type: 'application/json', payload: `{"title":"x","body":["y"],"deep":${deepJson(600)}}` },
      { type: 'application/json', payload: '{"title": ' },
      { type: 'audio/wav', payload: 'RIFF\u0000\u0000\u0000\u0000WAVEfmt ' },
      { type: 'image/png', payload: '\u0089PNG\r\n\u001a\n' },
      { type: 'text/plain', payload: 'hello' },
    ),
    fc.constant(null),
  );
  return fc.record({ params, query, body });
};

// Each endpoint's run has an admin of its own: a run may revoke tokens or disable operators.
test.beforeEach(() => {
  const operator = createOperator(
    service.db,
    '测试管理员',
    'admin',
    service.db.prepare(`SELECT code FROM regions WHERE level = 'district'`).pluck().get() as string,
  );
  admin = issueToken(service.db, operator.id, 'fuzz').token;
});

for (const endpoint of ENDPOINTS) {
  test(`${endpoint.method} ${endpoint.url}: no generated request gets a 5xx`, async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(request(endpoint), async ({ params, query, body }) => {
        let i = 0;
        const path = endpoint.url.replace(/:(\w+)/g, () =>
          encodeURIComponent(params[i++] as string).replace(/%25/g, '%'),
        );
        const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const response = await app.inject({
          method: endpoint.method as 'GET',
          url: `${path}${search ? `?${search}` : ''}`,
          headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': body.type } : {}) },
          ...(body && endpoint.method !== 'GET' ? { payload: body.payload } : {}),
        });
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        expect(
          response.statusCode,
          `${endpoint.method} ${path}?${search} ${body?.type} ${body?.payload.slice(0, 200)}\n${response.body.slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      // A seed of its own per endpoint: the same requests every run, so a failure reproduces.
      {
        numRuns: endpoint.method === 'GET' ? 60 : 40,
        seed: [...`${endpoint.method} ${endpoint.url}`].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, 7),
      },
    );
    // The generator reaches the handlers, not only the schema check: some requests pass it.
    expect(
      Object.keys(statuses).some((status) => Number(status) !== 400),
      JSON.stringify(statuses),
    ).toBe(true);
    console.log(`${endpoint.method} ${endpoint.url} ${JSON.stringify(statuses)}`);
  });
}
