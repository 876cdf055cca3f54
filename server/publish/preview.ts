/**
 * The console's TV preview: the published content with one draft applied, assembled exactly as
 * a publish would assemble it (createVersion and assembleVersion, inside a transaction that is
 * then rolled back, so nothing is stored and no other approved change is included), and signed
 * with the preview key. Boxes trust only the publisher's key (src/tv/sync/judgeManifest.ts), so
 * a preview manifest that reached one would be refused as a forgery.
 */
import { join } from 'node:path';
import type { Db } from '../db/database';
import { auditHead } from '../audit/auditLog';
import { chinaTime } from '../clock';
import { createVersion, getRevision, type Revision } from '../content/repository';
import type { Manifest } from '../../src/feed/manifest';
import { assembleVersion, type AssembledVersion } from './assemble';
import { buildIndexTree, sha256Of } from './indexTree';
import { loadOrCreateSigningKey, signManifest, type SigningKey } from './signing';

/** A preview is looked at for minutes; a box would not keep it longer than this either. */
const PREVIEW_LIFETIME_MS = 86_400_000;

/** Beside the signing key, never in the feed directory; boxes are never given its public half. */
export const loadPreviewKey = (dataDir: string): SigningKey => loadOrCreateSigningKey(join(dataDir, 'preview-key.pem'));

/** Revisions that are still someone's draft: a published or discarded one has nothing to preview. */
export const previewable = (revision: Revision | null): revision is Revision =>
  !!revision && (revision.status === 'draft' || revision.status === 'approved' || revision.status === 'rejected');

/** Carries the assembled version out of the transaction it rolls back. */
class RolledBack extends Error {
  constructor(readonly assembled: AssembledVersion) {
    super('preview assembled; its version rolled back');
  }
}

/** The version a publish of this one revision would make now, without storing anything. */
export const assemblePreview = (db: Db, revisionId: number): AssembledVersion => {
  try {
    db.transaction(() => {
      // Only this draft goes on top of what is published: other approved changes are set aside.
      db.prepare(`UPDATE revisions SET status = 'discarded' WHERE status = 'approved' AND id != ?`).run(revisionId);
      db.prepare(`UPDATE revisions SET status = 'approved' WHERE id = ?`).run(revisionId);
      const { version } = createVersion(db, 'publish', null);
      throw new RolledBack(assembleVersion(db, version));
    })();
  } catch (error) {
    if (error instanceof RolledBack) return error.assembled;
    throw error;
  }
  throw new Error('the preview transaction ended without rolling back');
};

export interface PreviewFeed {
  manifest: Buffer;
  /** Every file the manifest's tree names, indexes included, by SHA-256. */
  objects: Map<string, Buffer>;
}

/** The signed preview feed of one draft, or null if the revision is no draft. */
export const buildPreviewFeed = (db: Db, revisionId: number, key: SigningKey): PreviewFeed | null => {
  if (!previewable(getRevision(db, revisionId))) return null;
  const assembled = assemblePreview(db, revisionId);
  const { root, indexes } = buildIndexTree(assembled.files, assembled.tree);
  const objects = new Map([...assembled.files, ...indexes].map((f) => [sha256Of(f.bytes), f.bytes]));
  const manifest = signManifest(
    {
      schemaVersion: 1,
      version: assembled.version,
      publishedAt: assembled.createdAt,
      expiresAt: chinaTime(Date.parse(assembled.createdAt) + PREVIEW_LIFETIME_MS),
      auditHead: auditHead(db),
      files: root,
    } satisfies Manifest,
    key,
  );
  return { manifest: Buffer.from(JSON.stringify(manifest)), objects };
};
