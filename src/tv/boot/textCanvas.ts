/**
 * One canvas for drawing text textures, instead of a new canvas and 2D context per text:
 * creating those was about a fifth of the cost of each text on a page change. Lightning
 * draws a text and uploads it to WebGL in one go; it makes a new canvas each time only
 * because a draw may wait for a font, so while one draw holds the canvas, others get their
 * own as before. WebGL only: the canvas2d renderer keeps each text's canvas as its texture.
 */
interface DrawingPlatform {
  getDrawingCanvas(): HTMLCanvasElement;
  getTextureOptionsForDrawingCanvas(canvas: HTMLCanvasElement): object;
}

export const shareTextCanvas = (platform: DrawingPlatform): void => {
  const shared = document.createElement('canvas');
  // In memory (willReadFrequently) for Lightning's getImageData read-back, which
  // forceTxCanvasSource (settings.json) has since removed; left until measured on a GPU box.
  const context = shared.getContext('2d', { willReadFrequently: true });
  if (context) rememberWidths(context);
  let lent = false;
  const fresh = platform.getDrawingCanvas.bind(platform);
  const options = platform.getTextureOptionsForDrawingCanvas.bind(platform);
  platform.getDrawingCanvas = () => {
    if (lent) return fresh();
    lent = true;
    return shared;
  };
  // Called right before the upload, which copies the pixels: the canvas is free again. Texts
  // ask for that upload at once (throttle: false); other canvas textures (Tools.getRoundRect's
  // outlines) would otherwise wait in Lightning's upload queue while the next text draws over
  // the shared canvas, and show that text instead of their outline.
  platform.getTextureOptionsForDrawingCanvas = (canvas) => {
    if (canvas !== shared) return options(canvas);
    lent = false;
    return { ...options(canvas), throttle: false };
  };
};

/** Short texts only: the characters and words Lightning wraps by, not whole lines. */
const REMEMBERED_LENGTH = 4;
/** A few screens' worth of characters in a few fonts; past this the memory starts afresh. */
const REMEMBERED_WIDTHS = 4000;

/**
 * Lightning wraps Chinese a character at a time and measures each one on every draw (about
 * five measurements per text on home, each a font shaping). The shared canvas remembers the
 * widths of short texts by font, once the fonts have loaded (a fallback's widths would be
 * wrong later). Lightning reads only the width.
 */
const rememberWidths = (context: CanvasRenderingContext2D): void => {
  const measure = context.measureText.bind(context);
  const widths = new Map<string, number>();
  const fonts = (document as { fonts?: { status: string } }).fonts;
  context.measureText = (text: string): TextMetrics => {
    if (text.length > REMEMBERED_LENGTH || fonts?.status === 'loading') return measure(text);
    const key = `${context.font}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = measure(text).width;
      if (widths.size >= REMEMBERED_WIDTHS) widths.clear();
      widths.set(key, width);
    }
    return { width } as TextMetrics;
  };
};
