/**
 * Finds personal numbers (mainland ID numbers, mobile numbers, bank cards) however they
 * are written: full-width digits, spaces of any kind, hyphens, dots, invisible characters,
 * +86 or 0086 in front. Used by the feed service on every push and by the tests on the
 * committed sample; the box never runs it.
 */

export type PersonalNumberKind = 'id' | 'mobile' | 'bank';

export interface PersonalNumber {
  kind: PersonalNumberKind;
  /** The digits found, without separators. */
  match: string;
}

/** Zero-width and direction characters, soft hyphen, word joiner, BOM: invisible on screen. */
const INVISIBLE =
  // The class lists lone combining and filler code points on purpose: each is stripped by itself.
  // eslint-disable-next-line no-misleading-character-class
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
/** What people put between digit groups (after NFKC: every space is U+0020, full-width hyphens are ASCII). */
const SEPARATOR = '[ \\t\\-.\\u2010-\\u2015\\u2212\\u30fb\\u00b7_]';
/** Digit groups joined by at most one separator each; an ID may end in X. */
const DIGIT_RUN = new RegExp(`\\+?[0-9]+(?:${SEPARATOR}{1,2}[0-9]+)*[Xx]?`, 'g');
const GROUP = /[0-9]+[Xx]?/g;

/** NFKC (full-width → ASCII, every odd space → a space), without the invisible characters. */
export const normaliseDigits = (text: string): string => text.normalize('NFKC').replace(INVISIBLE, '');

const isRealDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** The first two digits of every mainland, Hong Kong, Macao and Taiwan ID's area code (GB/T 2260). */
const PROVINCE = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3]|91)/;

/**
 * An 18-character ID: a province's area code and a real birth date (1900 on). The check
 * character is not required: a mistyped ID still names a person.
 */
export const isIdNumber18 = (id: string): boolean =>
  /^[0-9]{17}[0-9Xx]$/.test(id) &&
  PROVINCE.test(id) &&
  Number(id.slice(6, 10)) >= 1900 &&
  isRealDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));

/** The 15-digit ID issued before 1999: area code, YYMMDD (19YY), three digits; no check digit. */
export const isIdNumber15 = (id: string): boolean =>
  /^[0-9]{15}$/.test(id) &&
  PROVINCE.test(id) &&
  isRealDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));

/** Mobile numbers of the mainland: 1[3-9] and nine digits. */
export const isMobile = (digits: string): boolean => /^1[3-9][0-9]{9}$/.test(digits);

/** The Luhn (mod 10) check of card numbers. */
const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};

/**
 * A 16–19 digit card number: any whose Luhn check holds, and every UnionPay number (62…),
 * since some Chinese banks' debit cards do not follow Luhn.
 */
export const isBankCard = (digits: string): boolean =>
  /^[1-9][0-9]{15,18}$/.test(digits) && (digits.startsWith('62') || luhn(digits));

/** What a run of digits (separators removed) is, if it is a personal number. */
const classify = (digits: string): PersonalNumberKind | null => {
  // 138…, and +86 138…, 0086 138…, 86 138… (the + is not a digit).
  if (isMobile(digits.replace(/^(?:0086|86)(?=1[3-9][0-9]{9}$)/, ''))) return 'mobile';
  if (digits.length === 18 && isIdNumber18(digits)) return 'id';
  if (digits.length === 15 && isIdNumber15(digits)) return 'id';
  if (isBankCard(digits)) return 'bank';
  return null;
};

/**
 * The first personal number in a text, if any. Digits in groups (138 1234 5678,
 * 6228-4800-1234-5678-901) are tried group by group, so a number next to a date or an
 * amount is still found, and a date next to an amount is not taken for one.
 */
export const findUnmaskedNumber = (text: string): PersonalNumber | null => {
  const normal = normaliseDigits(text);
  for (const found of normal.matchAll(DIGIT_RUN)) {
    const run = found[0];
    // Digits glued to a Latin letter belong to an identifier (v370703001002-202609-0001):
    // each group there is taken alone.
    const identifier = /[A-Za-z]/.test(normal.charAt(found.index - 1));
    const groups = run.match(GROUP) ?? [];
    for (let first = 0; first < groups.length; first++) {
      let digits = '';
      for (let last = first; last < (identifier ? first + 1 : groups.length) && digits.length < 19; last++) {
        // People group these numbers in threes and fours (138 1234 5678); a group of one or
        // two digits joins only as the country code, else ids like s370703001000-8-2026-08 match.
        const short = groups[last]!.length < 3 && !(last === first && /^(86|0086)$/.test(groups[last]!));
        if (short && !identifier && (last > first || groups.length > 1)) break;
        digits += groups[last];
        // A group ending in X can only close an ID.
        if (/[Xx]$/.test(digits) && last < groups.length - 1) break;
        const kind = classify(digits);
        if (kind) return { kind, match: digits };
      }
    }
  }
  return null;
};

/**
 * What a value in a `masked` table column must look like: a name with only its family
 * name (and last character) shown, 王*国 or 李*; or a number with at most four characters
 * shown at each end, 3707**********1234, 138****5678, ****8901.
 */
export const isMaskedValue = (value: string): boolean =>
  /^[\p{Script=Han}]{1,2}\*{1,3}[\p{Script=Han}]?$/u.test(value) ||
  /^[0-9A-Za-z]{0,4}\*{3,}[0-9A-Za-z]{0,4}$/.test(value);

/**
 * Where a whole mobile number may be published: an official's duty phone and a service
 * contact's work number are public by nature (domain rules), each in its item's `phone`
 * field (the feed's WorkPhone). Anywhere else, in the same item too, a mobile is personal.
 */
export const isPublicWorkPhoneField = (kind: string, path: string): boolean =>
  (kind === 'people' || kind === 'contacts') && path === '/phone';
