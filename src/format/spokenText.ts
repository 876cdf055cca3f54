/**
 * Screen text → what a speech engine should say. Engines read "¥1,234.50" as digits and
 * "138****5678" as a string of stars, so money becomes words (一千二百三十四元五角), masked
 * numbers say whose number ends how, and the screen's separators become pauses.
 * Pure, so unit-tested without a browser.
 */
import nzhcn from 'nzh/cn';
import { LANGUAGES, type LanguageCode, type MessageKey } from '../i18n';

const word = (language: LanguageCode, key: MessageKey, digits: string) =>
  (LANGUAGES[language][key] ?? '').replace('{digits}', digits);

/** Integer fen → 一千二百三十四元五角 (spoken figures, not the 大写 of vouchers). */
export const spokenFen = (fen: number, language: LanguageCode): string => {
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  if (language === 'en')
    return `${fen < 0 ? 'minus ' : ''}${yuan}${abs % 100 ? `.${String(abs % 100).padStart(2, '0')}` : ''} yuan`;
  const jiao = Math.floor((abs % 100) / 10);
  const fenPart = abs % 10;
  let out = yuan ? `${nzhcn.encodeS(yuan)}元` : '';
  if (jiao) out += `${nzhcn.encodeS(jiao)}角`;
  else if (fenPart && yuan) out += '零';
  if (fenPart) out += `${nzhcn.encodeS(fenPart)}分`;
  return (fen < 0 ? '负' : '') + (out || '零元');
};

const MONEY = /(-?)¥([0-9][0-9,]*)\.([0-9]{2})/g;
const ISO_DATE = /\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b/g;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** 3707**********1234 or 370703********123X: digits, six or more stars, four at the end is an ID number. */
const MASKED_ID = /[0-9]{2,}\*{6,}([0-9]{3}[0-9Xx])/g;
/** 138****5678 */
const MASKED_MOBILE = /1[0-9]{2}\*{4}([0-9]{4})/g;
/** Any other masked number: ****8901, 6228****8901. */
const MASKED_OTHER = /[0-9A-Za-z-]*\*{3,}([0-9A-Za-z]+)/g;
/** A whole mobile (an official's duty phone), not inside a longer run of digits. */
const WHOLE_MOBILE = /(^|[^0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])/g;
/** Chinese reads phone digits one by one, 1 as 幺 so it is not heard as 七. */
const PHONE_DIGITS_ZH = '零幺二三四五六七八九';
/** 13812345678 → 幺三八，一二三四… digit by digit in groups, never as one big number. */
const spokenPhone = (groups: string[], en: boolean): string =>
  groups
    .map((g) => (en ? g.split('').join(' ') : g.replace(/[0-9]/g, (d) => PHONE_DIGITS_ZH.charAt(Number(d)))))
    .join(en ? ', ' : '，');
/** 王*国 → 王某国: a masked name is still read as a name. */
const MASKED_NAME = /([\u4e00-\u9fff])\*+/g;
/** Marks that mean a pause on screen: ·, ›, |, brackets round labels. */
const PAUSES = /\s*[·›|｜]\s*|【|】/g;

export const spokenText = (text: string, language: LanguageCode): string => {
  const en = language === 'en';
  return text
    .replace(MONEY, (_, minus: string, yuan: string, cents: string) =>
      spokenFen((minus ? -1 : 1) * (Number(yuan.replace(/,/g, '')) * 100 + Number(cents)), language),
    )
    .replace(ISO_DATE, (whole, y: string, m: string, d: string) =>
      en ? `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}` : `${y}年${Number(m)}月${Number(d)}日`,
    )
    .replace(WHOLE_MOBILE, (_, before: string, ...groups: string[]) => before + spokenPhone(groups.slice(0, 3), en))
    .replace(MASKED_ID, (_, tail: string) => word(language, 'speech.idTail', tail))
    .replace(MASKED_MOBILE, (_, tail: string) => word(language, 'speech.mobileTail', tail))
    .replace(MASKED_OTHER, (_, tail: string) => word(language, 'speech.numberTail', tail))
    .replace(MASKED_NAME, en ? '$1' : '$1某')
    .replace(PAUSES, en ? ', ' : '，')
    .replace(/…/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[，, ]+|[，, ]+$/g, '')
    .trim();
};
