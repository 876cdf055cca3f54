/**
 * A household's private pages (sub-channels 21–25) and the index that lists them for one box, as
 * TypeBox schemas for the service, the sample generator and the tests. Not for the box: TypeBox's
 * checker brings BigInt, which old engines lack; the box's own checks are in privateFiles.ts.
 * These never enter the public feed: each page is a file sealed to the bound box (sealed.ts),
 * named by its hash, and the index, signed with the feed's key like the manifest, says which
 * files are this box's and until when the box may show them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DateTime, Fen } from '../feed/schema';
import { BOX_ID_PATTERN } from './boxKeys';
import { QUESTION_REASONS, QUESTION_STATUSES } from './questions';

const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** A name as rosters show it: 王*国, 李*. */
const MaskedName = Type.String({ pattern: '^[^*]\\*+[^*]?$', description: 'masked name' });

export const Payment = Type.Object(
  {
    date: Day,
    kind: Text(20),
    amountFen: Fen,
    office: Text(40),
    /** The last four digits of the account paid into, and nothing more. */
    accountTail: Type.String({ pattern: '^[0-9]{4}$' }),
  },
  { additionalProperties: false },
);

export const LedgerLine = Type.Object(
  {
    date: Day,
    summary: Text(40),
    /** income: paid to the household (a dividend); levy: paid by it (一事一议 and the like). */
    direction: Type.Union([Type.Literal('income'), Type.Literal('levy')]),
    amountFen: Fen,
  },
  { additionalProperties: false },
);

export const Member = Type.Object(
  { name: MaskedName, relation: Text(10), born: Type.Integer({ minimum: 1900, maximum: 2100 }) },
  { additionalProperties: false },
);

export const Parcel = Type.Object(
  { name: Text(30), areaMu: Type.Number({ minimum: 0, maximum: 1000 }), use: Text(20) },
  { additionalProperties: false },
);

export const Step = Type.Object({ date: Day, step: Text(30), done: Type.Boolean() }, { additionalProperties: false });

export const Application = Type.Object(
  { title: Text(30), status: Text(10), steps: Type.Array(Step, { minItems: 1, maxItems: 12 }) },
  { additionalProperties: false },
);

/** Replies, help requests and votes join here later; for now the page has none. */
export const Message = Type.Object({ at: DateTime, title: Text(40), body: Text(400) }, { additionalProperties: false });

/** One of the household's questions (questions.ts), with its status and, once given, the answer. */
export const QuestionEntry = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    askedAt: DateTime,
    about: Text(120),
    reason: Type.Union(QUESTION_REASONS.map((r) => Type.Literal(r))),
    callBack: Type.Boolean(),
    status: Type.Union(QUESTION_STATUSES.map((s) => Type.Literal(s))),
    statusNotes: Type.Optional(Text(200)),
    responsible: Type.Optional(Text(40)),
    expectedAt: Type.Optional(Day),
    answer: Type.Optional(Text(2000)),
    answeredAt: Type.Optional(DateTime),
    correctedItem: Type.Optional(Text(120)),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  { additionalProperties: false },
);

const page = <C extends number, T extends ReturnType<typeof Type.Object>>(channel: C, content: T) =>
  Type.Object(
    { channel: Type.Literal(channel), updatedAt: DateTime, fictional: Type.Optional(Type.Boolean()), content },
    { additionalProperties: false },
  );

export const HouseholdPage = Type.Union([
  page(21, Type.Object({ payments: Type.Array(Payment, { maxItems: 200 }) }, { additionalProperties: false })),
  page(22, Type.Object({ lines: Type.Array(LedgerLine, { maxItems: 200 }) }, { additionalProperties: false })),
  page(
    23,
    Type.Object(
      {
        members: Type.Array(Member, { maxItems: 20 }),
        parcels: Type.Array(Parcel, { maxItems: 50 }),
        points: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
      },
      { additionalProperties: false },
    ),
  ),
  page(24, Type.Object({ applications: Type.Array(Application, { maxItems: 50 }) }, { additionalProperties: false })),
  page(
    25,
    Type.Object(
      {
        messages: Type.Array(Message, { maxItems: 200 }),
        questions: Type.Optional(Type.Array(QuestionEntry, { maxItems: 200 })),
      },
      { additionalProperties: false },
    ),
  ),
]);
export type HouseholdPage = Static<typeof HouseholdPage>;
export type HouseholdPageOf<C extends HouseholdPage['channel']> = Extract<HouseholdPage, { channel: C }>;

/** The sample's households of one village, as the generator writes them and the first start loads them. */
export interface HouseholdsFile {
  kind: 'households';
  fictional: true;
  village: string;
  households: { id: string; head: string; pages: HouseholdPage[] }[];
}

export const FileRef = Type.Object(
  { sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), bytes: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const PrivateIndex = Type.Object(
  {
    kind: Type.Literal('privateIndex'),
    box: Type.String({ pattern: BOX_ID_PATTERN }),
    publishedAt: DateTime,
    /** After this the box no longer shows these pages (a box left unbound, or not re-sealed for). */
    until: DateTime,
    files: Type.Record(Type.String({ pattern: '^2[1-5]$' }), FileRef),
    signature: Type.String(),
  },
  { additionalProperties: false },
);
export type PrivateIndex = Static<typeof PrivateIndex>;

export const isHouseholdPage = (value: unknown): value is HouseholdPage => Value.Check(HouseholdPage, value);
export const isPrivateIndex = (value: unknown): value is PrivateIndex => Value.Check(PrivateIndex, value);
