/**
 * Personal numbers are never published whole (a 2023 procuratorate order made
 * notice boards fix exactly this). Masks keep only what identifies without exposing.
 */

/** 370703199001011234 → 3707**********1234 */
export const maskIdNumber = (id: string): string => {
  const clean = id.replace(/\s/g, '');
  return `${clean.slice(0, 4)}${'*'.repeat(Math.max(clean.length - 8, 3))}${clean.slice(-4)}`;
};

/** 13812345678 → 138****5678 */
export const maskMobile = (phone: string): string => {
  const clean = phone.replace(/\D/g, '');
  return `${clean.slice(0, 3)}****${clean.slice(-4)}`;
};

/** 6228480012345678901 → ****8901 */
export const maskBankCard = (card: string): string => `****${card.replace(/\D/g, '').slice(-4)}`;

/** 王建国 → 王*国, 李强 → 李*; names on public rosters keep the family name. */
export const maskName = (name: string): string => {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
};
