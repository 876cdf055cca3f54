import { inflateRawSync } from 'node:zlib';

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
  /** 0 stored, 8 deflated (the only two .xlsx writers use). */
  method: number;
  compressedBytes: number;
  /** As the directory declares it: a crafted file can lie (inflatedOverLimit checks the real size). */
  inflatedBytes: number;
  /** Where the entry's local header starts. */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

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
      method: view.getUint16(offset + 10, true),
      compressedBytes: view.getUint32(offset + 20, true),
      offset: view.getUint32(offset + 42, true),
      inflatedBytes: view.getUint32(offset + 24, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
};

type Over = { limit: 'zipEntries' | 'inflatedBytes' | 'inflationRatio' | 'unreadable'; entry?: string };

/** Past a few kilobytes, a part may inflate to at most this (small parts compress little or not at all). */
const ratioCap = (entry: ZipEntry) =>
  Math.max(64 * 1024, IMPORT_LIMITS.inflationRatio * Math.max(1, entry.compressedBytes));

/** The first cap an .xlsx's declared parts break, if any. */
export const xlsxOverLimit = (entries: ZipEntry[]): Over | null => {
  if (entries.length > IMPORT_LIMITS.zipEntries) return { limit: 'zipEntries' };
  const total = entries.reduce((sum, e) => sum + e.inflatedBytes, 0);
  if (total > IMPORT_LIMITS.inflatedBytes) return { limit: 'inflatedBytes' };
  const bomb = entries.find((e) => e.inflatedBytes > ratioCap(e));
  return bomb ? { limit: 'inflationRatio', entry: bomb.name } : null;
};

/**
 * The first cap an .xlsx's parts break when really inflated, if any. The directory's sizes are
 * the writer's word: each part is inflated here with a hard ceiling on its output (the rest of
 * the total, or its ratio cap), so that a part declaring a few bytes and inflating to gigabytes
 * stops at the ceiling, before ExcelJS inflates anything.
 */
export const inflatedOverLimit = (bytes: Uint8Array, entries: ZipEntry[]): Over | null => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = IMPORT_LIMITS.inflatedBytes;
  for (const entry of entries) {
    if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL_ENTRY)
      return { limit: 'unreadable', entry: entry.name };
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const data = bytes.subarray(start, start + entry.compressedBytes);
    const cap = Math.min(left, ratioCap(entry));
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).length;
      } catch (error) {
        if (!(error instanceof RangeError)) return { limit: 'unreadable', entry: entry.name };
        size = cap + 1;
      }
    } else return { limit: 'unreadable', entry: entry.name };
    if (size > cap) return { limit: cap === left ? 'inflatedBytes' : 'inflationRatio', entry: entry.name };
    left -= size;
  }
  return null;
};
