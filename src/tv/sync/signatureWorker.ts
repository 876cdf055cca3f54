/**
 * The worker that checks a manifest's signature (built on its own into dist/verify.js, see
 * rollup.config.js). It answers each { manifest, publicKey } with whether the signature holds.
 */
import { signatureIsValid } from './verify';
import type { SignatureQuestion } from './signatureCheck';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SignatureQuestion>) => void) | null;
  postMessage(answer: boolean): void;
};

scope.onmessage = (event) =>
  scope.postMessage(signatureIsValid(event.data.manifest, event.data.publicKey, event.data.field));
