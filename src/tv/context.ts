/** The box's configuration and data, shared by the routes and the few pages that act on them. */
import type { BoxConfig } from './data/config';
import type { BoxSettings } from './data/boxSettings';
import type { Store } from './data/store';
import type { Household } from './household/household';
import type { Outbox } from './household/outbox';
import type { Speaker } from './speech/speaker';

export interface BoxContext {
  config: BoxConfig;
  /** The villager's choices, as in effect since boot. */
  settings: BoxSettings;
  store: Store;
  /** This box's household: its pairing code, or its private pages once bound. */
  household: Household;
  /** What the villager sent (questions, later help and votes), kept until the service has it. */
  outbox: Outbox;
  speaker: Speaker;
  /** The box's clock, read through one place so tests and freshness marks agree. */
  now: () => number;
}

let context: BoxContext | null = null;

export const setBoxContext = (value: BoxContext): void => {
  context = value;
};

export const box = (): BoxContext => {
  if (!context) throw new Error('box context used before boot');
  return context;
};

/** Shows a short message over the screen; the app shell replaces this once it is up. */
export const notices = {
  show: (message: string): void => console.warn(message),
};
