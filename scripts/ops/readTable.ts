/**
 * Reading an ops import file from disk: an .xlsx workbook (first worksheet, read with
 * read-excel-file's `/universal` entry, the same parser the member import uses) or CSV text in
 * UTF-8 or GB18030 (what Excel on Chinese Windows writes for 「CSV（逗号分隔）」), parsed with
 * shared/member/csv.ts. Either way: records of spreadsheet row + cells as text (+ how a
 * workbook stored each cell), for the template rules in ./unionTemplate.ts.
 *
 * The byte-level helpers (text decoding, zip-size guard, Excel's number text) are the member
 * import's (cloudfunctions/member/lib/importFile.ts); only the limits differ: a city's union
 * list is far larger than a 2,000-row member list.
 */
import { readFile, stat } from 'node:fs/promises';
import { readSheet } from 'read-excel-file/universal';
import { CsvError, parseCsv } from '../../shared/member/csv';
import { cellText, decodeText, zipUnpackedSize, type NumberCell } from '../../cloudfunctions/member/lib/importFile';
import type { TableRecord } from './unionTemplate';

export const MAX_TABLE_FILE_BYTES = 50_000_000;
const MAX_XLSX_UNPACKED_BYTES = 500_000_000;

export type TableFormat = 'xlsx' | 'csv-utf8' | 'csv-gb18030';
export type ReadTable = { ok: true; format: TableFormat; records: TableRecord[] } | { ok: false; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

export async function readTableFile(path: string): Promise<ReadTable> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return { ok: false, reason: `找不到文件：${path}` };
  }
  if (size > MAX_TABLE_FILE_BYTES) return { ok: false, reason: `文件过大：最多 ${MAX_TABLE_FILE_BYTES / 1_000_000} MB` };
  return readTableBytes(path, new Uint8Array(await readFile(path)));
}

/** Bytes → records: an .xlsx by its zip signature, otherwise CSV text (UTF-8, else GB18030). */
export async function readTableBytes(name: string, bytes: Uint8Array): Promise<ReadTable> {
  if (bytes.length === 0) return { ok: false, reason: '文件是空的' };
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) {
    return {
      ok: false,
      reason: /\.xlsx$/i.test(name)
        ? '该 Excel 文件设置了打开密码，请取消密码后再导入'
        : '不支持 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV',
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, reason: '文件不是 UTF-8 编码：请在 Excel 中另存为 .xlsx 或「CSV UTF-8（逗号分隔）」' };
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.test(decoded.text)) {
    return { ok: false, reason: '无法识别文件内容：请使用工会组织导入模板，Excel 文件（.xlsx）或 CSV 文件' };
  }
  try {
    return { ok: true, format: decoded.format, records: parseCsv(decoded.text) };
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, reason: `文件格式有误，${e.message}` };
    throw e;
  }
}

async function readXlsx(bytes: Uint8Array): Promise<ReadTable> {
  const unreadable = { ok: false as const, reason: '无法读取该 Excel 文件：请在 Excel 中打开后另存为 .xlsx 或 CSV' };
  const size = zipUnpackedSize(bytes);
  if (!size) return unreadable;
  if (size.bytes > MAX_XLSX_UNPACKED_BYTES)
    return { ok: false, reason: '该 Excel 文件内容过多：请只保留工会名单这一张工作表，或另存为 CSV' };
  let rows: unknown[][];
  try {
    const input = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = (await readSheet<NumberCell>(input, 1, { parseNumber: (stored) => ({ stored }) })) as unknown[][];
  } catch {
    return unreadable;
  }
  const records: TableRecord[] = [];
  rows.forEach((cells, i) => {
    if (!cells.some((c) => c !== null && c !== undefined && c !== '')) return;
    const converted = cells.map(cellText);
    records.push({ row: i + 1, fields: converted.map((c) => c.text), kinds: converted.map((c) => c.kind) });
  });
  if (records.length === 0) return { ok: false, reason: '第一个工作表是空的：请把工会名单放在第一个工作表' };
  return { ok: true, format: 'xlsx', records };
}
