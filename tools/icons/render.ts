/**
 * Renders the icon sources (tools/icons/svg/*.svg: white line pictograms on a 48-unit grid, one
 * 4-unit stroke) into static/icons/*.png, the textures the box draws. PNG, not SVG, because old
 * engines' canvas may not draw SVG; white on transparent, so that Lightning's `color` tints one
 * file for every theme. Rendered once at ICON_SIZE, the largest size a screen draws them at.
 *
 * Run: npm run icons   (npx tsx tools/icons/render.ts)
 *
 * Rerun it whenever a source changes; tests/unit/icons.spec.ts fails until then.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ICON_SOURCES = join(ROOT, 'tools', 'icons', 'svg');
export const ICON_OUTPUT = join(ROOT, 'static', 'icons');
/** Pixels per side: the tallest home tile draws its icon at 168 px (1080p). */
export const ICON_SIZE = 168;

/** Every source's name without its extension (channel-01 … channel-25, lock). */
export const iconNames = (): string[] =>
  readdirSync(ICON_SOURCES)
    .filter((file) => file.endsWith('.svg'))
    .map((file) => basename(file, '.svg'))
    .sort();

/** One source as the PNG the box loads: only the alpha carries the shape, as a small palette. */
export const renderIcon = (svg: Buffer): Promise<Buffer> =>
  sharp(svg, { density: (72 * ICON_SIZE) / 48 })
    .resize(ICON_SIZE, ICON_SIZE)
    .png({ palette: true, colours: 16, compressionLevel: 9, effort: 10 })
    .toBuffer();

const main = async () => {
  mkdirSync(ICON_OUTPUT, { recursive: true });
  let total = 0;
  for (const name of iconNames()) {
    const png = await renderIcon(readFileSync(join(ICON_SOURCES, `${name}.svg`)));
    writeFileSync(join(ICON_OUTPUT, `${name}.png`), png);
    total += png.length;
  }
  console.log(`${iconNames().length} icons, ${total} bytes in ${ICON_OUTPUT}`);
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
