/**
 * Checks a box request's Ed25519 signature (src/household/signedRequest.ts) with Node's own
 * crypto. Boxes sign with tweetnacl, once per request, which is fine on a box; the service
 * checks every request of every box, and tweetnacl's pure-JS verify costs milliseconds of the
 * main thread each where OpenSSL's costs tens of microseconds (bench: `--only votes`).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { signedText, type SignedParts } from '../../src/household/signedRequest';

/** The DER header that makes 32 raw bytes an Ed25519 SubjectPublicKeyInfo. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Boxes' keys as OpenSSL reads them: making one costs as much as a verify. Emptied when full. */
const keys = new Map<string, KeyObject>();
const KEYS_KEPT = 100_000;

const keyObject = (raw: Uint8Array): KeyObject => {
  const spki = Buffer.concat([ED25519_SPKI_PREFIX, raw]);
  const id = spki.toString('base64');
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    keys.set(id, key);
  }
  return key;
};

export const boxSignatureHolds = (parts: SignedParts, signature: string, signPublicKey: Uint8Array): boolean => {
  try {
    return verify(null, Buffer.from(signedText(parts)), keyObject(signPublicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
};
