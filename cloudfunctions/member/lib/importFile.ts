/**
 * Server-side reading of an uploaded import file (`member.adminImport { file: { name, base64 } }`):
 * an .xlsx workbook (first worksheet) or CSV text in UTF-8 or GB18030 (what Excel on Chinese
 * Windows writes for 「CSV（逗号分隔）」). Either way the result is records (spreadsheet row +
 * cells as text) for the one set of template rules in shared/member/importTemplate.ts.
 *
 * Server only: the xlsx parser (read-excel-file, with fflate) stays out of the mini-program.
 * Reasons are Chinese, for the admin, and never quote a cell.
 */
import { readSheet } from 'read-excel-file/universal';
import {
  IMPORT_TOO_LARGE,
  MAX_IMPORT_BYTES,
  parseImportRecords,
  readImportCsv,
  type CellKind,
  type ImportRecord,
  type ParsedImport,
} from '../../../shared/member/importTemplate';

export type FileFormat = 'xlsx' | 'csv-utf8' | 'csv-gb18030';

export type ReadFile = { ok: true; format: FileFormat; records: ImportRecord[] } | { ok: false; reason: string };

/** A workbook may unpack to at most this many bytes (its XML), whatever the zip's size. */
export const MAX_XLSX_UNPACKED_BYTES = 30_000_000;
const MAX_XLSX_ENTRIES = 1000;

const NOT_READABLE = '无法识别文件内容：请上传会员导入模板，Excel 文件（.xlsx）或 CSV 文件';
const XLSX_NOT_READABLE = '无法读取该 Excel 文件：请在 Excel 中打开后另存为 .xlsx 或 CSV 再上传';
const XLS_NOT_SUPPORTED = '暂不支持 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV';
const XLSX_ENCRYPTED = '该 Excel 文件设置了打开密码，请取消密码后重新上传';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: old .xls (and .doc), and also a password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Decode an upload and apply the template rules; `format` says what the bytes were read as. */
export async function parseImportFile(
  file: { name: string; base64: string },
  today: string,
): Promise<{ parsed: ParsedImport; format: FileFormat | null }> {
  const read = await readImportFile(file.name, Buffer.from(file.base64, 'base64'));
  if (!read.ok) return { parsed: read, format: null };
  return { parsed: parseImportRecords(read.records, today), format: read.format };
}

/** Bytes → records: an .xlsx by its zip signature, otherwise CSV text (UTF-8, else GB18030). */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) return { ok: false, reason: '文件是空的' };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, reason: IMPORT_TOO_LARGE };
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) return { ok: false, reason: /\.xlsx$/i.test(name.trim()) ? XLSX_ENCRYPTED : XLS_NOT_SUPPORTED };
  return readText(bytes);
}

// ---------------------------------------------------------------------------------------------
// CSV text

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; format: FileFormat } | null {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), format: 'csv-utf8' };
  } catch {
    // not UTF-8
  }
  try {
    return { text: new TextDecoder('gb18030').decode(bytes), format: 'csv-gb18030' };
  } catch {
    return null; // a Node.js built without ICU data has no GB18030 decoder
  }
}

function readText(bytes: Uint8Array): ReadFile {
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, reason: '文件不是 UTF-8 编码：请在 Excel 中另存为 .xlsx 或「CSV UTF-8（逗号分隔）」' };
  // Control characters or undecodable bytes: not a text file (an image, a PDF, UTF-16 text…).
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.test(decoded.text)) return { ok: false, reason: NOT_READABLE };
  const csv = readImportCsv(decoded.text);
  return csv.ok ? { ok: true, format: decoded.format, records: csv.records } : csv;
}

// ---------------------------------------------------------------------------------------------
// .xlsx

/**
 * The sizes the zip's central directory declares (what the unzipper allocates and inflates
 * into). A small zip can unpack to gigabytes; this refuses that before anything is inflated.
 * Null when the directory cannot be read (the parser will then refuse the file too).
 */
export function zipUnpackedSize(bytes: Uint8Array): { entries: number; bytes: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes + a comment of up to 65535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return { entries, bytes: Infinity }; // zip64: far beyond any member list
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, bytes: total };
}

/** A numeric cell's stored text (e.g. "13800138000", "3.30206199003010E+17") as plain digits. */
export function numberText(raw: string): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/.exec(raw.trim());
  if (!m) return raw.trim();
  const [, sign, int, frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  let text: string;
  if (point <= 0) text = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = digits.slice(0, point) + '.' + digits.slice(point);
  text = text.replace(/^0+(?=\d)/, '');
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return (sign && /[1-9]/.test(text) ? '-' : '') + text;
}

/** How read-excel-file hands over a numeric cell when given `parseNumber`: its stored text, untouched. */
export interface NumberCell {
  stored: string;
}

/** A cell from read-excel-file (with `parseNumber: (stored) => ({ stored })`) as the text Excel shows, and what it was. */
export function cellText(value: unknown): { text: string; kind: CellKind } {
  if (value === null || value === undefined) return { text: '', kind: 'text' };
  if (typeof value === 'string') return { text: value, kind: 'text' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'text' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), kind: 'date' };
  if (typeof value === 'object' && typeof (value as NumberCell).stored === 'string')
    return { text: numberText((value as NumberCell).stored), kind: 'number' };
  return { text: String(value), kind: 'text' };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  const size = zipUnpackedSize(bytes);
  if (!size) return { ok: false, reason: XLSX_NOT_READABLE };
  if (size.entries > MAX_XLSX_ENTRIES || size.bytes > MAX_XLSX_UNPACKED_BYTES) {
    return { ok: false, reason: '该 Excel 文件内容过多：请只保留会员名单这一张工作表后重新上传' };
  }
  let rows: unknown[][];
  try {
    // A copy of exactly these bytes (a Node Buffer may sit in a larger shared pool).
    const input = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = (await readSheet<NumberCell>(input, 1, { parseNumber: (stored) => ({ stored }) })) as unknown[][];
  } catch {
    return { ok: false, reason: XLSX_NOT_READABLE };
  }
  // rows[i] is spreadsheet row i + 1 (the parser keeps leading and inner empty rows).
  const records: ImportRecord[] = [];
  rows.forEach((cells, i) => {
    if (!cells.some((c) => c !== null && c !== undefined && c !== '')) return;
    const converted = cells.map(cellText);
    records.push({ row: i + 1, fields: converted.map((c) => c.text), kinds: converted.map((c) => c.kind) });
  });
  if (records.length === 0) return { ok: false, reason: '第一个工作表是空的：请把会员名单放在第一个工作表' };
  return { ok: true, format: 'xlsx', records };
}
