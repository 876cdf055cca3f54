/**
 * What each operator endpoint accepts and answers, in TypeBox: Fastify checks params, query and
 * body against it before the handler runs (a number where a reason belongs, a repeated query
 * parameter or a value too long is refused with 400, naming the field, never a 500), the handler
 * gets them typed (a number in the path arrives as a number), and answers are written by it.
 * tests/server/fuzz.spec.ts generates requests from these same schemas.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { ROLES } from '../auth/operators';
import { REVISION_STATUSES } from '../content/repository';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const digits = (maxLength: number) => Type.String({ pattern: `^[0-9]{1,${maxLength}}$` });
/** One of a few words, as JSON Schema's enum: a 400 then lists what is allowed. */
const choice = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
/** A value or null; also a body whose every field is optional, which may be sent as JSON null. */
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A row id; in a path it arrives as digits, and the validator turns them into the number. */
const rowId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

const region = digits(12);
const month = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' });

// Which sub-channels exist, and at which level, is the content rules' to say (a 404 or 422 naming it).
export const itemParams = Type.Object({ region, channel: Type.Integer({ minimum: 1, maximum: 99 }), itemId: text(64) });
const monthParams = Type.Object({ region, month });
const idParams = Type.Object({ id: rowId });

/** An item's body as the operator sends it: its fields are checked by the content rules, which name each. */
const itemBody = Type.Record(Type.String(), Type.Unknown());

const Operator = Type.Object({ id: Type.Integer(), name: Type.String(), role: choice(ROLES), region: Type.String() });

/** A revision as stored, its body parsed. */
const Revision = Type.Object({
  id: Type.Integer(),
  region: Type.String(),
  channel: Type.Integer(),
  item_id: Type.String(),
  action: choice(['put', 'withdraw'] as const),
  body: Type.Unknown(),
  status: choice(REVISION_STATUSES),
  created_by: nullable(Type.Integer()),
  created_at: Type.String(),
  reviewed_by: nullable(Type.Integer()),
  reviewed_at: nullable(Type.String()),
  reason: nullable(Type.String()),
  published_at: nullable(Type.String()),
});

const boxParams = Type.Object({ id: Type.String({ pattern: '^[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}$' }) });
const BoxBinding = Type.Object({
  box: Type.String(),
  household: Type.String(),
  village: Type.String(),
  boundAt: Type.String(),
});
const BoxEnded = Type.Object({ box: Type.String(), household: nullable(Type.String()), revoked: Type.Boolean() });

