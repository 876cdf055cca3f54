/**
 * First start: load the committed sample district into an empty database as version 1
 * and create one operator of each role, so the system shows content and can be tried
 * at once. Their tokens are written to a file only the service's user can read.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HouseholdsFile } from '../../src/household/pages';
import type { DistrictFeed, StreetFeed, VillageFeed, Channel } from '../../src/feed/schema';
import { feedPaths } from '../../src/feed/paths';
import type { Db } from '../db/database';
import { appendAudit } from '../audit/auditLog';
import { createOperator, issueToken, type Role } from '../auth/operators';
import { setLogin } from '../auth/consoleLogins';
import { generatePassword, hashPasswordSync } from '../auth/passwords';
import { writeFileAtomic } from '../files/atomicFile';
import { chinaTime } from '../clock';
import { SERVER_KINDS } from '../content/kinds';
import type { SeedItem, ServerKind } from '../content/kinds/serverKind';

export interface SeedOperator {
  name: string;
  role: Role;
  region: string;
  token: string;
  /** The console's sign-in: the role's name in English, and a password made for this data directory. */
  username: string;
  password: string;
}

const readJson = <T>(dir: string, path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;

/** Item id and stored body of each item of a channel (ids are what operators address), as its kind stores them. */
const itemsOf = (channel: Channel, sampleDir: string): SeedItem[] =>
  (SERVER_KINDS[channel.kind] as ServerKind<Channel['kind']>).seedItems(channel.content, channel.updatedAt, (path) =>
    readJson(sampleDir, path),
  );

export const isEmpty = (db: Db): boolean => db.prepare('SELECT count(*) FROM regions').pluck().get() === 0;

export const seedSample = (db: Db, sampleDir: string, feedDir: string): SeedOperator[] => {
  const operators = seedDatabase(db, sampleDir);
  copySampleMedia(sampleDir, join(feedDir, 'media'));
  return operators;
};

/** Copies the sample's images and clips (if it has any) to `mediaDir`. */
export const copySampleMedia = (sampleDir: string, mediaDir: string): void => {
  const media = join(sampleDir, 'media');
  if (existsSync(media)) cpSync(media, mediaDir, { recursive: true });
};

/**
 * Loads the sample into the database in one transaction; `beforeCommit` runs inside it with the
 * operators' tokens (known only now), so that if it fails nothing is seeded.
 */
export const seedDatabase = (
  db: Db,
  sampleDir: string,
  beforeCommit: (operators: SeedOperator[]) => void = () => undefined,
): SeedOperator[] => {
  const district = readJson<DistrictFeed>(sampleDir, feedPaths.district());
  const insertRegion = db.prepare(
    'INSERT INTO regions (code, level, name, parent, account_name) VALUES (?, ?, ?, ?, ?)',
  );
  const insertMeta = db.prepare(
    'INSERT INTO channel_meta (region, channel, updated_at, next_due_at) VALUES (?, ?, ?, ?)',
  );
  const insertRevision = db.prepare(
    `INSERT INTO revisions (region, channel, item_id, action, body, status, created_at, published_at) VALUES (?, ?, ?, 'put', ?, 'published', ?, ?)`,
  );
  const insertVersionItem = db.prepare(
    'INSERT INTO version_items (version, region, channel, item_id, revision_id) VALUES (1, ?, ?, ?, ?)',
  );
  const operators: SeedOperator[] = [];

  db.transaction(() => {
    db.prepare(`INSERT INTO settings (key, value) VALUES ('fictional', ?)`).run(district.fictional ? '1' : '0');
    // Published as of now, not as of the sample's date: a fresh install is not already expired.
    db.prepare(`INSERT INTO versions (version, kind, created_at, status) VALUES (1, 'seed', ?, 'pending')`).run(
      chinaTime(),
    );
    const load = (region: string, channels: Channel[]) => {
      for (const channel of channels) {
        insertMeta.run(region, channel.id, channel.updatedAt, channel.nextDueAt ?? null);
        for (const item of itemsOf(channel, sampleDir)) {
          const { publishedAt: _p, version: _v, ...body } = item.body as Record<string, unknown>;
          const revision = Number(
            insertRevision.run(
              region,
              channel.id,
              item.itemId,
              JSON.stringify(body),
              item.publishedAt,
              item.publishedAt,
            ).lastInsertRowid,
          );
          insertVersionItem.run(region, channel.id, item.itemId, revision);
        }
      }
    };
    insertRegion.run(district.region.code, 'district', district.region.name, null, null);
    load(district.region.code, district.channels);
    for (const street of district.streets) {
      insertRegion.run(street.code, 'street', street.name, district.region.code, null);
      load(street.code, readJson<StreetFeed>(sampleDir, feedPaths.street(street.code)).channels);
      for (const v of street.villages) {
        const village = readJson<VillageFeed>(sampleDir, feedPaths.village(v.code));
        const ledger = village.channels.find((c) => c.kind === 'ledger');
        insertRegion.run(
          v.code,
          'village',
          v.name,
          street.code,
          ledger?.kind === 'ledger' ? ledger.content.accountName : null,
        );
        load(v.code, village.channels);
        seedHouseholds(db, householdsFile(sampleDir, v.code));
      }
    }
    const firstStreet = district.streets[0]!;
    const firstVillage = firstStreet.villages[0]!;
    for (const [name, role, region] of [
      ['区管理员', 'admin', district.region.code],
      [`${firstStreet.name}审核员`, 'street', firstStreet.code],
      [`${firstVillage.name}村文书`, 'clerk', firstVillage.code],
      [`${firstVillage.name}村务监督委员会`, 'committee', firstVillage.code],
    ] as const) {
      const operator = createOperator(db, name, role, region);
      const password = generatePassword();
      setLogin(db, operator.id, role, hashPasswordSync(password));
      operators.push({
        name,
        role,
        region,
        token: issueToken(db, operator.id, 'sample').token,
        username: role,
        password,
      });
    }
    appendAudit(db, {
      operatorId: null,
      action: 'seed',
      target: 'version 1',
      after: { sample: true, regions: db.prepare('SELECT count(*) FROM regions').pluck().get() },
    });
    beforeCommit(operators);
  })();
  return operators;
};

/** The village's households and their private pages, kept beside the sample feed, never in it. */
const householdsFile = (sampleDir: string, village: string): HouseholdsFile | null => {
  const file = join(sampleDir, '..', 'private', 'households', `${village}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HouseholdsFile) : null;
};

/** Households and their pages: no box is bound to any of them (a clerk binds a box in front of them). */
const seedHouseholds = (db: Db, file: HouseholdsFile | null) => {
  if (!file) return;
  const household = db.prepare('INSERT INTO households (id, village, head) VALUES (?, ?, ?)');
  const page = db.prepare('INSERT INTO household_pages (household, channel, body) VALUES (?, ?, ?)');
  for (const h of file.households) {
    household.run(h.id, file.village, h.head);
    for (const p of h.pages) page.run(h.id, p.channel, JSON.stringify(p));
  }
};

export const writeTokenFile = (file: string, operators: SeedOperator[]): void => {
  const lines = operators.map((o) => [o.role, o.region, o.name, o.token, o.username, o.password].join('\t'));
  writeFileAtomic(
    file,
    Buffer.from(
      `# role\tregion\tname\ttoken\tconsole sign-in name\tpassword (sample operators; keep this file private)\n${lines.join('\n')}\n`,
    ),
    0o600,
  );
};

/** The sample operators' console sign-ins, as the token file lists them (role, name, sign-in name, password). */
export const readSampleSignIns = (file: string): { role: string; name: string; username: string; password: string }[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .filter((fields) => fields.length >= 6)
    .map(([role, , name, , username, password]) => ({
      role: role!,
      name: name!,
      username: username!,
      password: password!,
    }));
