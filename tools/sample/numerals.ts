/** Amounts in capital Chinese numerals (大写), as written on invoices and receipts. */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

const digit = (d: number): string => DIGITS.charAt(d);

/** 10050 → 壹万零伍拾 */
const integerWords = (n: number): string => {
  const s = String(n);
  let out = '';
  let zeroPending = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const pos = s.length - 1 - i;
    if (d === 0) zeroPending = true;
    else {
      if (zeroPending && out) out += '零';
      zeroPending = false;
      out += digit(d) + UNITS[pos % 4];
    }
    const group = Math.floor(pos / 4);
    if (pos % 4 === 0 && group > 0 && Number(s.slice(Math.max(0, i - 3), i + 1)) > 0) out += GROUPS[group];
  }
  return out;
};

/** 33030 fen → 叁佰叁拾圆叁角整; `yuan` is 圆 on VAT invoices, 元 elsewhere. */
export const amountInWords = (fen: number, yuan: '元' | '圆' = '元'): string => {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = whole > 0 ? integerWords(whole) + yuan : '';
  if (jiao === 0 && cents === 0) return (out || `零${yuan}`) + '整';
  if (jiao > 0) out += `${digit(jiao)}角`;
  else if (whole > 0) out += '零';
  out += cents > 0 ? `${digit(cents)}分` : '整';
  return out;
};

/** 33030 fen → 330.30, for lines printed on paper (no ¥, no separators). */
export const plainYuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
