/**
 * Draws the screen the viewer will most likely open next while the remote rests: the
 * focused voucher on a ledger month, the receipt on a voucher, the next screenful of a list.
 * Lightning shares a text's texture between every element that shows the same text in the
 * same style, and an image's between every element with the same source, so a screen built
 * after its textures were drawn here shows at once instead of drawing them on the key press.
 *
 * The screen is built detached (never on the stage) and only its textures are loaded. They
 * are held (not collected) until the next page change has put them to use, then released.
 */
import { Router, type Lightning } from '@lightningjs/sdk';
import { appClock, appTimer } from '../appTimers';
import { forEachElement, type TreeElement } from './elementTree';
import { TextureHold, type TextureLike, type TextureSourceLike } from './textureHold';

/** How long the remote must rest before drawing ahead: a held key repeats faster. */
const REST_MS = 250;
/** While a page is being opened, how often to look whether it is done. */
const PAGE_CHANGE_POLL_MS = 50;
/** An image may take this long to arrive and decode. */
const IMAGE_WAIT_MS = 5000;

interface LoadableTexture extends TextureLike {
  load(): void;
}
interface ElementWithTexture extends TreeElement {
  texture?: LoadableTexture | null;
}

const timer = appTimer();
const held = new TextureHold();
/** Counts releases, so that an image arriving after one is not held. */
let generation = 0;

/** Holds a source until release(); an image is held once it has arrived. */
const hold = (source: TextureSourceLike, since = generation, waited = 0): void => {
  if (since !== generation) return;
  if (source.isLoaded()) held.add(source);
  else if (waited < IMAGE_WAIT_MS) appClock.setTimeout(() => hold(source, since, waited + 100), 100);
};

/** Lets the textures drawn ahead be collected again, once a page change has used them (or not). */
export const releaseDrawnAhead = (): void => {
  generation++;
  held.release();
};

/** Calls `then` once no page change is under way; a later drawAhead() call cancels it. */
const afterPageChange = (then: () => void): void => {
  timer.start(PAGE_CHANGE_POLL_MS, () => (Router.isNavigating() ? afterPageChange(then) : then()));
};

/**
 * Once the remote has rested for REST_MS, builds the screens `build` returns (detached)
 * and draws their textures, replacing what was drawn ahead before: only if `page` is the
 * page on screen then.
 */
export const drawAhead = (page: Lightning.Component, build: () => (Lightning.Element | null)[]): void => {
  timer.start(REST_MS, () => {
    // A page asks while it is being opened (on a slow box that can outlast the rest): the rest
    // starts again once it is open, so that its own first frames are not held up by this work.
    if (Router.isNavigating()) return afterPageChange(() => drawAhead(page, build));
    if (Router.getActivePage() !== page) return;
    releaseDrawnAhead();
    for (const screen of build()) {
      if (!screen) continue;
      forEachElement(screen as unknown as ElementWithTexture, ({ texture }) => {
        if (!texture) return;
        texture.load();
        if (texture.source) hold(texture.source);
      });
    }
  });
};

/** A component built off the stage and filled, for drawAhead to draw. */
export const detached = <C extends Lightning.Component>(
  host: Lightning.Component,
  type: new (...args: never[]) => C,
  fill: (component: C) => void,
): C => {
  const component = host.stage.c({ type }) as unknown as C;
  fill(component);
  return component;
};
