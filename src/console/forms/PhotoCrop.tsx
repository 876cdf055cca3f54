/**
 * One rectangle drawn over a photo with a finger, a pen or a mouse: the part to keep. The page
 * shows the photo upright (as browsers do, by its EXIF) and keeps the rectangle in fractions of
 * it, which is how the service cuts it (media.ts); nothing is cropped in the browser. Without a
 * rectangle the whole photo is kept. The keyboard may use the "whole photo" and "centre square"
 * buttons instead of drawing.
 */
import { useRef } from 'preact/hooks';
import { useDrawnBox } from '../components/useDrawnBox';
import { useConsole } from '../context';
import type { CropBox } from './upload';

const MIN_SIZE = 0.02;

export const PhotoCrop = (props: { photo: string; crop: CropBox | null; onChange: (crop: CropBox | null) => void }) => {
  const { t } = useConsole();
  const surface = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const { drawing, handlers } = useDrawnBox(surface, MIN_SIZE, props.onChange);
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
        {...handlers}
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
