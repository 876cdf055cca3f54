/**
 * The private index and sealed files as the box reads them (no TypeBox, which brings BigInt): where
 * they live, the bytes the feed key signs, and small hand checks of the fields the box reads. The
 * box believes an index only with the feed key's signature, and a page only when it hashes to
 * the index's entry and opens with its own key; the service validated both in full.
 */
import canonicalize from 'canonicalize';
import nacl from 'tweetnacl';
import { fromBase64, utf8Bytes } from './bytes';
import type { HouseholdPage, PrivateIndex } from './pages';

/** Where a sealed file lives under the feed: named by the hash of its sealed bytes. */
export const sealedObjectPath = (sha256: string): string => `private/objects/${sha256}.bin`;

/** The bytes the feed key signs: the index without its signature, in canonical JSON (as the manifest). */
export const indexSignedText = (index: Omit<PrivateIndex, 'signature'> & { signature?: string }): string => {
  const { signature: _signature, ...signed } = index;
  return canonicalize(signed) ?? '';
};

export const indexSignatureHolds = (index: PrivateIndex, feedPublicKeyBase64: string): boolean => {
  try {
    return nacl.sign.detached.verify(
      utf8Bytes(indexSignedText(index)),
      fromBase64(index.signature),
      fromBase64(feedPublicKeyBase64),
    );
  } catch {
    return false;
  }
};

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export const looksLikePrivateIndex = (value: unknown): value is PrivateIndex => {
  if (!isObject(value) || value.kind !== 'privateIndex' || !isObject(value.files)) return false;
  if (![value.box, value.publishedAt, value.until, value.signature].every(isText)) return false;
  const files = value.files;
  return Object.keys(files).every((channel) => {
    const entry = files[channel];
    return (
      /^2[1-5]$/.test(channel) &&
      isObject(entry) &&
      typeof entry.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(entry.sha256) &&
      typeof entry.bytes === 'number'
    );
  });
};

/** The lists each page's screen reads. */
const LISTS: Record<number, string[]> = {
  21: ['payments'],
  22: ['lines'],
  23: ['members', 'parcels'],
  24: ['applications'],
  25: ['messages'],
};

export const looksLikeHouseholdPage = (value: unknown, channel: number): value is HouseholdPage => {
  if (!isObject(value) || value.channel !== channel || !isText(value.updatedAt) || !isObject(value.content))
    return false;
  const content = value.content;
  return (LISTS[channel] ?? [null]).every(
    (list) => list !== null && Array.isArray(content[list]) && (content[list] as unknown[]).every(isObject),
  );
};
