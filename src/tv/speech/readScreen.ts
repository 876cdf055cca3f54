/** What a sighted villager reads on an element: its visible texts, in drawing order. */
import { Lightning } from '@lightningjs/sdk';
import type { Utterance } from './speaker';

/** A component that knows better than its texts what should be said for it. */
export interface Speakable {
  /** Said when it takes the focus. */
  speech(): Utterance;
}

/** A page that can be read out whole (the read key). */
export interface Readable {
  readAll(): Utterance;
}

type Node = Lightning.Element & { children: Node[] };

export const textsOf = (
  element: Lightning.Element,
  skip: (node: Lightning.Element) => boolean = () => false,
): string[] => {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (!node.visible || node.alpha === 0 || skip(node)) return;
    const texture = node.texture;
    if (texture instanceof Lightning.textures.TextTexture && texture.text) out.push(texture.text);
    node.children.forEach(walk);
  };
  walk(element as Node);
  return out;
};

export const isSpeakable = (value: unknown): value is Speakable =>
  typeof (value as Partial<Speakable>)?.speech === 'function';
export const isReadable = (value: unknown): value is Readable =>
  typeof (value as Partial<Readable>)?.readAll === 'function';
