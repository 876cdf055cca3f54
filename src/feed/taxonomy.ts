/**
 * The 4 sections and 25 sub-channels. Names live in the translation files
 * (key `channel.<id>`); this table holds only what code needs to decide on.
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

export const channelSpec = (id: number): ChannelSpec => {
  const found = CHANNELS.find((c) => c.id === id);
  if (!found) throw new RangeError(`no sub-channel ${id}`);
  return found;
};

/** The one sub-channel of each kind that code names: the village books. */
export const LEDGER_CHANNEL = CHANNELS.find((c) => c.kind === 'ledger')!.id;

export const channelsOf = (section: SectionId): ChannelSpec[] => CHANNELS.filter((c) => c.section === section);

/** Which public feed file carries a section's sub-channels; household data is never public. */
export const FEED_LEVEL: Record<SectionId, 'district' | 'street' | 'village' | null> = {
  district: 'district',
  street: 'street',
  village: 'village',
  household: null,
};
