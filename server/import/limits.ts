/**
 * How big a ledger file may be. A village's month is at most a few hundred vouchers on one
 * sheet of a dozen or two columns; the caps leave ample room for that and refuse, before any
 * real work, files that would hold the importer for minutes or take gigabytes.
 */
export const IMPORT_LIMITS = {
  /** The file as it is on disk (CSV or .xlsx). */
  fileBytes: 20 * 1024 * 1024,
  /** Rows of the sheet, title and total rows included. */
  rows: 20_000,
  /** Columns of the sheet. */
  columns: 200,
  /** What the .xlsx's parts inflate to, all together. */
  inflatedBytes: 100 * 1024 * 1024,
  /** How many times its compressed size one part of an .xlsx may inflate to (XML compresses well, but not a thousandfold). */
  inflationRatio: 200,
  /** Parts in an .xlsx (a workbook of a few sheets has a few dozen). */
  zipEntries: 2_000,
} as const;

export interface ZipEntry {
  name: string;
  compressedBytes: number;
  inflatedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * The entries of a zip's central directory, as it declares them: read before anything is
 * inflated. Null when there is no readable directory (ExcelJS then says the file is broken).
 * Zip64 archives declare 0xFFFFFFFF sizes, which the caps refuse anyway.
 */
export const zipEntries = (bytes: Uint8Array): ZipEntry[] | null => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) return null;
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      compressedBytes: view.getUint32(offset + 20, true),
      inflatedBytes: view.getUint32(offset + 24, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
};

/** The first cap an .xlsx's declared parts break, if any. */
export const xlsxOverLimit = (entries: ZipEntry[]): { limit: 'zipEntries' | 'inflatedBytes' | 'inflationRatio'; entry?: string } | null => {
  if (entries.length > IMPORT_LIMITS.zipEntries) return { limit: 'zipEntries' };
  const total = entries.reduce((sum, e) => sum + e.inflatedBytes, 0);
  if (total > IMPORT_LIMITS.inflatedBytes) return { limit: 'inflatedBytes' };
  // Small parts compress little or not at all: the ratio matters only past a few kilobytes.
  const bomb = entries.find((e) => e.inflatedBytes > 64 * 1024 && e.inflatedBytes > IMPORT_LIMITS.inflationRatio * Math.max(1, e.compressedBytes));
  return bomb ? { limit: 'inflationRatio', entry: bomb.name } : null;
};
