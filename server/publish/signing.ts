/**
 * The publisher's Ed25519 key. Boxes hold the public key and verify every manifest
 * with it; the private key never leaves the data directory.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import canonicalize from 'canonicalize';
import { writeFileAtomic } from '../files/atomicFile';
import { StartRefused } from '../startupError';
import { SIGNATURE_FIELDS } from '../../src/feed/manifest';

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
    writeFileAtomic(file, Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string), 0o600);
  }
  // Whoever can read the key can sign feeds every box believes.
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new StartRefused(
      `签名私钥 ${file} 其他用户也能读取（权限 ${mode.toString(8).padStart(4, '0')}），服务不启动。请检查是否泄露，然后执行 chmod 600 ${file}
` +
        `The signing key ${file} is readable by other users (mode ${mode.toString(8).padStart(4, '0')}); not starting. Check whether it leaked, then run chmod 600 ${file}`,
    );
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyBase64: rawPublicKey(publicKey) };
};

/** The bytes that are signed: the manifest without its signatures, in RFC 8785 canonical JSON. */
export const signedBytes = (manifest: Record<string, unknown>): Buffer => {
  const rest = { ...manifest };
  for (const field of SIGNATURE_FIELDS) delete rest[field];
  return Buffer.from(canonicalize(rest) ?? '');
};

/**
 * Signs with the key; while a rotation is under way, also with the key before it, so that
 * boxes which trust the old key take the new one (see src/tv/sync/trustAnchor.ts).
 */
export const signManifest = <T extends Record<string, unknown>>(
  manifest: T,
  key: SigningKey,
  previousKey?: SigningKey | null,
): T & { signature: string } => ({
  ...manifest,
  signature: sign(null, signedBytes(manifest), key.privateKey).toString('base64'),
  ...(previousKey
    ? { previousKeySignature: sign(null, signedBytes(manifest), previousKey.privateKey).toString('base64') }
    : {}),
});

/** Beside the key: the one it replaced, kept to sign alongside it while boxes move over. */
export const previousKeyFile = (keyFile: string): string => join(dirname(keyFile), 'signing-key.previous.pem');

export const loadPreviousKey = (keyFile: string): SigningKey | null =>
  existsSync(previousKeyFile(keyFile)) ? loadOrCreateSigningKey(previousKeyFile(keyFile)) : null;

/**
 * Replaces the signing key with a new one; the old one becomes the previous key (an older
 * previous key is dropped: boxes that missed a whole rotation must be set up again).
 */
export const rotateSigningKey = (keyFile: string): { previous: string; current: string } => {
  const previous = loadOrCreateSigningKey(keyFile);
  renameSync(keyFile, previousKeyFile(keyFile));
  return { previous: previous.publicKeyBase64, current: loadOrCreateSigningKey(keyFile).publicKeyBase64 };
};

export const verifyManifest = (manifest: Record<string, unknown>, publicKey: KeyObject): boolean =>
  typeof manifest.signature === 'string' &&
  verify(null, signedBytes(manifest), publicKey, Buffer.from(manifest.signature, 'base64'));
