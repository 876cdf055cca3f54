/**
 * The box's view of the feed: the district, its street and its village, plus ledger
 * months loaded when opened. Holds the last good copy of each file: a failed or
 * invalid refresh never replaces it.
 */
import { feedPaths } from '../../feed/paths';
import type { Channel, DistrictFeed, LedgerMonthFeed, StreetFeed, VillageFeed } from '../../feed/schema';
import { channelSpec } from '../../feed/taxonomy';
import { validateDistrict, validateLedgerMonth, validateStreet, validateVillage } from '../../feed/validate';
import { FeedClient, FeedError } from './feedClient';

export interface BoxFeeds {
  district: DistrictFeed;
  street: StreetFeed;
  village: VillageFeed;
}

/** Months kept in memory: enough to go back and forth, bounded for a 1 GB box. */
const LEDGER_MONTHS_KEPT = 3;

export class Store {
  private feeds: BoxFeeds | null = null;
  private districtOnly: DistrictFeed | null = null;
  private readonly months = new Map<string, LedgerMonthFeed>();

  constructor(
    readonly client: FeedClient,
    private villageCode: string | null,
    /** Settled once the box can show feed text in its script (see script.ts). */
    private readonly scriptReady: Promise<unknown> = Promise.resolve(),
  ) {}

  get village(): string | null {
    return this.villageCode;
  }

  setVillage(code: string): void {
    if (code !== this.villageCode) {
      this.villageCode = code;
      this.feeds = null;
      this.months.clear();
    }
  }

  /** The district file alone: enough for the first-run picker. */
  async district(): Promise<DistrictFeed> {
    if (this.feeds) return this.feeds.district;
    await this.scriptReady;
    this.districtOnly ??= await this.client.get(feedPaths.district(), validateDistrict);
    return this.districtOnly;
  }

  /** The three files this box shows, fetched and validated together. */
  async load(): Promise<BoxFeeds> {
    if (this.feeds) return this.feeds;
    const villageCode = this.villageCode;
    if (!villageCode) throw new FeedError('notFound', 'village');
    await this.scriptReady;
    const [district, village] = await Promise.all([
      this.client.get(feedPaths.district(), validateDistrict),
      this.client.get(feedPaths.village(villageCode), validateVillage),
    ]);
    const street = await this.client.get(feedPaths.street(village.street), validateStreet);
    this.feeds = { district, street, village };
    return this.feeds;
  }

  /** Drops the in-memory copy so the next load fetches again (keeps it if that fails). */
  async reload(): Promise<BoxFeeds> {
    const previous = this.feeds;
    this.feeds = null;
    try {
      return await this.load();
    } catch (error) {
      this.feeds = previous;
      throw error;
    }
  }

  channel(id: number): Channel | undefined {
    const feeds = this.feeds;
    if (!feeds) return undefined;
    const section = channelSpec(id).section;
    const file = section === 'district' ? feeds.district : section === 'street' ? feeds.street : section === 'village' ? feeds.village : null;
    return file?.channels.find((c) => c.id === id);
  }

  async ledgerMonth(month: string): Promise<LedgerMonthFeed> {
    const cached = this.months.get(month);
    if (cached) return cached;
    const villageCode = this.villageCode;
    if (!villageCode) throw new FeedError('notFound', 'village');
    const ledger = this.channel(15);
    const ref = ledger?.kind === 'ledger' ? ledger.content.months.find((m) => m.month === month) : undefined;
    if (!ref) throw new FeedError('notFound', feedPaths.ledgerMonth(villageCode, month));
    const feed = await this.client.get(ref.file, validateLedgerMonth);
    this.months.set(month, feed);
    if (this.months.size > LEDGER_MONTHS_KEPT) {
      const oldest = this.months.keys().next().value;
      if (oldest !== undefined) this.months.delete(oldest);
    }
    return feed;
  }
}
