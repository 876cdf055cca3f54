/**
 * The feed format shared by the box and the server: TypeBox schemas, from which
 * both the TypeScript types and the standard JSON Schema (see `jsonSchema.ts`) derive.
 *
 * Conventions: money is integer fen; regions are 12-digit administrative codes;
 * times are ISO 8601 with the +08:00 offset; paths of images and clips are relative
 * to the feed's root.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CHANNEL_COUNT } from './taxonomy';
import { SCHEMA_VERSION } from './version';

/** Bumped on any change a box of the previous version could not read. */
export { SCHEMA_VERSION };

const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'stable item id' });
export const RegionCode = Type.String({ pattern: '^[0-9]{12}$', description: '12-digit administrative code' });
export const DateTime = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\+08:00$',
  description: 'ISO 8601 time with +08:00',
});
export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export const Fen = Type.Integer({ minimum: 0, description: 'amount in fen (1/100 yuan), never negative' });
export const SignedFen = Type.Integer({ description: 'amount in fen, may be negative (a balance)' });
const Text = (maxLength = 200) => Type.String({ minLength: 1, maxLength });
const Path = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9/._-]*$', description: 'path under the feed root' });
/** An office or service line (landline, hotline), public by nature; mobile numbers are personal and masked. */
export const PublicPhone = Type.String({
  pattern: '^(0[0-9]{2,3}-[0-9]{7,8}|1[0-9]{4,5}|400-?[0-9]{3}-?[0-9]{4})$',
  description: 'office landline or service hotline',
});

/**
 * An official's duty phone or a service contact's work number: public by nature and shown in
 * full, a mobile included (domain rules). Only the `phone` of officials and contacts is one;
 * a mobile anywhere else is personal. A masked number from an older push is still accepted.
 */
export const WorkPhone = Type.String({
  pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8}|1[0-9]{4,5}|400-?[0-9]{3}-?[0-9]{4}|1[3-9][0-9]\\*{4}[0-9]{4})$',
  description: 'work phone: a mobile, office landline or hotline, in full',
});

export const Image = Type.Object({
  src: Path,
  width: Type.Integer({ minimum: 1, maximum: 4096 }),
  height: Type.Integer({ minimum: 1, maximum: 4096 }),
  caption: Type.Optional(Text(120)),
});

export const Video = Type.Object({
  src: Path,
  durationSec: Type.Number({ exclusiveMinimum: 0 }),
  poster: Type.Optional(Image),
});

/**
 * A prepared recording of an item read aloud (made by the feed service, in Mandarin or the
 * local dialect). Optional everywhere: boxes without it fall back to speech synthesis.
 */
export const Audio = Type.Object({
  src: Path,
  durationSec: Type.Number({ exclusiveMinimum: 0 }),
});

/** What every published item carries: identity, time, and its correction if any. */
const ItemBase = {
  id: Id,
  publishedAt: DateTime,
  version: Type.Integer({ minimum: 1 }),
  correction: Type.Optional(
    Type.Object({
      correctedAt: DateTime,
      note: Text(300),
      supersedes: Type.Optional(Id),
    }),
  ),
  /** Set on an item that a correction replaced: it stays visible, marked as corrected. */
  correctedBy: Type.Optional(Id),
};

export const Article = Type.Object({
  ...ItemBase,
  title: Text(80),
  summary: Type.Optional(Text(200)),
  body: Type.Array(Text(2000), { minItems: 1, description: 'paragraphs' }),
  photos: Type.Optional(Type.Array(Image)),
  video: Type.Optional(Video),
  audio: Type.Optional(Audio),
});

export const FaqGroup = Type.Object({
  title: Text(40),
  items: Type.Array(
    Type.Object({
      ...ItemBase,
      question: Text(200),
      answer: Type.Array(Text(2000), { minItems: 1 }),
      audio: Type.Optional(Audio),
    }),
  ),
});

