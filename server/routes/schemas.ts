/**
 * What each operator endpoint accepts and answers, in TypeBox: Fastify checks params, query and
 * body against it before the handler runs (a number where a reason belongs, a repeated query
 * parameter or a value too long is refused with 400, naming the field, never a 500), the handler
 * gets them typed (a number in the path arrives as a number), and answers are written by it.
 * tests/server/fuzz.spec.ts generates requests from these same schemas.
 */
import { MAX_SUGGESTION_TOPICS, TOPIC_MAX_CHARS } from '../../src/household/suggestions';
import { Type, type TSchema } from '@sinclair/typebox';
import { Voucher } from '../../src/feed/schema';
import { ROLES } from '../auth/operators';
import { REVISION_STATUSES } from '../content/repository';
import { ColumnMappingSchema, LedgerColumnSettings, LedgerDefaultsSchema } from '../import/settings';
import { LEDGER_FIELDS } from '../import/types';
import { MAX_PASSWORD_LENGTH, USERNAME_PATTERN } from '../auth/passwords';
import { HELP_KINDS, HELP_STATUSES } from '../../src/household/help';

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
  /** Who drafted it, by name: in the review queue. */
  created_by_name: Type.Optional(nullable(Type.String())),
});

/** One item a version added, changed or removed. */
const ItemChange = Type.Object({
  region: Type.String(),
  regionName: nullable(Type.String()),
  channel: Type.Integer(),
  itemId: Type.String(),
  title: nullable(Type.String()),
});

const boxParams = Type.Object({ id: Type.String({ pattern: '^[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}$' }) });
const BoxBinding = Type.Object({
  box: Type.String(),
  household: Type.String(),
  village: Type.String(),
  boundAt: Type.String(),
});
/** A help request as the duty officer sees it, with its acknowledgement clock. */
const HelpRequest = Type.Object({
  id: Type.Integer(),
  household: Type.String(),
  head: Type.String(),
  village: Type.String(),
  kind: choice(HELP_KINDS),
  status: choice(HELP_STATUSES),
  note: nullable(Type.String()),
  createdAt: Type.String(),
  acknowledgedAt: nullable(Type.String()),
  updatedAt: nullable(Type.String()),
  ackDueAt: Type.String(),
  overdue: Type.Boolean(),
});
/** A poll as operators see it: its turnout, and its counts once it has closed. */
const Poll = Type.Object({
  id: Type.Integer(),
  village: Type.String(),
  question: Type.String(),
  options: Type.Array(Type.String()),
  opensAt: Type.String(),
  closesAt: Type.String(),
  state: choice(['upcoming', 'open', 'closed'] as const),
  turnout: Type.Integer(),
  results: nullable(Type.Array(Type.Integer())),
});
/** A moment in China time, as the feed writes it (seconds optional). */
const chinaMoment = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?\\+08:00$' });
const BoxEnded = Type.Object({ box: Type.String(), household: nullable(Type.String()), revoked: Type.Boolean() });

const LedgerImportResult = Type.Object({
  summary: Type.Object({ zh: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
  added: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  draftId: nullable(Type.Integer()),
});

/** One problem of an imported file, on its row and column as the spreadsheet shows them. */
const ImportProblem = Type.Object({
  code: Type.String(),
  row: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.String()),
  zh: Type.String(),
  en: Type.String(),
});

const LedgerPreview = Type.Object({
  ok: Type.Boolean(),
  format: choice(['csv', 'xlsx'] as const),
  encoding: Type.Optional(choice(['utf-8', 'utf-16le', 'gb18030'] as const)),
  sheet: Type.Optional(Type.String()),
  month: Type.String(),
  headerRow: Type.Optional(Type.Integer()),
  settingsFrom: choice(['request', 'saved', 'none'] as const),
  mapping: ColumnMappingSchema,
  defaults: LedgerDefaultsSchema,
  columns: Type.Array(
    Type.Object({
      field: choice(LEDGER_FIELDS),
      label: Type.String(),
      how: choice(['name', 'mapping', 'default', 'unfilled', 'missing'] as const),
      header: Type.Optional(Type.String()),
      column: Type.Optional(Type.Integer()),
      value: Type.Optional(Type.String()),
    }),
  ),
  header: Type.Array(Type.String()),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      kind: choice(['entry', 'blank', 'opening', 'monthTotal', 'yearTotal', 'note'] as const),
      cells: Type.Array(Type.String()),
    }),
  ),
  problems: Type.Array(ImportProblem),
  problemCount: Type.Integer(),
  totals: Type.Object({
    openingFen: nullable(Type.Integer()),
    incomeFen: Type.Integer(),
    expenseFen: Type.Integer(),
    closingFen: nullable(Type.Integer()),
    monthTotal: nullable(
      Type.Object({
        row: Type.Integer(),
        incomeFen: Type.Optional(Type.Integer()),
        expenseFen: Type.Optional(Type.Integer()),
        balanceFen: Type.Optional(Type.Integer()),
        matches: Type.Boolean(),
      }),
    ),
    previousClosingFen: nullable(Type.Integer()),
    openingMatchesPrevious: nullable(Type.Boolean()),
  }),
  vouchers: Type.Array(Voucher),
  openingFen: Type.Optional(Type.Integer()),
  merge: nullable(
    Type.Object({
      added: Type.Integer(),
      changed: Type.Integer(),
      unchanged: Type.Integer(),
      summary: Type.Object({ zh: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
    }),
  ),
});

