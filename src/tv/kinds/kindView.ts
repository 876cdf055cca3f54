/** What the box does with one kind of sub-channel: each kind's module gives one of these. */
import type { Channel } from '../../feed/schema';
import type { ContentKind } from '../../feed/taxonomy';
import type { DocumentModel, ListModel, RowModel } from '../data/models';
import type { Utterance } from '../speech/speaker';

/** A published channel of kind K; never, for a kind that has no public feed (household). */
export type ChannelOf<K extends ContentKind> = Extract<Channel, { kind: K }>;

export interface KindView<K extends ContentKind> {
  /** Where OK on the sub-channel's home tile leads; `channel` is missing when nothing is published. */
  target(id: number, channel: ChannelOf<K> | undefined): string;
  /** The rows of the channel's list page (none for kinds whose tile opens a page of their own). */
  rows(channel: ChannelOf<K>, now: number, fresh: ReadonlySet<string>): RowModel[];
  /** Lines above that list (the ledger names its account). */
  notes(channel: ChannelOf<K>): ListModel['notes'];
  /** The reader's page of one item, or null when the kind has none or the item is gone. */
  document(channel: ChannelOf<K>, itemId: string, now: number): DocumentModel | null;
  /** What the read key says on that item's page, or null when its page reads what has the focus instead. */
  spoken(channel: ChannelOf<K>, itemId: string, now: number): Utterance | null;
}