export const Question = Type.Object({
  ...ItemBase,
  title: Text(80),
  question: Text(1000),
  askedBy: Type.Optional(Text(20)),
  askedAt: DateTime,
  department: Type.Optional(Text(40)),
  answer: Type.Optional(Text(2000)),
  answeredAt: Type.Optional(DateTime),
  /** The published item a villager asked about from their box (a voucher by month and number): the box marks it as asked and answered. */
  about: Type.Optional(
    Type.Object({
      region: RegionCode,
      channel: Type.Integer({ minimum: 1, maximum: CHANNEL_COUNT }),
      item: Id,
      voucher: Type.Optional(Type.String({ pattern: '^[记收付转]-[0-9]{1,6}$' })),
    }),
  ),
  video: Type.Optional(Video),
  audio: Type.Optional(Audio),
});

export const Alert = Type.Object({
  ...ItemBase,
  level: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)], {
    description: '1 red (most severe), 2 orange, 3 yellow, 4 blue',
  }),
  title: Text(60),
  body: Text(1000),
  issuedBy: Text(40),
  expiresAt: DateTime,
  audio: Type.Optional(Audio),
});

export const ServiceCard = Type.Object({
  ...ItemBase,
  title: Text(40),
  documents: Type.Array(Text(80)),
  place: Text(80),
  hours: Text(60),
  phone: PublicPhone,
  notes: Type.Optional(Text(400)),
});

export const ColumnType = Type.Union([
  Type.Literal('text'),
  Type.Literal('money'),
  Type.Literal('number'),
  Type.Literal('date'),
  Type.Literal('masked'),
]);

export const Table = Type.Object({
  ...ItemBase,
  title: Text(60),
  note: Type.Optional(Text(400)),
  /** A posting period (公示期) with where to object, for rosters under public review. */
  posting: Type.Optional(Type.Object({ until: DateTime, objectionsTo: Text(120) })),
  columns: Type.Array(
    Type.Object({ key: Type.String({ pattern: '^[a-z][A-Za-z0-9]*$' }), label: Text(20), type: ColumnType }),
    {
      minItems: 1,
      maxItems: 8,
    },
  ),
  rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer()]))),
  attachments: Type.Optional(Type.Array(Image)),
});

export const Contact = Type.Object({
  ...ItemBase,
  name: Text(40),
  org: Text(60),
  role: Text(40),
  phone: WorkPhone,
  address: Type.Optional(Text(80)),
});

export const Person = Type.Object({
  ...ItemBase,
  name: Text(10),
  role: Text(30),
  duties: Text(200),
  photo: Image,
  phone: WorkPhone,
});

export const KeyFigure = Type.Object({ label: Text(20), value: Text(30) });

export const Profile = Type.Object({
  ...ItemBase,
  title: Text(60),
  body: Type.Array(Text(2000), { minItems: 1 }),
  figures: Type.Array(KeyFigure),
  photos: Type.Array(Image),
});

export const Receipt = Type.Object({ ...Image.properties, kind: Text(20) });

export const Voucher = Type.Object({
  ...ItemBase,
  /** As the village's books write it (记-042, 记-42, 记-0042): the screen shows the paper voucher's number. */
  number: Type.String({ pattern: '^[记收付转]-[0-9]{1,6}$', description: 'voucher number, e.g. 记-042' }),
  date: DateTime,
  summary: Text(60),
  /** A journal without a 科目 column gives no account: code '' and name 未填, which the box shows as such. */
  account: Type.Object({ code: Type.String({ pattern: '^([0-9]{3,8})?$' }), name: Text(30) }),
  /** Seen from the village's cash and bank: income is a debit to them, spending a credit. */
  direction: Type.Union([Type.Literal('income'), Type.Literal('expense')]),
  amountFen: Type.Integer({ minimum: 1 }),
  handler: Text(10),
  witness: Text(10),
  approver: Text(10),
  bookkeeper: Text(10),
  review: Type.Object({ reviewer: Text(10), reviewedAt: DateTime, opinion: Text(60), sealed: Type.Boolean() }),
  attachmentCount: Type.Integer({ minimum: 0 }),
  receipts: Type.Array(Receipt),
});

export const MonthTotals = Type.Object({
  openingFen: SignedFen,
  incomeFen: Fen,
  expenseFen: Fen,
  closingFen: SignedFen,
});

/** A ledger month as listed in the village file; its vouchers are in their own file. */
export const LedgerMonthRef = Type.Object({
  month: Month,
  ...MonthTotals.properties,
  voucherCount: Type.Integer({ minimum: 0 }),
  file: Path,
});

