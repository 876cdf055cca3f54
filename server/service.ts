/**
 * The service's parts, wired from one data directory: the database file, the signing
 * key, the published feed, and the font whose coverage pushes are checked against.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from './db/database';
import { loadFontCoverage, type Coverage } from './content/fontCoverage';
import { DEFAULT_MAX_VOUCHER_FEN } from './content/rules';
import { OBJECTS_DIR } from '../src/feed/manifest';
import { sweepTemporaryFiles } from './publish/atomicFile';
import { Publisher } from './publish/publisher';
import { PublishThread } from './publish/publishThread';
import { loadOrCreateSigningKey, loadPreviousKey, type SigningKey } from './publish/signing';
import { firstStart } from './seed/firstStart';
import { prepareClips } from './speech/clips';
import { httpSpeechEngine, type SpeechEngine } from './speech/engine';

export interface Service {
  db: Db;
  /** Reads of the published versions; publishing itself goes through `publishing`. */
  publisher: Publisher;
  /** Publishes, roll-backs and recovery, on a thread of their own. */
  publishing: PublishThread;
  key: SigningKey;
  coverage: Coverage;
  dataDir: string;
  feedDir: string;
  mediaDir: string;
  /** Set on the first start only: where the sample operators' tokens were written. */
  seededTokenFile?: string;
  /** The speech engine that makes clips at publish time, if the district has one. */
  speech?: { engine: SpeechEngine; voice: string };
  /** The largest amount one voucher may carry, in fen (the district's ceiling). */
  maxVoucherFen: number;
}

export interface ServiceOptions {
  dataDir: string;
  sampleDir?: string;
  fontFile?: string;
  speechUrl?: string;
  speechVoice?: string;
  maxVoucherFen?: number;
  /** Leaves unfinished versions to the caller (the server finishes them once it listens). */
  deferRecovery?: boolean;
}

/** A temporary file this old was left by a killed writer, not one still writing. */
const ORPHAN_AGE_MS = 60_000;

export const openService = (options: ServiceOptions): Service => {
  const dataDir = resolve(options.dataDir);
  const feedDir = join(dataDir, 'feed');
  // The data directory holds the signing key, the database and the tokens file: the service's user only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  mkdirSync(feedDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'sanwu.db'));
  const keyFile = join(dataDir, 'signing-key.pem');
  const key = loadOrCreateSigningKey(keyFile);
  const publisher = new Publisher(db, feedDir, key, loadPreviousKey(keyFile));
  const coverage = loadFontCoverage(options.fontFile ?? 'static/fonts/sanwu-sans.woff2');
  const seededTokenFile = firstStart(db, dataDir, options.sampleDir ?? 'static/feed', feedDir);
  const publishing = new PublishThread({ dbFile: join(dataDir, 'sanwu.db'), feedDir, keyFile });
  // Finish whatever a crash interrupted (and, on first start, publish the sample), and
  // clear the half-written files a crash left behind.
  if (!options.deferRecovery) {
    publisher.recover();
    sweepAfterCrash(feedDir);
  }
  const speech = options.speechUrl ? { engine: httpSpeechEngine(options.speechUrl), voice: options.speechVoice ?? 'zh-CN' } : undefined;
  return { db, publisher, publishing, key, coverage, dataDir, feedDir, mediaDir: join(feedDir, 'media'), seededTokenFile, maxVoucherFen: options.maxVoucherFen ?? DEFAULT_MAX_VOUCHER_FEN, ...(speech ? { speech } : {}) };
};

const sweepAfterCrash = (feedDir: string) => sweepTemporaryFiles([feedDir, join(feedDir, OBJECTS_DIR), join(feedDir, 'media')], ORPHAN_AGE_MS);

/** Finishes, on the publishing thread, what a crash interrupted, while the service already answers. */
export const recoverInBackground = async (service: Service): Promise<number[]> => {
  const recovered = await service.publishing.run({ kind: 'recover' });
  sweepAfterCrash(service.feedDir);
  return recovered;
};

/** Publishes the approved changes, with their speech clips made first when there is an engine. */
export const publishNow = async (service: Service, operatorId: number | null) => {
  if (service.speech) await prepareClips(service.db, service.mediaDir, service.speech.engine, service.speech.voice);
  return service.publishing.run({ kind: 'publish', operatorId });
};
