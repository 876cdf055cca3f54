/** Builds the whole sample feed: district, streets, villages, ledger months and their images. */
import type { DistrictFeed, LedgerMonthFeed, StreetFeed, Voucher, VillageFeed } from '../../src/feed/schema';
import { SCHEMA_VERSION } from '../../src/feed/schema';
import { feedPaths } from '../../src/feed/paths';
import { validateDistrict, validateLedgerMonth, validateStreet, validateVillage } from '../../src/feed/validate';
import { iso, monthRange, type Wall } from './clock';
import { NOW } from './content/common';
import { districtChannels } from './content/district';
import { streetChannels } from './content/street';
import { villageChannels } from './content/village';
import { villageHouseholds } from './content/households';
import { HouseholdPage, type HouseholdsFile } from '../../src/household/pages';
import { itemProblems } from '../../src/feed/validate';
import { attachmentsOf } from './attachments';
import { buildLedger, type VoucherDraft } from './ledger';
import { Media } from './media';
import { Rng } from './prng';
import { DISTRICT, buildWorld, type SizeSpec, type Village } from './world';
import { FeedWriter, cleanOutput } from './writer';
import { rmSync } from 'node:fs';

export interface GenerateOptions {
  size: SizeSpec;
  out: string;
  seed: string;
  /** Only the first N villages (and their streets), for quick runs. */
  villages?: number;
  /** Where the households' private pages go (never under `out`, which is public); none if absent. */
  householdsOut?: string;
}

/** A households file's problems: each page against its schema. */
const validateHouseholds = (data: unknown) => {
  const file = data as HouseholdsFile;
  const problems = file.households.flatMap((h, i) =>
    h.pages.flatMap((page, j) =>
      itemProblems(HouseholdPage, page).map((p) => ({ ...p, path: `/households/${i}/pages/${j}${p.path}` })),
    ),
  );
  return problems.length ? { ok: false as const, problems } : { ok: true as const, value: data };
};

export interface GenerateReport {
  jsonFiles: number;
  jsonBytes: number;
  mediaFiles: number;
  mediaBytes: number;
  vouchers: { code: string; name: string; count: number }[];
  problems: string[];
}

/** The sample year of books: November 2025 to October 2026, published by 20 November 2026. */
const MONTHS = monthRange({ year: 2025, month: 11 }, 12);

const header = <K extends string>(
  kind: K,
): { schemaVersion: typeof SCHEMA_VERSION; kind: K; generatedAt: string; fictional: true } => ({
  schemaVersion: SCHEMA_VERSION,
  kind,
  generatedAt: iso(NOW),
  fictional: true,
});

const committeeName = (v: Village) => (v.name.endsWith('社区') ? `${v.name}居民委员会` : `${v.name}村民委员会`);

export const generate = (options: GenerateOptions): GenerateReport => {
  const rng = new Rng(options.seed);
  const world = buildWorld(rng.fork('world'), options.size, options.villages);
  cleanOutput(options.out);
  const media = new Media(options.out, options.size.images);
  const writer = new FeedWriter(options.out, options.size.indent);
  const vouchers: GenerateReport['vouchers'] = [];
  const households = options.householdsOut ? new FeedWriter(options.householdsOut, options.size.indent) : null;
  if (options.householdsOut) rmSync(options.householdsOut, { recursive: true, force: true });
  let receiptIndex = 0;

  for (const village of world.villages) {
    const vrng = rng.fork(`village-${village.code}`);
    const ledger = buildLedger(vrng.fork('ledger'), village, MONTHS);
    const channels = villageChannels(village, ledger, media, vrng.fork('content'));
    const ledgerChannel = channels.find((c) => c.kind === 'ledger');
    const accountName = ledgerChannel?.kind === 'ledger' ? ledgerChannel.content.accountName : village.name;

    const toVoucher = (d: VoucherDraft, publishedAt: Wall): Voucher => ({
      id: d.id,
      publishedAt: iso(publishedAt),
      version: 1,
      number: d.number,
      date: iso(d.date),
      summary: d.summary,
      account: d.account,
      direction: d.direction,
      amountFen: d.amountFen,
      handler: d.handler,
      witness: d.witness,
      approver: d.approver,
      bookkeeper: d.bookkeeper,
      review: { ...d.review, reviewedAt: iso(d.review.reviewedAt) },
      attachmentCount: d.attachmentCount,
      receipts: attachmentsOf(d, village, vrng.fork(`attachments-${d.id}`)).map((attachment, i) =>
        media.receipt(
          `media/receipts/${village.code}/${d.id}${i ? `-${i + 1}` : ''}.jpg`,
          receiptIndex++,
          attachment.paysFor,
          {
            spec: attachment.spec,
            amountFen: d.amountFen,
            direction: d.direction,
            date: d.date,
            committee: committeeName(village),
            cooperative: accountName,
            clerk: village.accountant.name,
            // The first keeps the stream it always had, so the original receipts stay as they were.
            rng: vrng.fork(i ? `receipt-${d.id}-${i + 1}` : `receipt-${d.id}`),
          },
        ),
      ),
    });

    for (const month of ledger.months) {
      const feed: LedgerMonthFeed = {
        ...header('ledgerMonth'),
        village: village.code,
        month: month.key,
        openingFen: month.openingFen,
        incomeFen: month.incomeFen,
        expenseFen: month.expenseFen,
        closingFen: month.closingFen,
        vouchers: month.vouchers.map((d) => toVoucher(d, month.publishedAt)),
      };
      writer.write(feedPaths.ledgerMonth(village.code, month.key), feed, validateLedgerMonth);
    }
    const feed: VillageFeed = {
      ...header('village'),
      region: { code: village.code, name: village.name },
      street: village.street.code,
      channels,
    };
    writer.write(feedPaths.village(village.code), feed, validateVillage);
    households?.write(`${village.code}.json`, villageHouseholds(village, vrng.fork('households')), validateHouseholds);
    vouchers.push({
      code: village.code,
      name: village.name,
      count: ledger.months.reduce((s, m) => s + m.vouchers.length, 0),
    });
  }

  for (const street of world.streets) {
    const feed: StreetFeed = {
      ...header('street'),
      region: { code: street.code, name: street.name },
      channels: streetChannels(street, media, rng.fork(`street-${street.code}`)),
    };
    writer.write(feedPaths.street(street.code), feed, validateStreet);
  }

  const district: DistrictFeed = {
    ...header('district'),
    region: { ...DISTRICT },
    streets: world.streets.map((s) => ({
      code: s.code,
      name: s.name,
      villages: s.villages.map((v) => ({ code: v.code, name: v.name })),
    })),
    channels: districtChannels(world, media, rng.fork('district')),
  };
  writer.write(feedPaths.district(), district, validateDistrict);

  return {
    jsonFiles: writer.files,
    jsonBytes: writer.bytes,
    mediaFiles: media.files,
    mediaBytes: media.bytes,
    vouchers,
    problems: [...writer.problems, ...(households?.problems ?? [])],
  };
};
