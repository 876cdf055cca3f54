/**
 * What the box says: the focused item as the focus moves (when read-aloud is on), and the
 * whole item or page on the read key (whether or not it is on).
 */
import type { Lightning } from '@lightningjs/sdk';
import { isReadable, isSpeakable, textsOf } from './readScreen';
import type { Speaker, Utterance } from './speaker';
import { speechOn } from './state';

/** The element that took the focus, in its own words if it has them, else its visible texts. */
export const sayFocused = (speaker: Speaker, focused: Lightning.Component | undefined): void => {
  if (!speechOn() || !focused) return;
  const utterance: Utterance = isSpeakable(focused) ? focused.speech() : { text: textsOf(focused).join('，') };
  void speaker.say(utterance);
};

/** The page on screen, read whole; its chrome (crumbs and hints) is left out. */
export const readPage = (speaker: Speaker, page: Lightning.Component): void => {
  const utterance: Utterance = isReadable(page)
    ? page.readAll()
    : { text: textsOf(page, (node) => node.ref === 'Chrome').join('，') };
  void speaker.say(utterance);
};
