/** What the box remembers across power cycles: the village chosen at first run. */
import { Storage } from '@lightningjs/sdk';

const VILLAGE_KEY = 'village';

export const rememberedVillage = (): string | null => {
  const value: unknown = Storage.get(VILLAGE_KEY);
  return typeof value === 'string' ? value : null;
};

export const rememberVillage = (code: string): void => {
  Storage.set(VILLAGE_KEY, code);
};
