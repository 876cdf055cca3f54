/**
 * The service's parts, wired from one data directory: the database file, the signing
 * key, the published feed, and the font whose coverage pushes are checked against.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from './db/database';
import { MAIN_THREAD_BUSY_TIMEOUT_MS } from './db/whenNotBusy';
import { loadFontCoverage, type Coverage } from './content/fontCoverage';
import { DEFAULT_MAX_VOUCHER_FEN } from './content/rules';
import { OBJECTS_DIR } from '../src/feed/manifest';
import { sweepTemporaryFiles } from './files/atomicFile';
import { Publisher } from './publish/publisher';
import { PublishThread } from './publish/publishThread';
import { loadOrCreateSigningKey, loadPreviousKey, type SigningKey } from './publish/signing';
import { firstStart, firstStartUnfinished } from './seed/firstStart';
import { StartRefused } from './startupError';
import { prepareClips } from './speech/clips';
import { httpSpeechEngine, type SpeechEngine } from './speech/engine';
import { notifierFrom, type OutboundNotifier } from './notify/outbound';

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
  /** Started on a data directory that cannot be written: nothing is recovered, re-signed or saved. */
  readOnly: boolean;
  /** Set on the first start only: where the sample operators' tokens were written. */
  seededTokenFile?: string;
  /** The speech engine that makes clips at publish time, if the district has one. */
  speech?: { engine: SpeechEngine; voice: string };
  /** The largest amount one voucher may carry, in fen (the district's ceiling). */
  maxVoucherFen: number;
  /** The SMS/WeChat gateway told of new help requests and of items waiting more than a day, if set. */
  notifier?: OutboundNotifier;
}

export interface ServiceOptions {
  dataDir: string;
  sampleDir?: string;
  fontFile?: string;
  speechUrl?: string;
  speechVoice?: string;
  maxVoucherFen?: number;
  /** The outbound notifier's setting: an http(s) webhook URL or file:PATH (notify/outbound.ts). */
  notify?: string;
  /** Leaves unfinished versions to the caller (the server finishes them once it listens). */
  deferRecovery?: boolean;
  /** The data directory cannot be written (dataDirReadOnly): serve what is published, write nothing. */
  readOnly?: boolean;
}

/** A temporary file this old was left by a killed writer, not one still writing. */
const ORPHAN_AGE_MS = 60_000;

export const openService = (options: ServiceOptions): Service => {
  const dataDir = resolve(options.dataDir);
  const feedDir = join(dataDir, 'feed');
  const readOnly = options.readOnly ?? false;
  if (!readOnly) {
    // The data directory holds the signing key, the database and the tokens file: the service's user only.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    mkdirSync(feedDir, { recursive: true });
  }
  // This thread answers boxes: it never waits inside SQLite (db/whenNotBusy.ts).
  const db = openDatabase(join(dataDir, 'sanwu.db'), { readOnly, busyTimeoutMs: MAIN_THREAD_BUSY_TIMEOUT_MS });
  const keyFile = join(dataDir, 'signing-key.pem');
  const key = loadOrCreateSigningKey(keyFile);
  const publisher = new Publisher(db, feedDir, key, loadPreviousKey(keyFile));
  const coverage = loadFontCoverage(options.fontFile ?? 'static/fonts/sanwu-sans.woff2');
  if (readOnly && (firstStartUnfinished(db, dataDir) || !publisher.currentVersion)) {
    throw new StartRefused(
      `数据目录 ${dataDir} 只读，而首次启动尚未完成，没有可提供的内容；服务不启动。请让数据目录可写后再启动。\n` +
        `The data directory ${dataDir} is read-only and its first start is unfinished, so there is nothing to serve; not starting. Make it writable and start again.`,
    );
  }
  const seededTokenFile = readOnly ? undefined : firstStart(db, dataDir, options.sampleDir ?? 'static/feed', feedDir);
  const publishing = new PublishThread({ dbFile: join(dataDir, 'sanwu.db'), feedDir, keyFile, readOnly });
  // Finish whatever a crash interrupted (and, on first start, publish the sample), and
  // clear the half-written files a crash left behind.
  if (!options.deferRecovery && !readOnly) {
    publisher.recover();
    sweepAfterCrash(feedDir);
  }
  const speech = options.speechUrl
    ? { engine: httpSpeechEngine(options.speechUrl), voice: options.speechVoice ?? 'zh-CN' }
    : undefined;
  const notifier = notifierFrom(options.notify ?? '');
  return {
    db,
    publisher,
    publishing,
    key,
    coverage,
    dataDir,
    feedDir,
    mediaDir: join(feedDir, 'media'),
    readOnly,
    seededTokenFile,
    maxVoucherFen: options.maxVoucherFen ?? DEFAULT_MAX_VOUCHER_FEN,
    ...(speech ? { speech } : {}),
    ...(notifier ? { notifier } : {}),
  };
};

const sweepAfterCrash = (feedDir: string) =>
  sweepTemporaryFiles([feedDir, join(feedDir, OBJECTS_DIR), join(feedDir, 'media')], ORPHAN_AGE_MS);

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
