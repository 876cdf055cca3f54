/**
 * Black boxes drawn over a receipt photo with a finger, a pen or a mouse (pointer events; the
 * surface takes no scrolling or zooming gestures while drawing). Boxes are kept as fractions of
 * the photo as shown upright, which is how the service burns them into its pixels; what the
 * page draws here is only a guide, never what is published.
 */
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../context';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smaller than this (a tap, not a drag) draws nothing. */
const MIN_SIZE = 0.01;

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export const Redactor = (props: { photo: string; boxes: Box[]; onChange: (boxes: Box[]) => void }) => {
  const { t } = useConsole();
  const surface = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number; pointer: number } | null>(null);
  const [drawing, setDrawing] = useState<Box | null>(null);
  const at = (event: PointerEvent) => {
    const rect = surface.current!.getBoundingClientRect();
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  };
  const boxTo = (from: { x: number; y: number }, to: { x: number; y: number }): Box => ({
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
    if (box.width >= MIN_SIZE && box.height >= MIN_SIZE) props.onChange([...props.boxes, box]);
  };
  const cancel = () => {
    setStart(null);
    setDrawing(null);
  };
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
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={cancel}
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
