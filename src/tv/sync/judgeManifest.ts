/**
 * Whether to believe a manifest, given the key the box trusts and the key its settings offer
 * now: the rule of src/tv/sync/trustAnchor.ts, kept apart from the box's storage.
 */
import type { Manifest, SignatureField } from '../../feed/manifest';

/** trusted: believe it (and from now on trust `key`); untrustedKey: signed, but by a key the box may not take; forged: not signed by either key. */
export type TrustVerdict = { kind: 'trusted'; key: string } | { kind: 'untrustedKey' } | { kind: 'forged' };

export type SignatureTest = (manifest: Manifest, publicKey: string, field: SignatureField) => Promise<boolean>;

/**
 * Judges a manifest by the key the box trusts (`pinned`; on a new box, the one its settings
 * offer) and the key its settings offer now.
 */
export const judgeManifest = async (
  manifest: Manifest,
  pinned: string | null,
  offered: string | null,
  holds: SignatureTest,
): Promise<TrustVerdict> => {
  const anchor = pinned ?? offered;
  if (!anchor) return { kind: 'forged' };
  if (await holds(manifest, anchor, 'signature')) return { kind: 'trusted', key: anchor };
  if (!pinned || !offered || offered === pinned || !(await holds(manifest, offered, 'signature')))
    return { kind: 'forged' };
  // Signed by the offered key: taken only if the key the box trusts signed the same bytes.
  return (await holds(manifest, pinned, 'previousKeySignature'))
    ? { kind: 'trusted', key: offered }
    : { kind: 'untrustedKey' };
};
