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

const bytesOf = (binary: string): Uint8Array => {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 by hand: old WebKit (Safari 10 generation) has no atob inside workers. */
const fromBase64 = (text: string): Uint8Array => {
  const digits = text.replace(/=+$/, '');
  if (/[^A-Za-z0-9+/]/.test(digits) || digits.length % 4 === 1) throw new Error('not base64');
  const bytes = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let out = 0;
  for (let i = 0; i < digits.length; i++) {
    bits = (bits << 6) | BASE64.indexOf(digits.charAt(i));
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[out++] = (bits >> count) & 0xff;
    }
  }
  return bytes;
};

/** UTF-8 bytes without TextEncoder, which engines before Chrome 38 lack. */
const utf8 = (text: string): Uint8Array => bytesOf(unescape(encodeURIComponent(text)));

/** Text from UTF-8 bytes; without TextDecoder (Chrome < 38, Safari < 10.1) by the classic escape round trip. */
export const utf8Text = (bytes: Uint8Array): string => {
  if (typeof TextDecoder === 'function') return new TextDecoder().decode(bytes);
  let binary = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode.apply(null, Array.prototype.slice.call(bytes, i, i + CHUNK) as number[]);
  return decodeURIComponent(escape(binary));
};

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
      utf8(canonicalize(signed) ?? ''),
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
