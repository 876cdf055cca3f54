/**
 * A rectangle drawn over an image with a finger, a pen or a mouse (pointer events, one pointer at
 * a time), in fractions of the surface: the crop of a photo, a black box over a receipt. It hands
 * over each finished rectangle; a tap smaller than `minSize` draws nothing.
 */
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';

/** A rectangle in fractions of the surface's width and height. */
export interface DrawnBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Point = { x: number; y: number };

const clamp = (value: number) => Math.min(1, Math.max(0, value));

const boxBetween = (from: Point, to: Point): DrawnBox => ({
  x: Math.min(from.x, to.x),
  y: Math.min(from.y, to.y),
  width: Math.abs(to.x - from.x),
  height: Math.abs(to.y - from.y),
});

export const useDrawnBox = (
  surface: RefObject<HTMLDivElement | null>,
  minSize: number,
  onDrawn: (box: DrawnBox) => void,
) => {
  const [start, setStart] = useState<(Point & { pointer: number }) | null>(null);
  const [drawing, setDrawing] = useState<DrawnBox | null>(null);
  const at = (event: PointerEvent): Point => {
    const rect = surface.current!.getBoundingClientRect();
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  };
  const stop = () => {
    setStart(null);
    setDrawing(null);
  };
  const handlers = {
    onPointerDown: (event: PointerEvent) => {
      if (start) return;
      event.preventDefault();
      surface.current!.setPointerCapture(event.pointerId);
      const point = at(event);
      setStart({ ...point, pointer: event.pointerId });
      setDrawing({ ...point, width: 0, height: 0 });
    },
    onPointerMove: (event: PointerEvent) => {
      if (start?.pointer === event.pointerId) setDrawing(boxBetween(start, at(event)));
    },
    onPointerUp: (event: PointerEvent) => {
      if (start?.pointer !== event.pointerId) return;
      const box = boxBetween(start, at(event));
      stop();
      if (box.width >= minSize && box.height >= minSize) onDrawn(box);
    },
    onPointerCancel: stop,
  };
  /** The rectangle under the pointer while it is drawn, and the handlers the surface takes. */
  return { drawing, handlers };
};
