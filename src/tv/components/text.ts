/** Text patches in the app's font, so no screen forgets the font or the line height. */
import type { Lightning } from '@lightningjs/sdk';
import { COLOR, fontFaces, LINE_HEIGHT, TYPE } from '../theme';
import { keepForever } from './textureHold';

export interface TextOptions {
  size?: number;
  color?: number;
  width?: number;
  maxLines?: number;
  align?: 'left' | 'right' | 'center';
  bold?: boolean;
}

export const text = (value: string, options: TextOptions = {}) => {
  const size = options.size ?? TYPE.body;
  return {
    text: {
      text: value,
      fontFace: fontFaces(),
      fontSize: size,
      fontStyle: options.bold ? 'bold' : 'normal',
      textColor: options.color ?? COLOR.text,
      lineHeight: Math.round(size * LINE_HEIGHT),
      // Keeps tall glyphs' tops and descenders inside the texture.
      paddingLeft: 0,
      verticalAlign: 'middle' as const,
      textAlign: options.align ?? 'left',
      ...(options.width ? { wordWrapWidth: options.width, wordWrap: true } : { wordWrap: false }),
      ...(options.maxLines ? { maxLines: options.maxLines, maxLinesSuffix: '…' } : {}),
    },
  };
};

/**
 * Keeps a text's texture for the whole run, for texts drawn from a small fixed set (field
 * labels, key hints, the loading veil): drawn once, then shared by every later page that
 * shows the same text in the same style, instead of redrawn each time a page opens.
 */
export const keepDrawn = (element: Lightning.Element | undefined): void => {
  element?.on('txLoaded', (texture: { source: { permanent: boolean } | null }) => {
    if (texture.source) keepForever(texture.source);
  });
};
