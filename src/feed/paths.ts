/** Where each public feed file lives under the feed root. */
export const feedPaths = {
  district: () => 'district.json',
  street: (code: string) => `streets/${code}.json`,
  village: (code: string) => `villages/${code}.json`,
  ledgerMonth: (village: string, month: string) => `villages/${village}/ledger/${month}.json`,
};
