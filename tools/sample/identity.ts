/**
 * Personal numbers of invented people, made whole so the masking is real, and only ever
 * published through the masks of src/format/mask.ts.
 */
import type { Rng } from './prng';

/** An 18-digit resident ID, born in Hanting, with a valid check digit. */
export const residentId = (rng: Rng): string => {
  const birth = `${rng.int(1940, 2005)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `370703${birth}${String(rng.int(0, 999)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = Array.from(body).reduce((s, ch, i) => s + Number(ch) * (weights[i] ?? 0), 0);
  return body + '10X98765432'.charAt(sum % 11);
};

export const mobileNumber = (rng: Rng): string =>
  `1${rng.pick(['3', '5', '8'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

/**
 * An official's duty mobile, published whole as the feed's WorkPhone. It starts 140, a
 * data-only prefix whose numbers have 13 digits, so an 11-digit 140… rings no one: the
 * sample shows a whole mobile without publishing anybody's. Draws what mobileNumber draws.
 */
export const dutyMobile = (rng: Rng): string => `140${mobileNumber(rng).slice(3)}`;

/** A 19-digit social-security bank card number (62...). */
export const bankCard = (rng: Rng): string =>
  `6217${String(rng.int(0, 999_999_999)).padStart(9, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
