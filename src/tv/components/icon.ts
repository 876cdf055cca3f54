/** An icon texture (see icons.ts) as an element of `size` px, tinted `color`. */
import { Utils } from '@lightningjs/sdk';

export const icon = (file: string, size: number, color: number) => ({
  src: Utils.asset(file),
  w: size,
  h: size,
  color,
});
