/**
 * What a version changed compared with another (by default the version before it): which items
 * it added, changed and removed, by sub-channel. A roll-back's confirmation shows the same list
 * from the version boxes have now to the one they would get.
 */
import type { Db } from '../db/database';
import { OperatorError } from './operatorError';

export interface ItemChange {
  region: string;
  regionName: string | null;
  channel: number;
  itemId: string;
  /** The item's own heading (title, name, question), as the version shows it or last showed it. */
  title: string | null;
}

export interface VersionChanges {
  version: number;
  against: number | null;
  added: ItemChange[];
  changed: ItemChange[];
  removed: ItemChange[];
}

interface Row {
  region: string;
  channel: number;
  item_id: string;
  revision_id: number;
  body: string | null;
}

const rowsOf = (db: Db, version: number): Map<string, Row> =>
  new Map(
    (
      db
        .prepare(
          `SELECT vi.region, vi.channel, vi.item_id, vi.revision_id, r.body FROM version_items vi JOIN revisions r ON r.id = vi.revision_id WHERE vi.version = ?`,
        )
        .all(version) as Row[]
    ).map((row) => [`${row.region}/${row.channel}/${row.item_id}`, row]),
  );

const titleOf = (body: string | null): string | null => {
  if (!body) return null;
  const item = JSON.parse(body) as Record<string, unknown>;
  const heading = item.title ?? item.name ?? item.question ?? item.month;
  return typeof heading === 'string' ? heading : null;
};

const versionExists = (db: Db, version: number) =>
  db.prepare('SELECT 1 FROM versions WHERE version = ?').get(version) !== undefined;

export const versionChanges = (db: Db, version: number, against?: number): VersionChanges => {
  if (!versionExists(db, version)) throw new OperatorError(404, `没有版本 ${version}`, `No version ${version}`);
  const base =
    against ??
    (db.prepare('SELECT max(version) FROM versions WHERE version < ?').pluck().get(version) as number | null);
  if (base != null && !versionExists(db, base)) throw new OperatorError(404, `没有版本 ${base}`, `No version ${base}`);
  const now = rowsOf(db, version);
  const before = base == null ? new Map<string, Row>() : rowsOf(db, base);
  const names = new Map(
    (db.prepare('SELECT code, name FROM regions').all() as { code: string; name: string }[]).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const change = (row: Row): ItemChange => ({
    region: row.region,
    regionName: names.get(row.region) ?? null,
    channel: row.channel,
    itemId: row.item_id,
    title: titleOf(row.body),
  });
  const order = (a: ItemChange, b: ItemChange) =>
    a.region.localeCompare(b.region) || a.channel - b.channel || a.itemId.localeCompare(b.itemId);
  const added: ItemChange[] = [];
  const changed: ItemChange[] = [];
  const removed: ItemChange[] = [];
  for (const [key, row] of now) {
    const old = before.get(key);
    if (!old) added.push(change(row));
    else if (old.revision_id !== row.revision_id && old.body !== row.body) changed.push(change(row));
  }
  for (const [key, row] of before) if (!now.has(key)) removed.push(change(row));
  return {
    version,
    against: base,
    added: added.sort(order),
    changed: changed.sort(order),
    removed: removed.sort(order),
  };
};
