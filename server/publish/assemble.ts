/**
 * Builds the public feed files of one version from the database: the district, each
 * street, each village and each ledger month, exactly as the box reads them.
 * Deterministic: the same version always gives the same bytes, so files can be
 * rebuilt after a crash and their hashes still match.
 */
import type { Channel, DistrictFeed, StreetFeed, VillageFeed } from '../../src/feed/schema';
import { SCHEMA_VERSION } from '../../src/feed/schema';
import { feedPaths } from '../../src/feed/paths';
import { channelIdsOf, channelSpec } from '../../src/feed/taxonomy';
import { validateDistrict, validateStreet, validateVillage, type FeedProblem } from '../../src/feed/validate';
import type { Db } from '../db/database';
import { nextDue } from '../content/cadence';
import { versionItems, type PublishedItem } from '../content/repository';
import { serverKind } from '../content/kinds';
import { clipText, findClip } from '../speech/clips';
import type { FeedFile, RegionTree } from './indexTree';

interface RegionRow {
  code: string;
  level: 'district' | 'street' | 'village';
  name: string;
  parent: string | null;
  account_name: string | null;
}

export interface AssembledVersion {
  version: number;
  createdAt: string;
  files: FeedFile[];
  /** Which villages each street has: the shape of the manifest's tree of indexes. */
  tree: RegionTree;
  problems: (FeedProblem & { file: string })[];
}

export const assembleVersion = (db: Db, version: number): AssembledVersion => {
  const createdAt = db.prepare('SELECT created_at FROM versions WHERE version = ?').pluck().get(version) as string;
  const regions = db.prepare('SELECT * FROM regions ORDER BY code').all() as RegionRow[];
  const meta = new Map(
    (
      db.prepare('SELECT region, channel, updated_at, next_due_at FROM channel_meta').all() as {
        region: string;
        channel: number;
        updated_at: string;
        next_due_at: string | null;
      }[]
    ).map((m) => [`${m.region}/${m.channel}`, m]),
  );
  const firstPublished = db.prepare(
    `SELECT min(published_at) AS first, count(*) AS n FROM revisions WHERE region = ? AND channel = ? AND item_id = ? AND status = 'published' AND action = 'put' AND id <= ?`,
  );

  // Items by region and channel, each stamped with when it first went public and its version.
  const items = new Map<string, PublishedItem[]>();
  for (const item of versionItems(db, version)) {
    const key = `${item.region}/${item.channel}`;
    items.set(key, [...(items.get(key) ?? []), item]);
  }
  const bodyOf = (item: PublishedItem): Record<string, unknown> => {
    const { id, ...body } = JSON.parse(item.revision.body ?? '{}') as Record<string, unknown>;
    const history = firstPublished.get(item.region, item.channel, item.itemId, item.revision.id) as {
      first: string;
      n: number;
    };
    // A clip the speech engine made for this very text, for boxes that cannot speak.
    const text = clipText(item.channel, body);
    const clip = text ? findClip(db, text) : null;
    return {
      id: id ?? item.itemId,
      publishedAt: history.first,
      version: Math.max(history.n, 1),
      ...body,
      ...(clip ? { audio: { src: clip.src, durationSec: clip.duration_sec } } : {}),
    };
  };

  const files: FeedFile[] = [];
  const problems: AssembledVersion['problems'] = [];
  const emit = (path: string, data: unknown, problemsOf: FeedProblem[]) => {
    files.push({ path, bytes: Buffer.from(JSON.stringify(data)) });
    problems.push(...problemsOf.map((p) => ({ ...p, file: path })));
  };
  // Sample content says so on screen.
  const fictional = db.prepare(`SELECT value FROM settings WHERE key = 'fictional'`).pluck().get() === '1';
  // A file's time is that of its newest content, not of the version: unchanged files
  // keep their bytes, and so their hashes, from one version to the next.
  const header = <K extends string>(kind: K, generatedAt: string) => ({
    schemaVersion: SCHEMA_VERSION,
    kind,
    generatedAt,
    ...(fictional ? { fictional } : {}),
  });
  const newestOf = (channels: Channel[]) =>
    channels.reduce((newest, c) => (c.updatedAt > newest ? c.updatedAt : newest), '') || createdAt;

  const channelsOf = (region: RegionRow, ids: number[]): Channel[] =>
    ids.flatMap((id): Channel[] => {
      const list = items.get(`${region.code}/${id}`);
      if (!list?.length) return [];
      const spec = channelSpec(id);
      const m = meta.get(`${region.code}/${id}`);
      const updatedAt = m?.updated_at ?? createdAt;
      const nextDueAt = m?.next_due_at ?? nextDue(spec.cadence, updatedAt);
      const rules = serverKind(spec.kind);
      if (!rules) return [];
      const context = {
        region: { code: region.code, name: region.name, accountName: region.account_name },
        createdAt,
        feedItem: bodyOf,
        header,
        emit,
      };
      return [
        {
          id,
          kind: spec.kind,
          updatedAt,
          ...(nextDueAt ? { nextDueAt } : {}),
          content: rules.assemble(list, context),
        } as Channel,
      ];
    });

  const district = regions.find((r) => r.level === 'district');
  if (!district) throw new Error('no district region');
  const streets = regions.filter((r) => r.level === 'street');
  const villages = regions.filter((r) => r.level === 'village');
  const districtChannels = channelsOf(district, channelIdsOf('district'));
  const districtFile: DistrictFeed = {
    ...header('district', newestOf(districtChannels)),
    region: { code: district.code, name: district.name },
    streets: streets.map((s) => ({
      code: s.code,
      name: s.name,
      villages: villages.filter((v) => v.parent === s.code).map((v) => ({ code: v.code, name: v.name })),
    })),
    channels: districtChannels,
  };
  emit(feedPaths.district(), districtFile, validation(validateDistrict(districtFile)));
  for (const street of streets) {
    const channels = channelsOf(street, channelIdsOf('street'));
    const file: StreetFeed = {
      ...header('street', newestOf(channels)),
      region: { code: street.code, name: street.name },
      channels,
    };
    emit(feedPaths.street(street.code), file, validation(validateStreet(file)));
  }
  for (const village of villages) {
    const channels = channelsOf(village, channelIdsOf('village'));
    const file: VillageFeed = {
      ...header('village', newestOf(channels)),
      region: { code: village.code, name: village.name },
      street: village.parent!,
      channels,
    };
    emit(feedPaths.village(village.code), file, validation(validateVillage(file)));
  }
  const tree: RegionTree = {
    streets: streets.map((s) => ({
      code: s.code,
      villages: villages.filter((v) => v.parent === s.code).map((v) => v.code),
    })),
  };
  return { version, createdAt, files, tree, problems };
};

const validation = (result: { ok: boolean; problems?: FeedProblem[] }): FeedProblem[] =>
  result.ok ? [] : (result.problems ?? []);
