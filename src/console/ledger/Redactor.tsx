/**
 * Black boxes drawn over a receipt photo with a finger, a pen or a mouse (pointer events; the
 * surface takes no scrolling or zooming gestures while drawing). Boxes are kept as fractions of
 * the photo as shown upright, which is how the service burns them into its pixels; what the
 * page draws here is only a guide, never what is published.
 */
import { useRef } from 'preact/hooks';
import { useDrawnBox, type DrawnBox } from '../components/useDrawnBox';
import { useConsole } from '../context';

/** Smaller than this (a tap, not a drag) draws nothing. */
const MIN_SIZE = 0.01;

export const Redactor = (props: { photo: string; boxes: DrawnBox[]; onChange: (boxes: DrawnBox[]) => void }) => {
  const { t } = useConsole();
  const surface = useRef<HTMLDivElement>(null);
  const { drawing, handlers } = useDrawnBox(surface, MIN_SIZE, (box) => props.onChange([...props.boxes, box]));
  const shown = drawing ? [...props.boxes, drawing] : props.boxes;
  return (
    <div class="redaction">
      <p class="note" id="redactor-help">
        {t('ledger.redactHelp')}
      </p>
      <div
        class="redactor"
        ref={surface}
        role="img"
        aria-label={t('ledger.redactSurface', { count: props.boxes.length })}
        aria-describedby="redactor-help"
        {...handlers}
      >
        <img src={props.photo} alt="" draggable={false} />
        {shown.map((box, i) => (
          <div
            key={i}
            class="redaction-box"
            style={{
              left: `${box.x * 100}%`,
              top: `${box.y * 100}%`,
              width: `${box.width * 100}%`,
              height: `${box.height * 100}%`,
            }}
          />
        ))}
      </div>
      <p>
        <button
          type="button"
          disabled={props.boxes.length === 0}
          onClick={() => props.onChange(props.boxes.slice(0, -1))}
        >
          {t('ledger.undoBox')}
        </button>
        <button type="button" disabled={props.boxes.length === 0} onClick={() => props.onChange([])}>
          {t('ledger.clearBoxes')}
        </button>
      </p>
    </div>
  );
};
