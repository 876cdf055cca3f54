/**
 * Files sealed to one box's X25519 key (tweetnacl `box` with a fresh sender key each time, as a
 * sealed box): any server or CDN carries them, and only the box holding the secret key opens
 * them. Layout: sender public key (32) ‖ nonce (24) ‖ ciphertext.
 */
import nacl from 'tweetnacl';
import { concatBytes } from './bytes';

const KEY = nacl.box.publicKeyLength;
const NONCE = nacl.box.nonceLength;

export const seal = (message: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array => {
  const sender = nacl.box.keyPair();
  const nonce = nacl.randomBytes(NONCE);
  return concatBytes(sender.publicKey, nonce, nacl.box(message, nonce, recipientPublicKey, sender.secretKey));
};

/** The message, or null if the file was not sealed to this key or was altered. */
export const openSealed = (sealed: Uint8Array, recipientSecretKey: Uint8Array): Uint8Array | null => {
  if (sealed.length < KEY + NONCE + nacl.box.overheadLength) return null;
  return nacl.box.open(
    sealed.subarray(KEY + NONCE),
    sealed.subarray(KEY, KEY + NONCE),
    sealed.subarray(0, KEY),
    recipientSecretKey,
  );
};
