/**
 * The publisher's Ed25519 key. Boxes hold the public key and verify every manifest
 * with it; the private key never leaves the data directory.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** Why the service will not start; main prints it as it is, without a stack trace. */
export class StartRefused extends Error {}

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
