/**
 * Number keys as on a TV's channel list. A digit up to the number of sections (1-4) alone
 * chooses a section of home, a higher one alone opens that sub-channel, two digits (01 to the
 * last sub-channel, 25) open a sub-channel, 0 alone returns home. Entry ends after a pause,
 * or at once when no further digit could make a valid number.
 */
import { CHANNEL_COUNT, SECTIONS } from '../feed/taxonomy';

export type ChannelJump =
  { to: 'home' } | { to: 'section'; index: number } | { to: 'channel'; id: number } | { to: 'nothing'; number: number };

/** Pause after which a one-digit entry is taken as it is. */
export const ENTRY_PAUSE_MS = 1500;

/** Whether typing may go on: a second digit could still make a sub-channel's number. */
export const expectsMore = (digits: string): boolean => digits.length === 1 && Number(digits) * 10 <= CHANNEL_COUNT;

export const resolveDigits = (digits: string): ChannelJump => {
  const number = Number(digits);
  if (number === 0) return { to: 'home' };
  if (digits.length === 1 && number <= SECTIONS.length) return { to: 'section', index: number - 1 };
  if (number <= CHANNEL_COUNT) return { to: 'channel', id: number };
  return { to: 'nothing', number };
};

/** The digit a key press stands for: the top row (48-57) or the numpad (96-105). */
export const digitOf = (event: KeyboardEvent): string | null => {
  const code = event.keyCode;
  if (code >= 48 && code <= 57) return String(code - 48);
  if (code >= 96 && code <= 105) return String(code - 96);
  return null;
};
