/**
 * One rectangle drawn over a photo with a finger, a pen or a mouse: the part to keep. The page
 * shows the photo upright (as browsers do, by its EXIF) and keeps the rectangle in fractions of
 * it, which is how the service cuts it (media.ts); nothing is cropped in the browser. Without a
 * rectangle the whole photo is kept. The keyboard may use the "whole photo" and "centre square"
 * buttons instead of drawing.
 */
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../context';
import type { CropBox } from './upload';

const MIN_SIZE = 0.02;
const clamp = (value: number) => Math.min(1, Math.max(0, value));

export const PhotoCrop = (props: { photo: string; crop: CropBox | null; onChange: (crop: CropBox | null) => void }) => {
  const { t } = useConsole();
  const surface = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const [start, setStart] = useState<{ x: number; y: number; pointer: number } | null>(null);
  const [drawing, setDrawing] = useState<CropBox | null>(null);
  const at = (event: PointerEvent) => {
    const rect = surface.current!.getBoundingClientRect();
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  };
  const boxTo = (from: { x: number; y: number }, to: { x: number; y: number }): CropBox => ({
    x: Math.min(from.x, to.x),
    y: Math.min(from.y, to.y),
    width: Math.abs(to.x - from.x),
    height: Math.abs(to.y - from.y),
  });
  const down = (event: PointerEvent) => {
    if (start) return;
    event.preventDefault();
    surface.current!.setPointerCapture(event.pointerId);
    const point = at(event);
    setStart({ ...point, pointer: event.pointerId });
    setDrawing({ ...point, width: 0, height: 0 });
  };
  const move = (event: PointerEvent) => {
    if (start?.pointer === event.pointerId) setDrawing(boxTo(start, at(event)));
  };
  const up = (event: PointerEvent) => {
    if (start?.pointer !== event.pointerId) return;
    const box = boxTo(start, at(event));
    setStart(null);
    setDrawing(null);
    if (box.width >= MIN_SIZE && box.height >= MIN_SIZE) props.onChange(box);
  };
  /** The largest centred square, in fractions of the photo as shown. */
  const centreSquare = () => {
    const { naturalWidth: w, naturalHeight: h } = image.current!;
    const side = Math.min(w, h);
    props.onChange({ x: (w - side) / 2 / w, y: (h - side) / 2 / h, width: side / w, height: side / h });
  };
  const shown = drawing ?? props.crop;
  return (
    <div class="photo-crop">
      <p class="note" id="crop-help">
        {t('form.cropHelp')}
      </p>
      <div
        class="redactor"
        ref={surface}
        role="img"
        aria-label={props.crop ? t('form.cropDrawn') : t('form.cropWhole')}
        aria-describedby="crop-help"
        data-testid="crop-surface"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={() => (setStart(null), setDrawing(null))}
      >
        <img ref={image} src={props.photo} alt="" draggable={false} />
        {shown && (
          <div
            class="crop-box"
            style={{
              left: `${shown.x * 100}%`,
              top: `${shown.y * 100}%`,
              width: `${shown.width * 100}%`,
              height: `${shown.height * 100}%`,
            }}
          />
        )}
      </div>
      <p>
        <button type="button" onClick={centreSquare}>
          {t('form.cropSquare')}
        </button>
        <button type="button" disabled={!props.crop} onClick={() => props.onChange(null)}>
          {t('form.cropClear')}
        </button>
      </p>
    </div>
  );
};
