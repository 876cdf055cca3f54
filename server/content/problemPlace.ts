/** Where an operator looks for a problem: in a ledger month, the voucher by its number (记-0042); else the item. */
export const problemPlace = (body: unknown, itemLabel: string, path: string): { item: string; field: string } => {
  const m = /^\/vouchers\/(\d+)(\/.*)?$/.exec(path);
  const vouchers = (body as { vouchers?: { number?: unknown }[] }).vouchers;
  if (m && vouchers) {
    const number = vouchers[Number(m[1])]?.number;
    return { item: typeof number === 'string' ? number : `${itemLabel} 第${Number(m[1]) + 1}笔`, field: m[2] ?? '/' };
  }
  return { item: itemLabel, field: path };
};
