/**
 * What the box checks before it believes the feed: the manifest's Ed25519 signature
 * and each file's SHA-256. Both in plain ES5 JavaScript (tweetnacl, js-sha256):
 * WebCrypto is missing on plain-HTTP pages and on old box engines, and Ed25519
 * libraries built on BigInt do not run before Chrome 67, which many boxes predate.
 */
import nacl from 'tweetnacl';
import { sha256 } from 'js-sha256';
import canonicalize from 'canonicalize';
import type { Manifest, SignatureField } from '../../feed/manifest';
import { fromBase64, utf8Bytes } from '../../household/bytes';

/** Whether `field` of the manifest (its signature, unless asked) is a valid signature by the key. */
export const signatureIsValid = (
  manifest: Manifest,
  publicKeyBase64: string,
  field: SignatureField = 'signature',
): boolean => {
  const { signature: _signature, previousKeySignature: _previous, ...signed } = manifest;
  const signature = manifest[field];
  if (!signature) return false;
  try {
    return nacl.sign.detached.verify(
      utf8Bytes(canonicalize(signed) ?? ''),
      fromBase64(signature),
      fromBase64(publicKeyBase64),
    );
  } catch {
    return false;
  }
};

export const sha256Hex = (bytes: Uint8Array): string => sha256(bytes);

/** SHA-256 of a text's UTF-8 bytes (js-sha256 encodes strings itself): for copies kept as text. */
export const textSha256 = (text: string): string => sha256(text);
