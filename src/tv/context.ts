/** The box's configuration and data, shared by the routes and the few pages that act on them. */
import type { BoxConfig } from './data/config';
import type { Store } from './data/store';

export interface BoxContext {
  config: BoxConfig;
  store: Store;
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
