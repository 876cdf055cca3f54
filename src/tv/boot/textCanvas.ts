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
  // Lightning reads each drawn text back (getImageData) before uploading it: keep it in memory.
  shared.getContext('2d', { willReadFrequently: true });
  let lent = false;
  const fresh = platform.getDrawingCanvas.bind(platform);
  const options = platform.getTextureOptionsForDrawingCanvas.bind(platform);
  platform.getDrawingCanvas = () => {
    if (lent) return fresh();
    lent = true;
    return shared;
  };
  // Called right before the upload, which copies the pixels: the canvas is free again.
  platform.getTextureOptionsForDrawingCanvas = (canvas) => {
    if (canvas === shared) lent = false;
    return options(canvas);
  };
};
