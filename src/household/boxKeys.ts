/**
 * A box's own keys (tweetnacl, plain ES5: no BigInt, no WebCrypto): Ed25519 to sign its requests,
 * X25519 to open the files sealed to it. Its id is derived from the signing key, so nobody hands
 * ids out and a forged id names no key.
 */
import nacl from 'tweetnacl';
import { sha256 } from 'js-sha256';
import { fromBase64, toBase64 } from './bytes';

export interface BoxKeys {
  /** Ed25519, 32-byte public and 64-byte secret key. */
  sign: { publicKey: Uint8Array; secretKey: Uint8Array };
  /** X25519 (Curve25519), 32 bytes each. */
  seal: { publicKey: Uint8Array; secretKey: Uint8Array };
}

/**
 * What the box keeps in its storage, base64: the two secret keys, and the X25519 public key,
 * which would otherwise cost a slow box a scalar multiplication at every start.
 */
export interface StoredBoxKeys {
  signSecret: string;
  sealSecret: string;
  sealPublic: string;
}

export const newBoxKeys = (): BoxKeys => ({ sign: nacl.sign.keyPair(), seal: nacl.box.keyPair() });

export const storedKeys = (keys: BoxKeys): StoredBoxKeys => ({
  signSecret: toBase64(keys.sign.secretKey),
  sealSecret: toBase64(keys.seal.secretKey),
  sealPublic: toBase64(keys.seal.publicKey),
});

/** The keys back from storage, or null if what was stored is not a pair of keys. */
export const keysFromStorage = (stored: unknown): BoxKeys | null => {
  const value = stored as Partial<StoredBoxKeys> | null;
  if (!value || typeof value.signSecret !== 'string' || typeof value.sealSecret !== 'string') return null;
  try {
    const signSecret = fromBase64(value.signSecret);
    const sealSecret = fromBase64(value.sealSecret);
    if (signSecret.length !== nacl.sign.secretKeyLength || sealSecret.length !== nacl.box.secretKeyLength) return null;
    const sealPublic = typeof value.sealPublic === 'string' ? fromBase64(value.sealPublic) : null;
    return {
      // An Ed25519 secret key carries its public key: no arithmetic here.
      sign: nacl.sign.keyPair.fromSecretKey(signSecret),
      seal:
        sealPublic?.length === nacl.box.publicKeyLength
          ? { publicKey: sealPublic, secretKey: sealSecret }
          : nacl.box.keyPair.fromSecretKey(sealSecret),
    };
  } catch {
    return null;
  }
};

/** 12 hex digits of the signing key's SHA-256, grouped for reading aloud: `3F9A-12BC-77D0`. */
export const boxIdOf = (signPublicKey: Uint8Array): string =>
  sha256(signPublicKey)
    .slice(0, 12)
    .toUpperCase()
    .replace(/^(.{4})(.{4})(.{4})$/, '$1-$2-$3');

export const BOX_ID_PATTERN = '^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$';

/**
 * Where the box's private index lives under the feed: a hash of its key apart from the one the
 * id comes from, so the id on the screen does not give it away; it names no household in any
 * server or CDN log.
 */
export const privateIndexPath = (signPublicKey: Uint8Array): string =>
  `private/${sha256(`sanwu-private-index:${toBase64(signPublicKey)}`)}.json`;
