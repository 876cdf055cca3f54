/**
 * Keeps the drawn textures of the pages behind the open one, so that Back shows them at once.
 * The router destroys each page it leaves (a box holds only the page on screen) and collects
 * its textures; Back builds the page anew, and its texts, unchanged, were drawn again: about
 * 100 ms for a ledger month on a box-speed CPU, the slowest key of all. Only the textures are
 * kept, only while the page is in the router's history, and within a budget: the oldest page
 * behind lets go first.
 */
import { TextureHold, type ElementWithTexture } from './textureHold';

/**
 * About 12 MB of RGBA: with the screen on show (about 1,000,000 pixels) and what is drawn
 * ahead for the next one (as much again, more with a receipt scan), well under the stage's
 * memoryPressure of 8,000,000, above which Lightning collects.
 */
const BUDGET_PIXELS = 3_000_000;

/** Pages left, by their route hash, oldest first. */
const behind = new Map<string, TextureHold>();

const routeOf = (hash: string): string => hash.replace(/^\//, '');

const letGo = (hash: string): void => {
  behind.get(hash)?.release();
  behind.delete(hash);
};

/** Keeps what `page` (on screen at `hash`) has drawn, as the router is about to leave it. */
export const keepPageLeft = (hash: string, page: ElementWithTexture): void => {
  const route = routeOf(hash);
  letGo(route);
  const hold = new TextureHold();
  hold.addTree(page);
  behind.set(route, hold);
};

/**
 * Once a page change is done: lets go of every page no longer in `history` (the one Back left),
 * then of the oldest pages until the rest fit the budget, and says whether it let go of any.
 * What the page now on screen was kept for is handed back to it: its hold is returned, to let
 * go of once its elements have taken their textures (they do so as they are first drawn).
 */
export const releasePagesBehind = (active: string, history: readonly string[]): { released: boolean; shown: TextureHold | undefined } => {
  const shown = behind.get(routeOf(active));
  behind.delete(routeOf(active));
  const inHistory = new Set(history.map(routeOf));
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
  return { released, shown };
};