export const Ledger = Type.Object({ accountName: Text(40), months: Type.Array(LedgerMonthRef) });

/** One sub-channel: when it was updated, when it is next due, and its content. */
const channel = <K extends string, T extends TSchema>(kind: K, content: T) =>
  Type.Object({
    id: Type.Integer({ minimum: 1, maximum: CHANNEL_COUNT }),
    kind: Type.Literal(kind),
    updatedAt: DateTime,
    nextDueAt: Type.Optional(DateTime),
    content,
  });

/** Each kind of sub-channel's schema, so errors can name the field inside the right one. */
export const CHANNEL_SCHEMAS = {
  articles: channel('articles', Type.Array(Article)),
  faq: channel('faq', Type.Array(FaqGroup)),
  qa: channel('qa', Type.Array(Question)),
  alerts: channel('alerts', Type.Array(Alert)),
  guide: channel('guide', Type.Array(ServiceCard)),
  tables: channel('tables', Type.Array(Table)),
  contacts: channel('contacts', Type.Array(Contact)),
  people: channel('people', Type.Array(Person)),
  profile: channel('profile', Profile),
  ledger: channel('ledger', Ledger),
};

export const Channel = Type.Union(Object.values(CHANNEL_SCHEMAS));

/** One ledger month as an operator pushes it: the totals follow from the vouchers. */
export const LedgerMonthBody = Type.Object({ month: Month, openingFen: SignedFen, vouchers: Type.Array(Voucher) });

/** The unit an operator creates, updates or withdraws, for each kind of sub-channel. */
export const ITEM_SCHEMAS = {
  articles: Article,
  faq: FaqGroup,
  qa: Question,
  alerts: Alert,
  guide: ServiceCard,
  tables: Table,
  contacts: Contact,
  people: Person,
  profile: Profile,
  ledger: LedgerMonthBody,
};

const Region = Type.Object({ code: RegionCode, name: Text(30) });

const fileHeader = <K extends string>(kind: K) => ({
  schemaVersion: Type.Literal(SCHEMA_VERSION),
  kind: Type.Literal(kind),
  generatedAt: DateTime,
  /** Sample data says so on screen. */
  fictional: Type.Optional(Type.Boolean()),
});

export const DistrictFeed = Type.Object({
  ...fileHeader('district'),
  region: Region,
  streets: Type.Array(Type.Object({ ...Region.properties, villages: Type.Array(Region) })),
  channels: Type.Array(Channel),
});

export const StreetFeed = Type.Object({ ...fileHeader('street'), region: Region, channels: Type.Array(Channel) });

export const VillageFeed = Type.Object({
  ...fileHeader('village'),
  region: Region,
  street: RegionCode,
  channels: Type.Array(Channel),
});

export const LedgerMonthFeed = Type.Object({
  ...fileHeader('ledgerMonth'),
  village: RegionCode,
  month: Month,
  ...MonthTotals.properties,
  vouchers: Type.Array(Voucher),
});

export type ImageRef = Static<typeof Image>;
export type VideoRef = Static<typeof Video>;
export type AudioRef = Static<typeof Audio>;
export type Article = Static<typeof Article>;
export type FaqGroup = Static<typeof FaqGroup>;
export type Question = Static<typeof Question>;
export type Alert = Static<typeof Alert>;
export type ServiceCard = Static<typeof ServiceCard>;
export type Table = Static<typeof Table>;
export type Contact = Static<typeof Contact>;
export type Person = Static<typeof Person>;
export type Profile = Static<typeof Profile>;
export type Receipt = Static<typeof Receipt>;
export type Voucher = Static<typeof Voucher>;
export type LedgerMonthRef = Static<typeof LedgerMonthRef>;
export type Ledger = Static<typeof Ledger>;
export type Channel = Static<typeof Channel>;
export type DistrictFeed = Static<typeof DistrictFeed>;
export type StreetFeed = Static<typeof StreetFeed>;
export type VillageFeed = Static<typeof VillageFeed>;
export type LedgerMonthFeed = Static<typeof LedgerMonthFeed>;
export type LedgerMonthBody = Static<typeof LedgerMonthBody>;
export type ChannelOfKind<K extends Channel['kind']> = Extract<Channel, { kind: K }>;
