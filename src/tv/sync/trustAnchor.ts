/**
 * The feed key this box trusts. settings.json, which names the key, comes over the same wire
 * as the feed, so whoever can alter the feed on its way could alter it too and sign with a
 * key of their own. The box therefore remembers the first key it trusted and takes another
 * only from a manifest signed by both, the new key and the one it trusts (TUF's root rotation).
 */
import { Storage } from '@lightningjs/sdk';

const PINNED_KEY = 'feedKey';

export const pinnedFeedKey = (): string | null => {
  const value: unknown = Storage.get(PINNED_KEY);
  return typeof value === 'string' && value ? value : null;
};

export const pinFeedKey = (key: string): void => {
  Storage.set(PINNED_KEY, key);
};
