/**
 * Keeps drawn textures from Lightning's texture collection (a `permanent` source is never
 * freed) until they are wanted again. One source may be kept by several holders at once (a
 * voucher's field labels are drawn ahead for the next voucher and are on the page behind): it
 * becomes collectable again only when the last one lets go, and a source kept for the whole
 * run stays kept.
 */
import { forEachElement, type TreeElement } from './elementTree';

export interface TextureSourceLike {
  permanent: boolean;
  isLoaded(): boolean;
  w: number;
  h: number;
}
export interface TextureLike {
  source: TextureSourceLike | null;
}
export interface ElementWithTexture extends TreeElement {
  texture?: TextureLike | null;
}

/** How many holders keep each source; Infinity for those kept for the whole run. */
const holders = new Map<object, number>();

/** Keeps a source for the whole run. */
export const keepForever = (source: { permanent: boolean }): void => {
  holders.set(source, Infinity);
  source.permanent = true;
};

export class TextureHold {
  private readonly sources = new Set<TextureSourceLike>();

  /** Keeps a loaded source until release(). */
  add(source: TextureSourceLike): void {
    if (this.sources.has(source) || !source.isLoaded()) return;
    const count = holders.get(source);
    // Kept for good already, by Lightning itself (the rectangle's pixel): leave it so.
    if (count === undefined && source.permanent) return;
    holders.set(source, (count ?? 0) + 1);
    source.permanent = true;
    this.sources.add(source);
  }

  /** Keeps every texture drawn on the element tree under `root`. */
  addTree(root: ElementWithTexture): void {
    forEachElement(root, ({ texture }) => {
      if (texture?.source) this.add(texture.source);
    });
  }

  /** Texture pixels kept (a source counted once per holder that keeps it). */
  get pixels(): number {
    let pixels = 0;
    for (const source of this.sources) pixels += source.w * source.h;
    return pixels;
  }

  release(): void {
    for (const source of this.sources) {
      const left = holders.get(source)! - 1;
      if (left > 0) holders.set(source, left);
      else {
        holders.delete(source);
        source.permanent = false;
      }
    }
    this.sources.clear();
  }
}
