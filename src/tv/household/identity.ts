/**
 * This box's identity: its key pairs, made on first run and kept in its storage (SDK Storage),
 * its id derived from the signing key, and the platform's device id where it gives one.
 */
import { Storage } from '@lightningjs/sdk';
import {
  boxIdOf,
  keysFromStorage,
  newBoxKeys,
  privateIndexPath,
  storedKeys,
  type BoxKeys,
} from '../../household/boxKeys';
import type { PlatformSettings } from '../data/config';

export interface BoxIdentity {
  keys: BoxKeys;
  id: string;
  /** The platform's own id for the device (smart card, serial), shown and registered beside ours. */
  deviceId: string | null;
  /** Where this box's private index lives under the feed. */
  indexPath: string;
}

const KEYS = 'boxKeys';

/** The platform's device id, if its settings give a plain one. */
const deviceIdOf = (platform: PlatformSettings): string | null => {
  const value = platform.deviceId;
  return typeof value === 'string' && /^[\x21-\x7e]{1,64}$/.test(value) ? value : null;
};

/**
 * The box's identity; null where the engine has no secure random numbers to make keys with
 * (tweetnacl refuses rather than make guessable keys): such a box cannot be bound.
 */
export const loadBoxIdentity = (platform: PlatformSettings): BoxIdentity | null => {
  let keys = keysFromStorage(Storage.get(KEYS));
  if (!keys) {
    try {
      keys = newBoxKeys();
    } catch (error) {
      console.warn('no secure random source: this box cannot be bound to a household', error);
      return null;
    }
    Storage.set(KEYS, storedKeys(keys));
  }
  return {
    keys,
    id: boxIdOf(keys.sign.publicKey),
    deviceId: deviceIdOf(platform),
    indexPath: privateIndexPath(keys.sign.publicKey),
  };
};
