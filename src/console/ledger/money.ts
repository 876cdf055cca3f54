/** Fen as the clerk's books write money: ¥30,113.47 (from integer fen, so nothing is rounded away). */
export const formatFen = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(fen) / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
};
