import { Router, type Lightning } from '@lightningjs/sdk';

/**
 * Recomputes the focus path, except while the router is between pages: it restores
 * and fills the new page before making it the active one, and refocuses after.
 * Refocusing earlier would ask the page being left, which may already be destroyed.
 */
export const refocus = (component: Lightning.Component): void => {
  if (!Router.isNavigating()) component._refocus();
};