/**
 * Columns and defaults as sent: Fastify drops keys a schema does not name, so these are checked
 * against the settings' own schema by content/ledgerColumns.ts, which names a key it does not know.
 */
const SentColumns = {
  mapping: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  defaults: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};

const SavedColumns = Type.Object({
  settings: LedgerColumnSettings,
  updatedAt: nullable(Type.String()),
  updatedBy: nullable(Type.Integer()),
});

const username = Type.String({ pattern: USERNAME_PATTERN });
/** The console's session as the browser learns it: the CSRF token goes back on every write. */
const ConsoleSession = Type.Object({
  operator: Operator,
  username: nullable(Type.String()),
  csrfToken: Type.String(),
  expiresAt: Type.String(),
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
  // A village's export read, checked and answered, nothing stored (content/ledgerPreview.ts).
  ledgerPreview: {
    params: monthParams,
    body: Type.Object({
      fileName: text(200),
      // Its size is capped by the route's body limit; the importer answers a file over its cap with 413.
      file: Type.String({ description: "the file's bytes in base64" }),
      sheet: Type.Optional(text(100)),
      ...SentColumns,
    }),
    response: { 200: LedgerPreview },
  },
  ledgerColumns: { params: Type.Object({ region }), response: { 200: SavedColumns } },
  saveLedgerColumns: {
    params: Type.Object({ region }),
    body: Type.Object(SentColumns),
    response: { 200: SavedColumns },
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
  // A receipt photo with the boxes to black out, fractions of the upright photo (content/receiptRedaction.ts).
  redactReceipt: {
    params: Type.Object({ region, month, number: text(40) }),
    body: Type.Object({
      image: Type.String({ description: "the photo's bytes in base64" }),
      boxes: Type.Array(
        Type.Object({
          x: Type.Number({ minimum: 0, maximum: 1 }),
          y: Type.Number({ minimum: 0, maximum: 1 }),
          width: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
          height: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
        }),
        { maxItems: 50 },
      ),
    }),
    response: {
      201: Type.Object({
        src: Type.String(),
        width: Type.Integer(),
        height: Type.Integer(),
        warnings: Type.Array(
          Type.Object({ code: choice(['gps', 'metadata', 'large'] as const), zh: Type.String(), en: Type.String() }),
        ),
      }),
    },
  },
  // The body is the file itself (an image or a recording), read as bytes.
  // An image or a recording as the request's body; a photo may be cropped (fractions of the upright photo).
  media: {
    querystring: Type.Object({
      cropX: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      cropY: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      cropWidth: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
      cropHeight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
    }),
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
          created_by_name: nullable(Type.String()),
        }),
      ),
    },
  },
  // What a version added, changed and removed against another (by default the one before it).
  versionChanges: {
    params: Type.Object({ version: rowId }),
    querystring: Type.Object({ against: Type.Optional(rowId) }),
    response: {
      200: Type.Object({
        version: Type.Integer(),
        against: nullable(Type.Integer()),
        added: Type.Array(ItemChange),
        changed: Type.Array(ItemChange),
        removed: Type.Array(ItemChange),
      }),
    },
  },
  // The audit log a page at a time, the newest first, limited to the regions the reader may see.
  auditLog: {
    querystring: Type.Object({
      region: Type.Optional(region),
      operator: Type.Optional(rowId),
      action: Type.Optional(text(40)),
      page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    }),
    response: {
      200: Type.Object({
        entries: Type.Array(
          Type.Object({
            seq: Type.Integer(),
            at: Type.String(),
            operatorId: nullable(Type.Integer()),
            operatorName: nullable(Type.String()),
            action: Type.String(),
            target: Type.String(),
            region: nullable(Type.String()),
            regionName: nullable(Type.String()),
          }),
        ),
        total: Type.Integer(),
        page: Type.Integer(),
        pageSize: Type.Integer(),
        actions: Type.Array(Type.String()),
        operators: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
      }),
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
    // With all=true the disabled operators too (the console enables them again); the command line lists the active ones.
    querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }),
    response: {
      200: Type.Array(
        Type.Composite([
          Operator,
          Type.Object({
            username: nullable(Type.String()),
            disabledAt: nullable(Type.String()),
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
  // With a sign-in name (the console) the operator gets a console password, made by the service if not
  // given and then shown once; without one (the command line) a token, shown once.
  createOperator: {
    body: Type.Object({
      name: text(40),
      role: choice(ROLES),
      region,
      label: Type.Optional(text(60)),
      username: Type.Optional(username),
      password: Type.Optional(text(MAX_PASSWORD_LENGTH)),
    }),
    response: {
      201: Type.Object({
        operator: Operator,
        token: Type.Optional(Type.String()),
        tokenId: Type.Optional(Type.Integer()),
        username: Type.Optional(Type.String()),
        password: Type.Optional(Type.String()),
      }),
    },
  },
  changeOperatorScope: {
    params: idParams,
    body: Type.Object({ role: choice(ROLES), region }),
    response: { 200: Operator },
  },
  enableOperator: { params: idParams, response: { 200: Type.Object({ enabled: Type.Integer() }) } },
  issueToken: {
    params: idParams,
    body: nullable(Type.Object({ label: Type.Optional(text(60)) })),
    response: { 201: Type.Object({ tokenId: Type.Integer(), token: Type.String() }) },
  },
  revokeToken: { params: idParams, response: { 200: Type.Object({ revoked: Type.Integer() }) } },
  disableOperator: { params: idParams, response: { 200: Type.Object({ disabled: Type.Integer() }) } },
  signIn: {
    body: Type.Object({ username: text(32), password: text(MAX_PASSWORD_LENGTH) }),
    response: { 200: ConsoleSession },
  },
  session: { response: { 200: ConsoleSession } },
  signOut: { response: { 200: Type.Object({ signedOut: Type.Boolean() }) } },
  // Without a password the service makes one and shows it once; without a name the operator keeps theirs.
  resetPassword: {
    params: idParams,
    body: nullable(
      Type.Object({ username: Type.Optional(username), password: Type.Optional(text(MAX_PASSWORD_LENGTH)) }),
    ),
    response: {
      200: Type.Object({ operator: Type.Integer(), username: Type.String(), password: Type.Optional(Type.String()) }),
    },
  },
  households: {
    querystring: Type.Object({ village: region }),
    response: {
      200: Type.Array(
        Type.Object({
          id: Type.String(),
          head: Type.String(),
          boxes: Type.Array(Type.String()),
          // The bound boxes as the console shows them: which device, since when.
          bindings: Type.Array(
            Type.Object({ box: Type.String(), deviceId: nullable(Type.String()), boundAt: Type.String() }),
          ),
        }),
      ),
    },
  },
  bindBox: {
    body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }), household: text(40) }),
    response: { 201: BoxBinding },
  },
  unbindBox: { params: boxParams, response: { 200: BoxEnded } },
  revokeBox: { params: boxParams, response: { 200: BoxEnded } },
  // 一键求助: the duty officer's list and their answer (household/helpDuty.ts).
  helpList: {
    querystring: Type.Object({ village: Type.Optional(region), all: Type.Optional(Type.Boolean()) }),
    response: { 200: Type.Array(HelpRequest) },
  },
  updateHelp: {
    params: idParams,
    body: Type.Object({
      status: choice(HELP_STATUSES.filter((s) => s !== 'sent') as ('acknowledged' | 'in_progress' | 'done')[]),
      note: Type.Optional(text(200)),
    }),
    response: { 200: HelpRequest },
  },
  // 民意调查: a village's polls (household/polls.ts).
  createPoll: {
    body: Type.Object({
      village: region,
      question: text(100),
      options: Type.Array(text(40), { minItems: 2, maxItems: 6 }),
      opensAt: chinaMoment,
      closesAt: chinaMoment,
    }),
    response: { 201: Poll },
  },
  polls: { querystring: Type.Object({ village: region }), response: { 200: Type.Array(Poll) } },
  suggestions: {
    querystring: Type.Object({ village: region }),
    response: {
      200: Type.Object({
        topics: Type.Array(Type.String()),
        counts: Type.Array(Type.Object({ topic: Type.String(), count: Type.Integer() })),
        suggestions: Type.Array(
          Type.Object({ id: Type.Integer(), household: Type.String(), topic: Type.String(), createdAt: Type.String() }),
        ),
      }),
    },
  },
  suggestionTopics: {
    querystring: Type.Object({ village: region }),
    response: { 200: Type.Object({ topics: Type.Array(Type.String()) }) },
  },
  setSuggestionTopics: {
    body: Type.Object({
      village: region,
      topics: Type.Array(text(TOPIC_MAX_CHARS), { minItems: 2, maxItems: MAX_SUGGESTION_TOPICS }),
    }),
    response: { 200: Type.Object({ topics: Type.Array(Type.String()) }) },
  },
  draftRatings: {
    body: Type.Object({
      village: region,
      month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
      replace: Type.Optional(Type.Boolean()),
    }),
    response: {
      201: Type.Object({
        draft: Type.Integer(),
        item: Type.String(),
        numbers: Type.Object({ month: Type.String(), count: Type.Integer(), average: Type.Number() }),
      }),
    },
  },
  ratings: {
    querystring: Type.Object({ village: region }),
    response: {
      200: Type.Array(Type.Object({ month: Type.String(), count: Type.Integer(), average: Type.Number() })),
    },
  },
  movePoll: { params: idParams, response: { 200: Poll } },
} as const;