const LedgerImportResult = Type.Object({
  summary: Type.Object({ zh: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
  added: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  draftId: nullable(Type.Integer()),
});

const PublishResult = Type.Object({
  version: Type.Integer(),
  files: Type.Integer(),
  written: Type.Integer(),
  bytesWritten: Type.Integer(),
  manifestSha256: Type.String(),
});

export const ROUTE_SCHEMAS = {
  me: { response: { 200: Operator } },
  regions: {
    response: {
      200: Type.Array(
        Type.Object({
          code: Type.String(),
          level: choice(['district', 'street', 'village'] as const),
          name: Type.String(),
          parent: nullable(Type.String()),
        }),
      ),
    },
  },
  item: {
    params: itemParams,
    response: { 200: Type.Object({ published: Type.Unknown(), pending: nullable(Revision) }) },
  },
  push: {
    params: itemParams,
    querystring: Type.Object({ replace: Type.Optional(Type.Boolean()) }),
    body: itemBody,
    response: { 201: Revision },
  },
  withdraw: { params: itemParams, response: { 201: Revision } },
  correction: {
    params: itemParams,
    body: Type.Object({
      newId: Type.Optional(text(64)),
      note: Type.Optional(text(300)),
      item: Type.Optional(itemBody),
    }),
    response: { 201: Type.Array(Revision) },
  },
  // The rows are checked by the ledger rules after the merge, which name voucher and field.
  ledgerImport: {
    params: monthParams,
    body: Type.Object({
      vouchers: Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 20_000 }),
      openingFen: Type.Optional(Type.Integer()),
      dryRun: Type.Optional(Type.Boolean()),
    }),
    // 200 for a dry run, 201 when a draft was saved.
    response: { 200: LedgerImportResult, 201: LedgerImportResult },
  },
  attachReceipts: {
    params: Type.Object({ region, month, number: text(40) }),
    body: Type.Object({
      receipts: Type.Array(
        Type.Object({
          src: text(200),
          width: Type.Integer({ minimum: 1 }),
          height: Type.Integer({ minimum: 1 }),
          kind: Type.Optional(text(20)),
        }),
        { minItems: 1, maxItems: 20 },
      ),
    }),
    response: { 201: Type.Object({ id: Type.Integer(), receiptCount: Type.Integer() }) },
  },
  // The body is the file itself (an image or a recording), read as bytes.
  media: {
    response: {
      201: Type.Union([
        Type.Object({ src: Type.String(), width: Type.Integer(), height: Type.Integer() }),
        Type.Object({ src: Type.String(), durationSec: Type.Number(), bytes: Type.Integer() }),
      ]),
    },
  },
  drafts: {
    querystring: Type.Object({ status: Type.Optional(choice(REVISION_STATUSES)) }),
    response: { 200: Type.Array(Revision) },
  },
  approve: { params: idParams, response: { 200: Revision } },
  reject: {
    params: idParams,
    body: nullable(Type.Object({ reason: Type.Optional(text(500)) })),
    response: { 200: Revision },
  },
  publish: {
    body: nullable(Type.Object({ at: Type.Optional(text(40)) })),
    response: {
      200: PublishResult,
      202: Type.Object({ scheduled: Type.Object({ id: Type.Integer(), at: Type.String() }) }),
    },
  },
  rollback: { body: Type.Object({ version: rowId }), response: { 200: PublishResult } },
  versions: {
    response: {
      200: Type.Array(
        Type.Object({
          version: Type.Integer(),
          kind: choice(['seed', 'publish', 'rollback', 'resign'] as const),
          created_at: Type.String(),
          created_by: nullable(Type.Integer()),
          rolled_back_to: nullable(Type.Integer()),
          status: choice(['pending', 'complete'] as const),
          manifest_sha256: nullable(Type.String()),
        }),
      ),
    },
  },
  auditVerify: {
    response: {
      200: Type.Union([
        Type.Object({ ok: Type.Literal(true), entries: Type.Integer(), head: Type.String() }),
        Type.Object({
          ok: Type.Literal(false),
          entries: Type.Integer(),
          brokenAt: Type.Integer(),
          reason: Type.String(),
        }),
      ]),
    },
  },
  bootFailures: {
    response: {
      200: Type.Array(
        Type.Object({
          id: Type.Integer(),
          receivedAt: Type.String(),
          address: Type.String(),
          userAgent: Type.String(),
          bundle: Type.String(),
          error: Type.String(),
          page: Type.String(),
        }),
      ),
    },
  },
  overdue: {
    querystring: Type.Object({ region: Type.Optional(region) }),
    response: {
      200: Type.Array(
        Type.Object({
          region: Type.String(),
          name: Type.String(),
          channel: Type.Integer(),
          updatedAt: nullable(Type.String()),
          dueAt: Type.String(),
        }),
      ),
    },
  },
  operators: {
    response: {
      200: Type.Array(
        Type.Composite([
          Operator,
          Type.Object({
            tokens: Type.Array(
              Type.Object({
                id: Type.Integer(),
                label: Type.String(),
                created_at: Type.String(),
                revoked_at: nullable(Type.String()),
              }),
            ),
          }),
        ]),
      ),
    },
  },
  createOperator: {
    body: Type.Object({ name: text(40), role: choice(ROLES), region, label: Type.Optional(text(60)) }),
    response: { 201: Type.Object({ operator: Operator, token: Type.String(), tokenId: Type.Integer() }) },
  },
  issueToken: {
    params: idParams,
    body: nullable(Type.Object({ label: Type.Optional(text(60)) })),
    response: { 201: Type.Object({ tokenId: Type.Integer(), token: Type.String() }) },
  },
  revokeToken: { params: idParams, response: { 200: Type.Object({ revoked: Type.Integer() }) } },
  disableOperator: { params: idParams, response: { 200: Type.Object({ disabled: Type.Integer() }) } },
  households: {
    querystring: Type.Object({ village: region }),
    response: {
      200: Type.Array(Type.Object({ id: Type.String(), head: Type.String(), boxes: Type.Array(Type.String()) })),
    },
  },
  bindBox: {
    body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }), household: text(40) }),
    response: { 201: BoxBinding },
  },
  unbindBox: { params: boxParams, response: { 200: BoxEnded } },
  revokeBox: { params: boxParams, response: { 200: BoxEnded } },
} as const;
