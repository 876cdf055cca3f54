/**
 * The box's own check of the feed files, by hand and small: the fields the screens read, with
 * the types they read them as, and the feed's sums and placement rules (feed/consistency.ts).
 * The service validates every file in full against the TypeBox schema before it signs it,
 * and the box believes only signed files whose hashes match, so the box needs no JSON-Schema
 * validator: TypeBox's would bring BigInt (value/hash), which engines before Chrome 67 and
 * Safari 14 lack and which cannot be polyfilled.
 */
import type { FeedIndex, Manifest } from '../../feed/manifest';
import type { Channel, DistrictFeed, LedgerMonthFeed, StreetFeed, VillageFeed } from '../../feed/schema';
import { channelPlacement, ledgerSums } from '../../feed/consistency';
import type { FeedProblem, Validated } from '../../feed/validate';
import { SCHEMA_VERSION } from '../../feed/version';

type Check = ((value: unknown, path: string, problems: FeedProblem[]) => void) & { optional?: true };

const MAX_PROBLEMS = 20;

const expecting =
  (what: string, holds: (value: unknown) => boolean): Check =>
  (value, path, problems) => {
    if (!holds(value)) problems.push({ path: path || '/', message: `must be ${what}` });
  };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = expecting('a non-empty string', (v) => typeof v === 'string' && v.length > 0);
/** A voucher's account code: empty when the journal gave none (its name is then 未填). */
const string = expecting('a string', (v) => typeof v === 'string');
const integer = expecting('an integer', (v) => typeof v === 'number' && isFinite(v) && Math.floor(v) === v);
const positive = expecting('a positive number', (v) => typeof v === 'number' && v > 0);
const boolean = expecting('true or false', (v) => typeof v === 'boolean');
const oneOf = (...allowed: unknown[]) => expecting(`one of ${allowed.join(', ')}`, (v) => allowed.indexOf(v) >= 0);
const textOrInteger = expecting('a string or an integer', (v) => typeof v === 'string' || (typeof v === 'number' && Math.floor(v) === v));

const optional = (check: Check): Check => {
  const wrapped: Check = (value, path, problems) => check(value, path, problems);
  wrapped.optional = true;
  return wrapped;
};

const object =
  (fields: Record<string, Check>): Check =>
  (value, path, problems) => {
    if (!isObject(value)) {
      problems.push({ path: path || '/', message: 'must be an object' });
      return;
    }
    for (const key of Object.keys(fields)) {
      const field = value[key];
      if (field === undefined) {
        if (!fields[key]!.optional) problems.push({ path: `${path}/${key}`, message: 'is required' });
      } else {
        fields[key]!(field, `${path}/${key}`, problems);
      }
      if (problems.length >= MAX_PROBLEMS) return;
    }
  };

const list =
  (item: Check): Check =>
  (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push({ path: path || '/', message: 'must be an array' });
      return;
    }
    for (let i = 0; i < value.length && problems.length < MAX_PROBLEMS; i++) item(value[i], `${path}/${i}`, problems);
  };

const record =
  (item: Check): Check =>
  (value, path, problems) => {
    if (!isObject(value)) {
      problems.push({ path: path || '/', message: 'must be an object' });
      return;
    }
    for (const key of Object.keys(value)) if (problems.length < MAX_PROBLEMS) item(value[key], `${path}/${key}`, problems);
  };

const image = object({ src: text, width: integer, height: integer, caption: optional(text) });
const audio = object({ src: text, durationSec: positive });
const video = object({ src: text, durationSec: positive, poster: optional(image) });
const item = (fields: Record<string, Check>) =>
  object({
    id: text,
    publishedAt: text,
    correction: optional(object({ correctedAt: text, note: text, supersedes: optional(text) })),
    correctedBy: optional(text),
    ...fields,
  });

