/**
 * Revisions of items and the versions that publish them. A version is a complete
 * snapshot (which revision of every item it shows), so publishing, rolling back and
 * rebuilding files after a crash all read the same thing.
 */
import type { Db } from '../db/database';
import { appendAudit } from '../audit/auditLog';
import { chinaTime } from '../clock';

export const REVISION_STATUSES = ['draft', 'approved', 'rejected', 'published', 'discarded'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export interface Revision {
  id: number;
  region: string;
  channel: number;
  item_id: string;
  action: 'put' | 'withdraw';
  body: string | null;
  status: RevisionStatus;
  created_by: number | null;
  created_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  reason: string | null;
  published_at: string | null;
}

export interface ItemRef {
  region: string;
  channel: number;
  itemId: string;
}

/** Adds a draft; an older draft or approved change of the same item is set aside. */
export const addRevision = (
  db: Db,
  ref: ItemRef,
  action: 'put' | 'withdraw',
  body: unknown,
  operatorId: number | null,
  status: RevisionStatus = 'draft',
): Revision => {
  db.prepare(
    `UPDATE revisions SET status = 'discarded' WHERE region = ? AND channel = ? AND item_id = ? AND status IN ('draft', 'approved')`,
  ).run(ref.region, ref.channel, ref.itemId);
  const id = Number(
    db
      .prepare(
        'INSERT INTO revisions (region, channel, item_id, action, body, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        ref.region,
        ref.channel,
        ref.itemId,
        action,
        body === undefined ? null : JSON.stringify(body),
        status,
        operatorId,
        chinaTime(),
      ).lastInsertRowid,
  );
  return getRevision(db, id)!;
};

export const getRevision = (db: Db, id: number): Revision | null =>
  (db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as Revision | undefined) ?? null;

export const listRevisions = (db: Db, filter: { status?: RevisionStatus; region?: string }): Revision[] =>
  db
    .prepare(
      `SELECT * FROM revisions WHERE (@status IS NULL OR status = @status) AND (@region IS NULL OR region = @region) ORDER BY id`,
    )
    .all({ status: filter.status ?? null, region: filter.region ?? null }) as Revision[];

export const review = (
  db: Db,
  id: number,
  operatorId: number,
  decision: 'approved' | 'rejected',
  reason: string | null,
): void => {
  db.prepare(
    `UPDATE revisions SET status = ?, reviewed_by = ?, reviewed_at = ?, reason = ? WHERE id = ? AND status = 'draft'`,
  ).run(decision, operatorId, chinaTime(), reason, id);
};

/** The body of an item as the latest complete version publishes it, if it does. */
export const publishedBody = (db: Db, ref: ItemRef): string | null =>
  (db
    .prepare(
      `SELECT r.body FROM version_items vi JOIN revisions r ON r.id = vi.revision_id WHERE vi.version = ? AND vi.region = ? AND vi.channel = ? AND vi.item_id = ?`,
    )
    .pluck()
    .get(latestCompleteVersion(db), ref.region, ref.channel, ref.itemId) as string | undefined) ?? null;

/** An item's newest draft or approved change, not yet published. */
export const pendingRevision = (db: Db, ref: ItemRef): Revision | null =>
  (db
    .prepare(
      `SELECT * FROM revisions WHERE region = ? AND channel = ? AND item_id = ? AND status IN ('draft', 'approved') ORDER BY id DESC LIMIT 1`,
    )
    .get(ref.region, ref.channel, ref.itemId) as Revision | undefined) ?? null;

export const latestVersion = (db: Db): number =>
  (db.prepare(`SELECT max(version) FROM versions`).pluck().get() as number | null) ?? 0;

export const latestCompleteVersion = (db: Db): number =>
  (db.prepare(`SELECT max(version) FROM versions WHERE status = 'complete'`).pluck().get() as number | null) ?? 0;

export interface PublishedItem extends ItemRef {
  revision: Revision;
}

/** Every item a version shows, with the revision it shows. */
export const versionItems = (db: Db, version: number): PublishedItem[] =>
  (
    db
      .prepare(
        `SELECT vi.region, vi.channel, vi.item_id AS itemId, r.* FROM version_items vi JOIN revisions r ON r.id = vi.revision_id
         WHERE vi.version = ? ORDER BY vi.region, vi.channel, r.id`,
      )
      .all(version) as (Revision & { itemId: string })[]
  ).map((row) => ({ region: row.region, channel: row.channel, itemId: row.itemId, revision: row }));

/**
 * Now, for a new version; if the clock has been set back behind the last version, a second
 * after it instead, with a warning: versions' times never go backwards (boxes would take the
 * new version as expiring before the one it replaces).
 */
const versionTime = (db: Db): string => {
  const last = db.prepare('SELECT created_at FROM versions ORDER BY version DESC LIMIT 1').pluck().get() as
    string | undefined;
  const lastMs = last ? Date.parse(last) : 0;
  if (Date.now() > lastMs) return chinaTime();
  console.warn(`系统时钟早于上一版本的时间（${last}），新版本的时间取其后一秒；请校准时钟。`);
  console.warn(
    `The system clock is behind the last version's time (${last}); the new version is dated a second after it. Set the clock right.`,
  );
  return chinaTime(lastMs + 1000);
};

/**
 * Creates version N+1 from version N with the approved changes applied (or, for a
 * rollback, as a copy of an older version), and marks it pending until its files exist.
 */
export const createVersion = (
  db: Db,
  kind: 'seed' | 'publish' | 'rollback',
  operatorId: number | null,
  rollbackTo?: number,
): { version: number; changed: Revision[] } =>
  db.transaction(() => {
    const previous = latestVersion(db);
    const version = previous + 1;
    const now = versionTime(db);
    db.prepare(
      `INSERT INTO versions (version, kind, created_at, created_by, rolled_back_to, status) VALUES (?, ?, ?, ?, ?, 'pending')`,
    ).run(version, kind, now, operatorId, rollbackTo ?? null);
    const base = kind === 'rollback' ? rollbackTo! : previous;
    db.prepare(
      `INSERT INTO version_items (version, region, channel, item_id, revision_id) SELECT ?, region, channel, item_id, revision_id FROM version_items WHERE version = ?`,
    ).run(version, base);
    if (kind === 'rollback') return { version, changed: [] };
    const changed = db.prepare(`SELECT * FROM revisions WHERE status = 'approved' ORDER BY id`).all() as Revision[];
    for (const revision of changed) {
      db.prepare('DELETE FROM version_items WHERE version = ? AND region = ? AND channel = ? AND item_id = ?').run(
        version,
        revision.region,
        revision.channel,
        revision.item_id,
      );
      if (revision.action === 'put') {
        db.prepare(
          'INSERT INTO version_items (version, region, channel, item_id, revision_id) VALUES (?, ?, ?, ?, ?)',
        ).run(version, revision.region, revision.channel, revision.item_id, revision.id);
      }
      db.prepare(`UPDATE revisions SET status = 'published', published_at = ? WHERE id = ?`).run(now, revision.id);
      db.prepare(
        `INSERT INTO channel_meta (region, channel, updated_at) VALUES (?, ?, ?) ON CONFLICT (region, channel) DO UPDATE SET updated_at = excluded.updated_at, next_due_at = NULL`,
      ).run(revision.region, revision.channel, now);
    }
    return { version, changed };
  })();

/**
 * Records a re-signing of the latest version's content, pending like any version until its
 * manifest (its only file) is written; a crash in between leaves it to recovery.
 */
export const recordResignVersion = (db: Db, signedAt: string): number =>
  db.transaction(() => {
    const previous = latestVersion(db);
    const version = previous + 1;
    db.prepare(`INSERT INTO versions (version, kind, created_at, status) VALUES (?, 'resign', ?, 'pending')`).run(
      version,
      signedAt,
    );
    db.prepare(
      `INSERT INTO version_items (version, region, channel, item_id, revision_id) SELECT ?, region, channel, item_id, revision_id FROM version_items WHERE version = ?`,
    ).run(version, previous);
    return version;
  })();

/** When the latest complete version's manifest was signed (epoch ms), 0 before the first. */
export const lastSignedAt = (db: Db): number => {
  const at = db
    .prepare(`SELECT created_at FROM versions WHERE status = 'complete' ORDER BY version DESC LIMIT 1`)
    .pluck()
    .get() as string | undefined;
  return at ? Date.parse(at) : 0;
};

export const completeVersion = (db: Db, version: number, manifestSha256: string): void => {
  db.prepare(`UPDATE versions SET status = 'complete', manifest_sha256 = ? WHERE version = ?`).run(
    manifestSha256,
    version,
  );
};

/**
 * Drops a pending version whose files were never all written, once a newer version is
 * complete (the newer one was built on it, so its changes are there). The audit log says so.
 */
export const dropSupersededVersion = (db: Db, version: number, supersededBy: number): void =>
  db.transaction(() => {
    db.prepare('DELETE FROM version_items WHERE version = ?').run(version);
    db.prepare(`DELETE FROM versions WHERE version = ? AND status = 'pending'`).run(version);
    appendAudit(db, {
      operatorId: null,
      action: 'version.drop',
      target: `version ${version}`,
      after: { reason: 'never completed; superseded', supersededBy },
    });
  })();

export interface VersionRow {
  version: number;
  kind: 'seed' | 'publish' | 'rollback' | 'resign';
  created_at: string;
  created_by: number | null;
  rolled_back_to: number | null;
  status: 'pending' | 'complete';
  manifest_sha256: string | null;
  /** Who published it, by name (null for the seed, a re-signing or a scheduled publish of a removed operator). */
  created_by_name: string | null;
}

/** Every version, the newest first, with its publisher's name. */
export const listVersions = (db: Db): VersionRow[] =>
  db
    .prepare(
      `SELECT v.version, v.kind, v.created_at, v.created_by, v.rolled_back_to, v.status, v.manifest_sha256, o.name AS created_by_name
       FROM versions v LEFT JOIN operators o ON o.id = v.created_by ORDER BY v.version DESC`,
    )
    .all() as VersionRow[];

/** Whether a version's files were all written (only such a version can be rolled back to). */
export const isCompleteVersion = (db: Db, version: number): boolean =>
  db.prepare(`SELECT 1 FROM versions WHERE version = ? AND status = 'complete'`).get(version) !== undefined;

export const pendingVersions = (db: Db): number[] =>
  db.prepare(`SELECT version FROM versions WHERE status = 'pending' ORDER BY version`).pluck().all() as number[];

/** When an item first became public, and how many times it has been published. */
export const itemHistory = (db: Db, ref: ItemRef): { firstPublishedAt: string | null; publishedCount: number } => {
  const row = db
    .prepare(
      `SELECT min(published_at) AS first, count(*) AS n FROM revisions WHERE region = ? AND channel = ? AND item_id = ? AND status = 'published' AND action = 'put'`,
    )
    .get(ref.region, ref.channel, ref.itemId) as { first: string | null; n: number };
  return { firstPublishedAt: row.first, publishedCount: row.n };
};

/** An uploaded image, once: the same bytes uploaded again keep their first record. */
export const recordImage = (
  db: Db,
  image: { sha256: string; src: string; width: number; height: number; bytes: number },
  operatorId: number,
): void => {
  db.prepare(
    'INSERT OR IGNORE INTO media (sha256, src, mime, width, height, bytes, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(image.sha256, image.src, 'image/jpeg', image.width, image.height, image.bytes, operatorId, chinaTime());
};
