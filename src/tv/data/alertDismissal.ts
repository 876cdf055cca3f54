/**
 * Alerts the villager has dismissed, remembered on the box so that one dismissed stays
 * dismissed after a restart; a new alert (a new id) still shows.
 */
import { Storage } from '@lightningjs/sdk';
import type { Alert } from '../../feed/schema';

const KEY = 'dismissedAlerts';
/** Alert ids remembered: far more than are ever in force at once. */
const KEPT = 50;

const dismissed = (): string[] => {
  const value: unknown = Storage.get(KEY);
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
};

/** The first of `alerts` (most severe first) not yet dismissed. */
export const alertToShow = (alerts: Alert[]): Alert | undefined => {
  const seen = dismissed();
  return alerts.find((a) => !seen.includes(a.id));
};

export const rememberDismissed = (id: string): void => {
  Storage.set(KEY, [...dismissed().slice(-KEPT), id]);
};
