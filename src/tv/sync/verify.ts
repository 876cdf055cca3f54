/**
 * What the box checks before it believes the feed: the manifest's Ed25519 signature
 * (in pure JS: set-top-box browsers mostly lack WebCrypto Ed25519, and WebCrypto is
 * missing altogether on plain-HTTP pages) and each file's SHA-256.
 */
import * as ed from '@noble/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { Manifest } from '../../feed/manifest';

ed.hashes.sha512 = sha512;

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const signatureIsValid = (manifest: Manifest, publicKeyBase64: string): boolean => {
  const { signature, ...signed } = manifest;
  if (!signature) return false;
  try {
    return ed.verify(fromBase64(signature), utf8ToBytes(canonicalize(signed) ?? ''), fromBase64(publicKeyBase64));
  } catch {
    return false;
  }
};

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
