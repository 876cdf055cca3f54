/** What the service does with one kind of sub-channel: each kind's module gives one of these. */
import type { ChannelOfKind, ITEM_SCHEMAS, SCHEMA_VERSION } from '../../../src/feed/schema';
import type { FeedProblem } from '../../../src/feed/validate';
import type { OperatorProblem } from '../messages';
import type { PublishedItem } from '../repository';
import type { Coverage } from '../fontCoverage';

/** The kinds an operator pushes items of: those with an item schema in the public feed. */
export type ItemKind = keyof typeof ITEM_SCHEMAS;

export type Body = Record<string, unknown>;

/** What an item's rules are checked against. */
export interface RuleContext {
  coverage: Coverage;
  /** The largest amount one voucher may carry, in fen. */
  maxVoucherFen?: number;
  /** Whether a file under the feed root exists (receipts must point at uploaded media). */
  feedFileExists?: (path: string) => boolean;
  /** The closing balance of the month before, for a ledger month. */
  previousClosingFen?: number;
}

/** What a kind's rules need from the channel's other items (a ledger month: last month's closing balance). */
export interface KindFacts {
  previousClosingFen?: number;
}

export interface AssembleContext {
  region: { code: string; name: string; accountName: string | null };
  /** The version's time, for what has no time of its own. */
  createdAt: string;
  /** An item as the feed carries it: its id, when it first went public, its version, its clip. */
  feedItem(item: PublishedItem): Body;
  /** A file header of this version (schema version, kind, time, the sample's mark). */
  header<K extends string>(
    kind: K,
    generatedAt: string,
  ): { schemaVersion: typeof SCHEMA_VERSION; kind: K; generatedAt: string; fictional?: boolean };
  /** Adds a file of the kind's own to the version (a ledger month's vouchers), with its problems. */
  emit(path: string, data: unknown, problems: FeedProblem[]): void;
}

/** One item as operators address it, from a published channel (loading the sample). */
export interface SeedItem {
  itemId: string;
  body: unknown;
  publishedAt: string;
}

export interface ServerKind<K extends ItemKind> {
  /** One living document, updated by pushing it again (a ledger month, the profile, a FAQ group): no replace check, no corrections. */
  wholeDocument: boolean;
  /** How problems name the item. */
  label(itemId: string): string;
  /** What the rules need from the channel's other items, read through `bodyOf`. */
  facts(itemId: string, bodyOf: (itemId: string) => unknown): KindFacts;
  /** Fills what the server owns (id, time, version) so the item can be checked against its schema. */
  stamp(itemId: string, body: Body, now: string, facts: KindFacts): Body;
  /** The kind's rules beyond its schema and the rules every item has. */
  validate(body: unknown, label: string, context: RuleContext): OperatorProblem[];
  /** What is stored of a checked item: publishing stamps time and version again. */
  store(checked: Body): Body;
  /** The channel's content in the published feed, from the items this version shows. */
  assemble(items: PublishedItem[], context: AssembleContext): ChannelOfKind<K>['content'];
  /** The items of a published channel's content (the sample loaded as version 1). */
  seedItems(content: ChannelOfKind<K>['content'], updatedAt: string, readFile: (path: string) => unknown): SeedItem[];
  /** The parts of an item read aloud for boxes that cannot speak, or null for a kind not read aloud. */
  spokenParts(body: Body): unknown[] | null;
}
