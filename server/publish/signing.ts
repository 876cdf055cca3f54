/**
 * The publisher's Ed25519 key. Boxes hold the public key and verify every manifest
 * with it; the private key never leaves the data directory.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { writeFileAtomic } from './atomicFile';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key, base64: what goes into a box's settings. */
  publicKeyBase64: string;
}

const rawPublicKey = (key: KeyObject): string => {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('base64');
};

export const loadOrCreateSigningKey = (file: string): SigningKey => {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileAtomic(file, Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string));
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyBase64: rawPublicKey(publicKey) };
};

/** The bytes that are signed: the manifest without its signature, in RFC 8785 canonical JSON. */
export const signedBytes = (manifest: Record<string, unknown>): Buffer => {
  const { signature: _signature, ...rest } = manifest;
  return Buffer.from(canonicalize(rest) ?? '');
};

export const signManifest = <T extends Record<string, unknown>>(manifest: T, key: SigningKey): T & { signature: string } => ({
  ...manifest,
  signature: sign(null, signedBytes(manifest), key.privateKey).toString('base64'),
});

export const verifyManifest = (manifest: Record<string, unknown>, publicKey: KeyObject): boolean =>
  typeof manifest.signature === 'string' && verify(null, signedBytes(manifest), publicKey, Buffer.from(manifest.signature, 'base64'));
