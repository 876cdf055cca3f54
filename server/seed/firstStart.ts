/**
 * The first start, all or nothing and resumable: a full disk (or a kill) at any moment leaves
 * either an empty data directory's database, to seed again, or a seeded one whose staging
 * directory says the rest is still to do. The staging directory goes last.
 *
 *   1. one transaction: the sample into the database, and (before it commits) the operators'
 *      tokens into staging/operator-tokens.txt: tokens exist only then;
 *   2. the sample's images into staging/media, then moved into the feed at once;
 *   3. the token file moved into the data directory; the staging directory removed.
 *
 * Version 1 is left pending in the database: publishing it is the usual recovery's job.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { copySampleMedia, isEmpty, seedDatabase, writeTokenFile } from './seedSample';

export const TOKEN_FILE = 'operator-tokens.txt';
const STAGING = 'first-start';

/** Seeds or finishes seeding; returns the token file when this start completed the first start. */
export const firstStart = (db: Db, dataDir: string, sampleDir: string, feedDir: string): string | undefined => {
  const staging = join(dataDir, STAGING);
  if (isEmpty(db)) {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    seedDatabase(db, sampleDir, (operators) => writeTokenFile(join(staging, TOKEN_FILE), operators));
  }
  if (!existsSync(staging)) return undefined;
  const media = join(feedDir, 'media');
  // Nothing else can be in the feed's media yet: the service has not run since the seeding.
  rmSync(join(staging, 'media'), { recursive: true, force: true });
  copySampleMedia(sampleDir, join(staging, 'media'));
  if (existsSync(join(staging, 'media'))) {
    rmSync(media, { recursive: true, force: true });
    renameSync(join(staging, 'media'), media);
  }
  const tokenFile = join(dataDir, TOKEN_FILE);
  if (existsSync(join(staging, TOKEN_FILE))) renameSync(join(staging, TOKEN_FILE), tokenFile);
  rmSync(staging, { recursive: true, force: true });
  return tokenFile;
};

/** Whether a first start still has something to do (a read-only data directory cannot finish it). */
export const firstStartUnfinished = (db: Db, dataDir: string): boolean =>
  isEmpty(db) || existsSync(join(dataDir, STAGING));
