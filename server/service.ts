/**
 * The service's parts, wired from one data directory: the database file, the signing
 * key, the published feed, and the font whose coverage pushes are checked against.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from './db/database';
import { loadFontCoverage, type Coverage } from './content/fontCoverage';
import { Publisher } from './publish/publisher';
import { loadOrCreateSigningKey, type SigningKey } from './publish/signing';
import { isEmpty, seedSample, writeTokenFile } from './seed/seedSample';

export interface Service {
  db: Db;
  publisher: Publisher;
  key: SigningKey;
  coverage: Coverage;
  dataDir: string;
  feedDir: string;
  mediaDir: string;
  /** Set on the first start only: where the sample operators' tokens were written. */
  seededTokenFile?: string;
}

export interface ServiceOptions {
  dataDir: string;
  sampleDir?: string;
  fontFile?: string;
}

export const openService = (options: ServiceOptions): Service => {
  const dataDir = resolve(options.dataDir);
  const feedDir = join(dataDir, 'feed');
  mkdirSync(feedDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'sanwu.db'));
  const key = loadOrCreateSigningKey(join(dataDir, 'signing-key.pem'));
  const publisher = new Publisher(db, feedDir, key);
  const coverage = loadFontCoverage(options.fontFile ?? 'static/fonts/sanwu-sans.woff2');
  let seededTokenFile: string | undefined;
  if (isEmpty(db)) {
    const operators = seedSample(db, options.sampleDir ?? 'static/feed', feedDir);
    seededTokenFile = join(dataDir, 'operator-tokens.txt');
    writeTokenFile(seededTokenFile, operators);
  }
  // Finish whatever a crash interrupted (and, on first start, publish the sample).
  publisher.recover();
  return { db, publisher, key, coverage, dataDir, feedDir, mediaDir: join(feedDir, 'media'), seededTokenFile };
};
