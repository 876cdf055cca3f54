/**
 * Requests a box signs with its Ed25519 key. The signature covers the method, the path, a
 * timestamp, a one-time id and the body's hash, so that the service can refuse a request
 * that was altered, replayed or kept for later. Questions, help and votes use the same.
 */
import nacl from 'tweetnacl';
import { sha256 } from 'js-sha256';
import { toBase64, utf8Bytes } from './bytes';

export const BOX_HEADERS = {
  box: 'x-sanwu-box',
  time: 'x-sanwu-time',
  nonce: 'x-sanwu-nonce',
  signature: 'x-sanwu-signature',
} as const;

/** How far a request's time may be from the service's clock, either way. */
export const REQUEST_WINDOW_MS = 5 * 60 * 1000;
/** The largest body a box sends. */
export const MAX_BOX_REQUEST_BYTES = 4 * 1024;
export const NONCE_PATTERN = /^[A-Za-z0-9+/]{22}$/;

export interface SignedParts {
  method: string;
  path: string;
  /** Milliseconds since the epoch, as the box's clock says. */
  time: number;
  nonce: string;
  body: string;
}

/** The exact bytes that are signed. */
export const signedText = ({ method, path, time, nonce, body }: SignedParts): string =>
  ['sanwu-box-request-1', method.toUpperCase(), path, String(time), nonce, sha256(body)].join('\n');

/** A one-time id: 16 random bytes, base64 without padding. */
export const newNonce = (): string => toBase64(nacl.randomBytes(16)).replace(/=+$/, '');

/** The headers of a signed request. */
export const signRequest = (
  parts: Omit<SignedParts, 'nonce'> & { nonce?: string },
  boxId: string,
  signSecretKey: Uint8Array,
): Record<string, string> => {
  const nonce = parts.nonce ?? newNonce();
  const signature = nacl.sign.detached(utf8Bytes(signedText({ ...parts, nonce })), signSecretKey);
  return {
    [BOX_HEADERS.box]: boxId,
    [BOX_HEADERS.time]: String(parts.time),
    [BOX_HEADERS.nonce]: nonce,
    [BOX_HEADERS.signature]: toBase64(signature),
  };
};
