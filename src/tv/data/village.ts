/**
 * Which village this box shows, owned here and nowhere else: decided at boot (?village=, else
 * the platform settings, else the box's memory), changed by the first-run picker through its
 * route (routePaths.ts), and remembered on the box across power cycles. The store follows:
 * it loads whichever village it is told.
 */
import { Storage } from '@lightningjs/sdk';
import type { PlatformSettings } from './config';
import type { Store } from './store';

const VILLAGE_CODE = /^[0-9]{12}$/;
const REMEMBERED_KEY = 'village';

const isVillageCode = (value: unknown): value is string => typeof value === 'string' && VILLAGE_CODE.test(value);

/** At boot, once Storage works (after Launch): the first valid code of the URL, the settings, the box's memory. */
export const villageAtBoot = (platform: PlatformSettings, search: string): string | null =>
  [new URLSearchParams(search).get('village'), platform.village, Storage.get(REMEMBERED_KEY) as unknown].find(isVillageCode) ?? null;

/** The villager chose `code` (from the district file, whose codes the feed check has passed): shown from now on, after a restart too. */
export const chooseVillage = (store: Store, code: string): void => {
  Storage.set(REMEMBERED_KEY, code);
  store.setVillage(code);
};
