/** Where each public feed file lives under the feed root (its logical path). */
export const feedPaths = {
  district: () => 'district.json',
  street: (code: string) => `streets/${code}.json`,
  streetIndex: (code: string) => `streets/${code}/index.json`,
  village: (code: string) => `villages/${code}.json`,
  villageIndex: (code: string) => `villages/${code}/index.json`,
  ledgerMonth: (village: string, month: string) => `villages/${village}/ledger/${month}.json`,
};

export const MANIFEST_FILE = 'manifest.json';
export const OBJECTS_DIR = 'objects';

/** Where a file's bytes live under the feed root: named by their hash, so never rewritten. */
export const objectPath = (sha256: string): string => `${OBJECTS_DIR}/${sha256}.json`;
