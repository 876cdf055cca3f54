/**
 * Measuring hooks. A timing mark when home is first on screen with the focus (always on: one
 * performance.mark, for benchmarks and field measurement), and, with ?inspector=1 only,
 * a read-only window global to read the scene's size and texture memory from outside.
 */
import { Router } from '@lightningjs/sdk';
import { forEachElement, type TreeElement } from '../components/elementTree';

export const HOME_INTERACTIVE_MARK = 'sanwu:home-interactive';

let homeMarked = false;

interface FrameEvents {
  once(event: 'frameStart' | 'frameEnd', listener: () => void): void;
}

/**
 * Marks the end of the first frame drawn after home took the focus (once per page load): home
 * is on screen only once that frame has drawn its texts, which is most of its cost.
 */
export const markHomeInteractive = (stage: FrameEvents): void => {
  if (homeMarked) return;
  homeMarked = true;
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  stage.once('frameStart', () => stage.once('frameEnd', () => performance.mark(HOME_INTERACTIVE_MARK)));
};

interface StageLike {
  root: TreeElement;
  textureManager: { usedMemory: number };
  gc(aggressive: boolean): void;
}

/** Elements in the scene, the stage's root included. */
export const countElements = (root: TreeElement): number => {
  let count = 0;
  forEachElement(root, () => count++);
  return count;
};

export interface SanwuDebug {
  elements(): number;
  /** Pixels of textures uploaded to the GPU (or held for canvas2d), as Lightning counts them: 4 bytes each. */
  textureMemory(): number;
  /** Frees every texture not in use now (Lightning's aggressive collection). */
  gc(): void;
  navigating(): boolean;
  hash(): string;
  /** Opens a route, as a key would. */
  navigate(hash: string): void;
  stage: unknown;
}

/** Exposed only with ?inspector=1, as `window.__sanwuDebug`. */
export const exposeDebugProbe = (stage: StageLike): void => {
  const probe: SanwuDebug = {
    elements: () => countElements(stage.root),
    textureMemory: () => stage.textureManager.usedMemory,
    gc: () => stage.gc(true),
    navigating: () => Router.isNavigating(),
    hash: () => String(Router.getActiveHash() ?? ''),
    navigate: (hash) => Router.navigate(hash),
    stage,
  };
  (window as unknown as { __sanwuDebug: SanwuDebug }).__sanwuDebug = probe;
};