/** What each kind of public sub-channel holds, as far as its screens read it; a kind missing here is a compile error. */
const CONTENT = {
  articles: list(item({ title: text, summary: optional(text), body: list(text), photos: optional(list(image)), video: optional(video), audio: optional(audio) })),
  faq: list(object({ title: text, items: list(item({ question: text, answer: list(text), audio: optional(audio) })) })),
  qa: list(
    item({
      title: text,
      question: text,
      askedBy: optional(text),
      askedAt: text,
      department: optional(text),
      answer: optional(text),
      answeredAt: optional(text),
      about: optional(object({ region: text, channel: integer, item: text, voucher: optional(text) })),
      video: optional(video),
      audio: optional(audio),
    }),
  ),
  alerts: list(item({ level: oneOf(1, 2, 3, 4), title: text, body: text, issuedBy: text, expiresAt: text, audio: optional(audio) })),
  guide: list(item({ title: text, documents: list(text), place: text, hours: text, phone: text, notes: optional(text) })),
  tables: list(
    item({
      title: text,
      note: optional(text),
      posting: optional(object({ until: text, objectionsTo: text })),
      columns: list(object({ key: text, label: text, type: oneOf('text', 'money', 'number', 'date', 'masked') })),
      rows: list(record(textOrInteger)),
      attachments: optional(list(image)),
    }),
  ),
  contacts: list(item({ name: text, org: text, role: text, phone: text, address: optional(text) })),
  people: list(item({ name: text, role: text, duties: text, photo: image, phone: text })),
  profile: item({ title: text, body: list(text), figures: list(object({ label: text, value: text })), photos: list(image) }),
  ledger: object({
    accountName: text,
    months: list(object({ month: text, openingFen: integer, incomeFen: integer, expenseFen: integer, closingFen: integer, voucherCount: integer, file: text })),
  }),
} satisfies Record<Channel['kind'], Check>;

const isPublicKind = (kind: unknown): kind is Channel['kind'] => typeof kind === 'string' && Object.prototype.hasOwnProperty.call(CONTENT, kind);

const channel: Check = (value, path, problems) => {
  const kind = isObject(value) ? value.kind : undefined;
  const content = isPublicKind(kind) ? CONTENT[kind] : undefined;
  if (!content) {
    problems.push({ path: `${path}/kind`, message: `must be one of ${Object.keys(CONTENT).join(', ')}` });
    return;
  }
  object({ id: integer, kind: text, updatedAt: text, nextDueAt: optional(text), content })(value, path, problems);
};

const region = object({ code: text, name: text });
const header = (kind: string) => ({ schemaVersion: oneOf(SCHEMA_VERSION), kind: oneOf(kind), generatedAt: text, fictional: optional(boolean) });
const entries = record(object({ sha256: text, bytes: integer }));

const voucher = item({
  number: text,
  date: text,
  summary: text,
  account: object({ code: string, name: text }),
  direction: oneOf('income', 'expense'),
  amountFen: integer,
  handler: text,
  witness: text,
  approver: text,
  bookkeeper: text,
  review: object({ reviewer: text, reviewedAt: text, opinion: text, sealed: boolean }),
  attachmentCount: integer,
  receipts: list(object({ src: text, width: integer, height: integer, kind: text })),
});

const FILES = {
  manifest: object({ schemaVersion: oneOf(SCHEMA_VERSION), version: integer, publishedAt: text, expiresAt: text, auditHead: text, files: entries, signature: optional(text) }),
  index: object({ schemaVersion: oneOf(SCHEMA_VERSION), kind: oneOf('index'), region: text, files: entries }),
  district: object({ ...header('district'), region, streets: list(object({ code: text, name: text, villages: list(region) })), channels: list(channel) }),
  street: object({ ...header('street'), region, channels: list(channel) }),
  village: object({ ...header('village'), region, street: text, channels: list(channel) }),
  ledgerMonth: object({
    ...header('ledgerMonth'),
    village: text,
    month: text,
    openingFen: integer,
    incomeFen: integer,
    expenseFen: integer,
    closingFen: integer,
    vouchers: list(voucher),
  }),
};

const checked = <T>(shape: Check, data: unknown, rules?: (value: T) => FeedProblem[]): Validated<T> => {
  const problems: FeedProblem[] = [];
  shape(data, '', problems);
  if (!problems.length && rules) problems.push(...rules(data as T));
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, value: data as T };
};

export const isManifest = (data: unknown): data is Manifest => checked(FILES.manifest, data).ok;
export const checkIndex = (data: unknown) => checked<FeedIndex>(FILES.index, data);
export const checkDistrict = (data: unknown) => checked<DistrictFeed>(FILES.district, data, channelPlacement('district'));
export const checkStreet = (data: unknown) => checked<StreetFeed>(FILES.street, data, channelPlacement('street'));
export const checkVillage = (data: unknown) => checked<VillageFeed>(FILES.village, data, channelPlacement('village'));
export const checkLedgerMonth = (data: unknown) => checked<LedgerMonthFeed>(FILES.ledgerMonth, data, ledgerSums);
