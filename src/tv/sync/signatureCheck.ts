/**
 * The manifest's signature, checked in a Web Worker: Ed25519 in plain JavaScript costs a slow
 * box 100–200 ms of CPU, which then runs beside the main thread (setting up the stage, fetching
 * and reading the branch) instead of holding it up. Where there are no workers, or the worker
 * fails or does not answer, the check runs on the main thread: it is never skipped.
 */
import type { Manifest, SignatureField } from '../../feed/manifest';
import { signatureIsValid } from './verify';

export interface SignatureQuestion {
  manifest: Manifest;
  publicKey: string;
  field: SignatureField;
}

/** Beside the app's bundle in dist/. */
const WORKER_URL = 'verify.js';
/** A worker that has not answered by then is given up on. */
const WORKER_PATIENCE_MS = 5_000;

interface CheckWorker {
  worker: Worker;
  /** Its script failed to load or run, possibly before anything was asked of it. */
  failed: boolean;
}

/** A worker started ahead of the first check (see prepareSignatureCheck). */
let spare: CheckWorker | null = null;

const startWorker = (): CheckWorker | null => {
  // Not `!== 'function'`: old WebKit reports its DOM constructors as objects.
  if (typeof Worker === 'undefined') return null;
  try {
    const started: CheckWorker = { worker: new Worker(WORKER_URL), failed: false };
    started.worker.onerror = (event) => {
      event.preventDefault();
      started.failed = true;
    };
    return started;
  } catch {
    return null;
  }
};

/** Starts a worker now, so that its script loads and compiles while the box sets up. */
export const prepareSignatureCheck = (): void => {
  spare = spare ?? startWorker();
};

/** Whether the manifest carries a valid signature by `publicKey` (in `field`). Each check has its worker, ended once it answers. */
export const signatureHolds = (
  manifest: Manifest,
  publicKey: string,
  field: SignatureField = 'signature',
): Promise<boolean> => {
  const started = spare ?? startWorker();
  spare = null;
  if (!started || started.failed) {
    started?.worker.terminate();
    return Promise.resolve(signatureIsValid(manifest, publicKey, field));
  }
  const { worker } = started;
  return new Promise<boolean>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** The worker's answer, or null to check here instead. */
    const finish = (answer: boolean | null) => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      worker.terminate();
      resolve(answer ?? signatureIsValid(manifest, publicKey, field));
    };
    timer = setTimeout(() => finish(null), WORKER_PATIENCE_MS);
    worker.onmessage = (event: MessageEvent<unknown>) => finish(typeof event.data === 'boolean' ? event.data : null);
    worker.onerror = (event) => {
      event.preventDefault();
      finish(null);
    };
    const question: SignatureQuestion = { manifest, publicKey, field };
    worker.postMessage(question);
  });
};
