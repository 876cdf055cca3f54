/**
 * Keeps the drawn textures of the pages behind the open one, so that Back shows them at once.
 * The router destroys each page it leaves (a box holds only the page on screen) and collects
 * its textures; Back builds the page anew, and its texts, unchanged, were drawn again: about
 * 100 ms for a ledger month on a box-speed CPU, the slowest key of all. Only the textures are
 * kept, only while the page is in the router's history, and within a budget: the oldest page
 * behind lets go first.
 */
import { Router } from '@lightningjs/sdk';
import { TextureHold, type ElementWithTexture } from './textureHold';

/**
 * About 12 MB of RGBA: with the screen on show (about 1,000,000 pixels) and what is drawn
 * ahead for the next one (as much again, more with a receipt scan), well under the stage's
 * memoryPressure of 8,000,000, above which Lightning collects.
 */
const BUDGET_PIXELS = 3_000_000;

interface StageLike {
  textureManager: { gc(): void };
  once(event: 'frameEnd', listener: () => void): void;
}

/** Pages left, by their route hash, oldest first. */
const behind = new Map<string, TextureHold>();

const routeOf = (hash: string): string => hash.replace(/^\//, '');

const letGo = (route: string): void => {
  behind.get(route)?.release();
  behind.delete(route);
};

/** Before each page change: keeps what the page on screen (at `from`) has drawn. */
export const keepPageLeft = (from: string): void => {
  const page = Router.getActivePage() as unknown as ElementWithTexture | undefined;
  if (!page || !from) return;
  const route = routeOf(from);
  letGo(route);
  const hold = new TextureHold();
  hold.addTree(page);
  behind.set(route, hold);
};

/**
 * After each page change: lets go of every page no longer in the history (the one Back left)
 * and of the oldest pages until the rest fit the budget, and collects what they drew at once
 * (the router's own collection ran while they were held). What the page now on screen was kept
 * for is let go of after its first frame, once its elements have taken their textures.
 */
export const releasePagesBehind = (stage: StageLike): void => {
  const active = routeOf(String(Router.getActiveHash() ?? ''));
  const shown = behind.get(active);
  behind.delete(active);
  const inHistory = new Set(Router.getHistory().map((entry) => routeOf(entry.hash)));
  let released = false;
  for (const route of [...behind.keys()]) {
    if (inHistory.has(route)) continue;
    letGo(route);
    released = true;
  }
  let pixels = 0;
  for (const kept of behind.values()) pixels += kept.pixels;
  for (const [oldest, kept] of behind) {
    if (pixels <= BUDGET_PIXELS) break;
    pixels -= kept.pixels;
    letGo(oldest);
    released = true;
  }
  // Lightning's stage.gc() runs once a frame, and the router's ran this frame already.
  if (released) stage.textureManager.gc();
  if (shown) stage.once('frameEnd', () => shown.release());
};
