/**
 * The publishing thread: assembles, compresses, signs and writes versions on a connection of
 * its own to the database, so that the service's event loop keeps answering boxes meanwhile.
 * Started by publishThread.ts; answers each job with its result or its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database';
import { NoSuchVersion, Publisher, PublishRejected } from './publisher';
import { loadOrCreateSigningKey, loadPreviousKey } from './signing';
import type { PublishJob, PublishPaths, WorkerAnswer } from './publishThread';

const { dbFile, feedDir, keyFile, readOnly } = workerData as PublishPaths;
const publisher = new Publisher(
  openDatabase(dbFile, { readOnly }),
  feedDir,
  loadOrCreateSigningKey(keyFile),
  loadPreviousKey(keyFile),
);

const run = (job: PublishJob) => {
  switch (job.kind) {
    case 'publish':
      return publisher.publish(job.operatorId);
    case 'rollback':
      return publisher.rollback(job.operatorId, job.toVersion);
    case 'recover':
      return publisher.recover();
    case 'resign':
      // A publish that failed (a full disk) leaves its version pending: it is finished first, so
      // the re-signed manifest names its files, and a quiet district is not held back by it.
      publisher.recover();
      return publisher.resign(job.now).version;
  }
};

parentPort!.on('message', ({ id, job }: { id: number; job: PublishJob }) => {
  let answer: WorkerAnswer;
  try {
    answer = { id, ok: true, value: run(job) };
  } catch (error) {
    const name =
      error instanceof PublishRejected ? 'PublishRejected' : error instanceof NoSuchVersion ? 'NoSuchVersion' : 'Error';
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
    answer = {
      id,
      ok: false,
      name,
      message: error instanceof Error ? error.message : String(error),
      ...(code ? { code } : {}),
      problems: error instanceof PublishRejected ? error.feedProblems : [],
      ...(error instanceof NoSuchVersion ? { version: error.version } : {}),
    };
  }
  parentPort!.postMessage(answer);
});
