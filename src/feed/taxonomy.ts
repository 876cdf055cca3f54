/**
 * The sections and their numbered sub-channels. Names live in the translation files
 * (key `channel.<id>`); this table holds only what code needs to decide on. Every
 * count, id list and named sub-channel elsewhere is derived from here.
 */
export const SECTIONS = ['district', 'street', 'village', 'household'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** How a sub-channel's content is shaped, and so which view opens it. */
export const CONTENT_KINDS = [
  'articles',
  'faq',
  'qa',
  'alerts',
  'guide',
  'tables',
  'contacts',
  'people',
  'profile',
  'ledger',
  'household',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** How often the rules require a sub-channel to be updated. */
export type Cadence = 'asNeeded' | 'monthly' | 'quarterly';

export interface ChannelSpec {
  readonly id: number;
  readonly section: SectionId;
  readonly kind: ContentKind;
  readonly cadence: Cadence;
}

const spec = (id: number, section: SectionId, kind: ContentKind, cadence: Cadence): ChannelSpec => ({
  id,
  section,
  kind,
  cadence,
});

export const CHANNELS: readonly ChannelSpec[] = [
  spec(1, 'district', 'articles', 'asNeeded'),
  spec(2, 'district', 'faq', 'quarterly'),
  spec(3, 'district', 'qa', 'monthly'),
  spec(4, 'district', 'articles', 'quarterly'),
  spec(5, 'district', 'alerts', 'asNeeded'),
  spec(6, 'street', 'articles', 'monthly'),
  spec(7, 'street', 'guide', 'quarterly'),
  spec(8, 'street', 'tables', 'quarterly'),
  spec(9, 'street', 'contacts', 'quarterly'),
  spec(10, 'street', 'tables', 'quarterly'),
  spec(11, 'village', 'profile', 'quarterly'),
  spec(12, 'village', 'people', 'quarterly'),
  spec(13, 'village', 'articles', 'quarterly'),
  spec(14, 'village', 'articles', 'quarterly'),
  spec(15, 'village', 'ledger', 'monthly'),
  spec(16, 'village', 'tables', 'quarterly'),
  spec(17, 'village', 'tables', 'quarterly'),
  spec(18, 'village', 'tables', 'asNeeded'),
  spec(19, 'village', 'tables', 'quarterly'),
  spec(20, 'village', 'qa', 'asNeeded'),
  spec(21, 'household', 'household', 'asNeeded'),
  spec(22, 'household', 'household', 'asNeeded'),
  spec(23, 'household', 'household', 'asNeeded'),
  spec(24, 'household', 'household', 'asNeeded'),
  spec(25, 'household', 'household', 'asNeeded'),
];

/** Sub-channels are numbered 1 to CHANNEL_COUNT without gaps, as a TV's channel list is. */
export const CHANNEL_COUNT = CHANNELS.length;

export const isChannel = (id: number): boolean => Number.isInteger(id) && id >= 1 && id <= CHANNEL_COUNT;

export const channelSpec = (id: number): ChannelSpec => {
  const found = CHANNELS.find((c) => c.id === id);
  if (!found) throw new RangeError(`no sub-channel ${id}`);
  return found;
};

/** The sub-channel of a kind there is only one of; a second one would make the name ambiguous. */
const onlyChannelOf = (kind: ContentKind): number => {
  const found = CHANNELS.filter((c) => c.kind === kind);
  if (found.length !== 1) throw new Error(`${found.length} sub-channels of kind ${kind}, not one`);
  return found[0]!.id;
};

/** The village books: its months and vouchers hang below this sub-channel. */
export const LEDGER_CHANNEL = onlyChannelOf('ledger');
/** The district's emergency broadcast: its alerts pop up over every screen. */
export const ALERTS_CHANNEL = onlyChannelOf('alerts');

export const channelsOf = (section: SectionId): ChannelSpec[] => CHANNELS.filter((c) => c.section === section);
export const channelIdsOf = (section: SectionId): number[] => channelsOf(section).map((c) => c.id);

/** Which public feed file carries a section's sub-channels; household data is never public. */
export const FEED_LEVEL: Record<SectionId, 'district' | 'street' | 'village' | null> = {
  district: 'district',
  street: 'street',
  village: 'village',
  household: null,
};
