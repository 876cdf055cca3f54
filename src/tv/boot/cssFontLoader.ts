/**
 * The SDK loads fonts with the FontFace API and document.fonts, which Chrome < 35 and old WebKit
 * middleware lack.
 * There the font is declared by an @font-face rule and counted as loaded once text measured
 * in it no longer depends on the fallback family.
 */
interface FontSpec {
  family: string;
  url?: string;
  urls?: string[];
}

const PROBE = 'Ww1il 三务';
const POLL_MS = 50;
// Past this the app starts with the fallback font: text in boxes beats a blank screen.
const GIVE_UP_MS = 15_000;

const format = (url: string) => (/\.woff2$/.test(url) ? 'woff2' : /\.woff$/.test(url) ? 'woff' : 'truetype');

const declare = (font: FontSpec) => {
  const sources = (font.urls || (font.url ? [font.url] : [])).map((url) => `url("${url}") format("${format(url)}")`);
  const style = document.createElement('style');
  style.textContent = `@font-face { font-family: "${font.family}"; src: ${sources.join(', ')}; }`;
  document.head.appendChild(style);
  // WebKit fetches a declared font only once something on the page uses it.
  const user = document.createElement('span');
  user.textContent = PROBE;
  user.style.cssText = `position: absolute; left: -9999px; visibility: hidden; font-family: "${font.family}"`;
  document.body.appendChild(user);
};

const whenMeasurable = (family: string) =>
  new Promise<void>((resolve) => {
    const context = document.createElement('canvas').getContext('2d');
    const width = (fallback: string) => {
      if (!context) return 0;
      context.font = `40px "${family}", ${fallback}`;
      return context.measureText(PROBE).width;
    };
    const began = Date.now();
    const poll = () => {
      if (width('monospace') === width('serif') || Date.now() - began > GIVE_UP_MS) resolve();
      else setTimeout(poll, POLL_MS);
    };
    poll();
  });

/**
 * The SDK's loader calls `new FontFace(…)`, `document.fonts.add` and `fontFace.load()`: old
 * WebKit (Safari 9–10 generation, QtWebKit 5.212) has FontFace without `document.fonts`.
 */
export const needsCssFontLoader = (): boolean =>
  !(
    typeof FontFace === 'function' &&
    typeof FontFace.prototype.load === 'function' &&
    !!document.fonts &&
    typeof document.fonts.add === 'function'
  );

export const cssFontLoader = (fonts: FontSpec[]): Promise<void> =>
  Promise.all(
    fonts.map((font) => {
      declare(font);
      return whenMeasurable(font.family);
    }),
  ).then(() => undefined);
