/**
 * The icons the box draws (static/icons/*.png) are the committed SVG sources
 * (tools/icons/svg/) as `npm run icons` renders them: one per sub-channel and the lock, white
 * on transparent (so `color` tints them for every theme), small in bytes.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CHANNELS } from '../../src/feed/taxonomy';
import { channelIconFile, LOCK_ICON_FILE } from '../../src/tv/components/icons';
import { ICON_OUTPUT, ICON_SIZE, ICON_SOURCES, iconNames, renderIcon } from '../../tools/icons/render';

const pngOf = (file: string) => join(ICON_OUTPUT, file.replace(/^icons\//, ''));

test('every sub-channel and the lock have an icon source and its PNG', () => {
  const wanted = [...CHANNELS.map((c) => channelIconFile(c.id)), LOCK_ICON_FILE];
  for (const file of wanted) {
    expect(existsSync(pngOf(file)), file).toBe(true);
    expect(existsSync(join(ICON_SOURCES, file.replace(/^icons\//, '').replace(/\.png$/, '.svg'))), file).toBe(true);
  }
  expect(iconNames()).toHaveLength(wanted.length);
});

test('each PNG is its source as rendered now, white on transparent, and the set is small', async () => {
  let total = 0;
  for (const name of iconNames()) {
    const shipped = readFileSync(join(ICON_OUTPUT, `${name}.png`));
    total += statSync(join(ICON_OUTPUT, `${name}.png`)).size;
    const fresh = await renderIcon(readFileSync(join(ICON_SOURCES, `${name}.svg`)));
    const [a, b] = await Promise.all(
      [shipped, fresh].map((png) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })),
    );
    expect(a!.info.width, name).toBe(ICON_SIZE);
    expect(a!.data.equals(b!.data), `${name}.png is stale: run npm run icons`).toBe(true);
    // Every pixel that shows is white: the tint alone decides its colour on screen.
    let coloured = 0;
    for (let i = 0; i < a!.data.length; i += 4)
      if (a!.data[i + 3]! > 0 && Math.min(a!.data[i]!, a!.data[i + 1]!, a!.data[i + 2]!) < 250) coloured++;
    expect(coloured, `${name}: pixels that are not white`).toBe(0);
  }
  expect(total).toBeLessThan(40_000);
});
