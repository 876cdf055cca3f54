/**
 * Writes a bound box's private files into the feed directory: each of its household's pages
 * sealed to the box's X25519 key and named by the hash of the sealed bytes, and one index,
 * signed with the feed's key, at a path derived from the box's signing key. A static server or
 * CDN carries them without being able to read them; the index names no household.
 */
import { createHash, sign } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64, utf8Bytes } from '../../src/household/bytes';
import { privateIndexPath } from '../../src/household/boxKeys';
import { isPrivateIndex, type PrivateIndex } from '../../src/household/pages';
import { indexSignedText, sealedObjectPath } from '../../src/household/privateFiles';
import { seal } from '../../src/household/sealed';
import { chinaTime } from '../clock';
import type { Db } from '../db/database';
import { writeFileAtomic } from '../files/atomicFile';
import type { SigningKey } from '../publish/signing';

/** How long a box may show its pages without the service sealing them again. */
export const PRIVATE_PAGES_DAYS = 35;
/** Sealed again once less than this is left, so a bound box never reaches its `until`. */
const RESEAL_WITHIN_DAYS = 20;
const DAY_MS = 86_400_000;

export interface SealingContext {
  db: Db;
  feedDir: string;
  key: SigningKey;
}

interface BoxKeysRow {
  id: string;
  sign_key: string;
  seal_key: string;
}

const indexFile = (feedDir: string, signKey: string) => join(feedDir, privateIndexPath(fromBase64(signKey)));

/** Seals the household's pages to the box and (last, atomically) writes the box's index. */
export const writePrivateFiles = (context: SealingContext, boxId: string, household: string, now = Date.now()) => {
  const box = context.db.prepare('SELECT id, sign_key, seal_key FROM boxes WHERE id = ?').get(boxId) as BoxKeysRow;
  const pages = context.db
    .prepare('SELECT channel, body FROM household_pages WHERE household = ? ORDER BY channel')
    .all(household) as { channel: number; body: string }[];
  const previous = readIndex(context.feedDir, box.sign_key);
  const files: PrivateIndex['files'] = {};
  for (const page of pages) {
    const sealed = seal(utf8Bytes(page.body), fromBase64(box.seal_key));
    const sha256 = createHash('sha256').update(sealed).digest('hex');
    writeFileAtomic(join(context.feedDir, sealedObjectPath(sha256)), sealed);
    files[String(page.channel)] = { sha256, bytes: sealed.length };
  }
  const unsigned = {
    kind: 'privateIndex' as const,
    box: box.id,
    publishedAt: chinaTime(now),
    until: chinaTime(now + PRIVATE_PAGES_DAYS * DAY_MS),
    files,
  };
  const signature = sign(null, Buffer.from(indexSignedText(unsigned)), context.key.privateKey).toString('base64');
  writeFileAtomic(
    indexFile(context.feedDir, box.sign_key),
    Buffer.from(`${JSON.stringify({ ...unsigned, signature })}\n`),
  );
  context.db
    .prepare('UPDATE bindings SET sealed_until = ? WHERE box_id = ? AND ended_at IS NULL')
    .run(now + PRIVATE_PAGES_DAYS * DAY_MS, boxId);
  if (previous) removeObjects(context.feedDir, previous, new Set(Object.values(files).map((f) => f.sha256)));
};

/** Seals again the pages of every binding whose `until` is near; returns how many. */
export const resealDue = (context: SealingContext, now = Date.now()): number => {
  const due = context.db
    .prepare('SELECT box_id AS box, household FROM bindings WHERE ended_at IS NULL AND sealed_until < ?')
    .all(now + RESEAL_WITHIN_DAYS * DAY_MS) as { box: string; household: string }[];
  for (const binding of due) writePrivateFiles(context, binding.box, binding.household, now);
  return due.length;
};

/** Takes the box's index and sealed files away: an unbound or revoked box finds nothing. */
export const removePrivateFiles = (context: SealingContext, boxId: string): void => {
  const signKey = context.db.prepare('SELECT sign_key FROM boxes WHERE id = ?').pluck().get(boxId) as string;
  const index = readIndex(context.feedDir, signKey);
  rmSync(indexFile(context.feedDir, signKey), { force: true });
  if (index) removeObjects(context.feedDir, index, new Set());
};

const readIndex = (feedDir: string, signKey: string): PrivateIndex | null => {
  const file = indexFile(feedDir, signKey);
  if (!existsSync(file)) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isPrivateIndex(value) ? value : null;
  } catch {
    return null;
  }
};

const removeObjects = (feedDir: string, index: PrivateIndex, keep: Set<string>) => {
  for (const file of Object.values(index.files))
    if (!keep.has(file.sha256)) rmSync(join(feedDir, sealedObjectPath(file.sha256)), { force: true });
};
