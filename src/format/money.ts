import nzhcn from 'nzh/cn';

/** Money is integer fen in the feed and always shown as ¥ with two decimals. */
export const formatFen = (fen: number): string => {
  if (!Number.isInteger(fen)) throw new TypeError(`amount must be integer fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
};

/** ¥330.30 → 叁佰叁拾元叁角整, as written on receipts and vouchers (大写). */
export const amountInWords = (fen: number): string => {
  const text = `${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
  return (fen < 0 ? '负' : '') + nzhcn.toMoney(text, { outSymbol: false, forceZheng: true });
};
