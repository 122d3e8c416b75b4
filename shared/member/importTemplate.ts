/**
 * The bulk-import template (会员批量导入模板) and its row rules. Pure, so the page can check a
 * CSV before sending it and the function applies exactly the same rules.
 *
 * A file is a CSV (UTF-8 here; the function also reads GB18030 and .xlsx workbooks, see
 * cloudfunctions/member/lib/importFile.ts) or a workbook: either way it becomes records — the
 * spreadsheet row number and the cells as text — and `parseImportRecords` applies the rules.
 * First row = the header below, columns in any order. Documented in docs/membership.md.
 */
import { parseCsv, CsvError } from './csv';
import { MAX_IMPORT_BASE64, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './importLimits';
import { checkIdNumber, ID_NUMBER_PROBLEMS } from './idNumber';
import { PHONE_PATTERN, REAL_NAME_PATTERN, normalizeName } from './mask';
import { normalizeTags, tagFromText, type MemberTag } from './tags';

export const IMPORT_COLUMNS = [
  { key: 'realName', header: '姓名', required: true, note: '身份证上的姓名' },
  { key: 'idNumber', header: '身份证号', required: true, note: '18 位，最后一位可为 X' },
  { key: 'phone', header: '手机号', required: false, note: '11 位手机号，可空' },
  { key: 'employer', header: '工作单位', required: false, note: '可空' },
  { key: 'unionCode', header: '所属工会编码', required: false, note: '可不填：不填的行导入到页面上选择的工会（默认您所在的基层工会）' },
  { key: 'tags', header: '标签', required: false, note: '用「、」分隔：一线职工、高危岗位、劳动模范、工伤职工、临近退休、领导干部' },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The template file a union downloads: the header row only (CRLF, as Excel writes it). */
export const IMPORT_TEMPLATE_CSV = '\uFEFF' + IMPORT_COLUMNS.map((c) => c.header).join(',') + '\r\n';

export { MAX_IMPORT_BASE64, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS };
export const IMPORT_TOO_LARGE = `文件过大：最多 ${MAX_IMPORT_BYTES / 1_000_000} MB`;

/**
 * How a workbook stored a cell that is not plain text: `number` cells arrive as the digits the
 * admin typed (an 18-digit number has already lost its last digits in Excel), `date` cells as
 * YYYY-MM-DD. Booleans arrive as their displayed text (TRUE / FALSE), i.e. `text`.
 */
export type CellKind = 'text' | 'number' | 'date';

/** One spreadsheet row from a CSV or a workbook. */
export interface ImportRecord {
  /** The spreadsheet row (header = 1, blank rows counted), as the admin sees it. */
  row: number;
  fields: string[];
  /** Per field; absent (CSV) = all text. */
  kinds?: CellKind[];
}

export interface ImportRow {
  row: number;
  realName: string;
  /** Normalized; the function hashes and masks it and drops it at once. */
  idNumber: string;
  phone: string | null;
  employer: string;
  unionCode: string | null;
  tags: MemberTag[];
}

export interface RowError {
  row: number;
  reason: string;
}

export type ParsedImport = { ok: true; rows: ImportRow[]; errors: RowError[] } | { ok: false; reason: string };

const nameRe = new RegExp(REAL_NAME_PATTERN);
const phoneRe = new RegExp(PHONE_PATTERN);

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function headerIndex(header: string[]): { map: Partial<Record<ImportColumnKey, number>> } | { problem: string } {
  const map: Partial<Record<ImportColumnKey, number>> = {};
  const known = new Map<string, ImportColumnKey>(IMPORT_COLUMNS.map((c) => [c.header, c.key]));
  for (const [i, raw] of header.entries()) {
    const name = raw.trim();
    if (name === '') continue;
    const key = known.get(name);
    if (!key) return { problem: `表头「${name.slice(0, 20)}」不是模板中的列，请使用会员导入模板` };
    if (map[key] !== undefined) return { problem: `表头「${name}」重复` };
    map[key] = i;
  }
  const missing = IMPORT_COLUMNS.filter((c) => c.required && map[c.key] === undefined).map((c) => c.header);
  if (missing.length) return { problem: `缺少必填列：${missing.join('、')}` };
  return { map };
}

/** Row error for an ID number that a workbook stored as a number. */
export const ID_NUMBER_STORED_AS_NUMBER = '身份证号被 Excel 存成了数字，后几位已丢失，请将该列设为文本格式后重新填写';

function checkRow(rec: ImportRecord, map: Partial<Record<ImportColumnKey, number>>, today: string): ImportRow | RowError {
  const cell = (k: ImportColumnKey) => (map[k] === undefined ? '' : (rec.fields[map[k]!] ?? '').trim());
  const kind = (k: ImportColumnKey): CellKind => (map[k] === undefined ? 'text' : (rec.kinds?.[map[k]!] ?? 'text'));
  // Excel turns some typed text into dates; none of the columns holds one.
  const dated = IMPORT_COLUMNS.find((c) => kind(c.key) === 'date' && cell(c.key) !== '');
  if (dated) return { row: rec.row, reason: `「${dated.header}」被 Excel 存成了日期，请将该列设为文本格式后重新填写` };
  const realName = normalizeName(cell('realName'));
  if (!realName) return { row: rec.row, reason: '姓名为空' };
  if (!nameRe.test(realName)) return { row: rec.row, reason: '姓名格式不正确' };
  const rawId = cell('idNumber');
  if (!rawId) return { row: rec.row, reason: '身份证号为空' };
  // Excel keeps 15 significant digits: a number typed as a number has lost the rest.
  if (kind('idNumber') === 'number' && rawId.replace(/\D/g, '').length > 15) {
    return { row: rec.row, reason: ID_NUMBER_STORED_AS_NUMBER };
  }
  const id = checkIdNumber(rawId, today);
  if (!id.valid) return { row: rec.row, reason: ID_NUMBER_PROBLEMS[id.problem] };
  const phone = cell('phone').replace(/[\s-]/g, '');
  if (phone && !phoneRe.test(phone)) return { row: rec.row, reason: '手机号格式不正确' };
  const employer = cell('employer');
  if (employer.length > 100) return { row: rec.row, reason: '工作单位最多 100 个字符' };
  const tags: MemberTag[] = [];
  for (const part of cell('tags')
    .split(/[、,，;；|/\s]+/)
    .filter(Boolean)) {
    const tag = tagFromText(part);
    if (!tag) return { row: rec.row, reason: `标签「${part.slice(0, 10)}」不在可选范围内` };
    tags.push(tag);
  }
  return {
    row: rec.row,
    realName,
    idNumber: id.normalized,
    phone: phone || null,
    employer,
    unionCode: cell('unionCode') || null,
    tags: normalizeTags(tags),
  };
}

/**
 * Check the records of a whole file. File-level problems (bad header, no data, too many rows)
 * reject the file; row problems are returned per row and the valid rows go on. Blank rows are
 * skipped (their row numbers still count). A number that appears twice in the file is an error
 * on the later row: which row is right is the admin's call.
 */
export function parseImportRecords(records: ImportRecord[], today: string): ParsedImport {
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonBlank.length === 0) return { ok: false, reason: '文件是空的' };
  const [header, ...data] = nonBlank;
  const h = headerIndex(header.fields);
  if ('problem' in h) return { ok: false, reason: h.problem };
  if (data.length === 0) return { ok: false, reason: '文件中没有会员数据' };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, reason: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件` };

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const rec of data) {
    const checked = checkRow(rec, h.map, today);
    if ('reason' in checked) {
      errors.push(checked);
      continue;
    }
    const first = firstRowOf.get(checked.idNumber);
    if (first !== undefined) {
      errors.push({ row: rec.row, reason: `身份证号与第 ${first} 行重复` });
      continue;
    }
    firstRowOf.set(checked.idNumber, rec.row);
    rows.push(checked);
  }
  return { ok: true, rows, errors };
}

/** CSV text → records; file-level problems (not UTF-8, unclosed quote) come back as a reason. */
export function readImportCsv(text: string): { ok: true; records: ImportRecord[] } | { ok: false; reason: string } {
  if (text.includes('\uFFFD')) return { ok: false, reason: '文件不是 UTF-8 编码：请在 Excel 中另存为「CSV UTF-8（逗号分隔）」' };
  try {
    return { ok: true, records: parseCsv(text) };
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, reason: `文件格式有误，${e.message}` };
    throw e;
  }
}

/** Parse and check a whole CSV file (the text the page read, or the `csv` of a request). */
export function parseImportCsv(text: string, today: string): ParsedImport {
  if (utf8Bytes(text) > MAX_IMPORT_BYTES) return { ok: false, reason: IMPORT_TOO_LARGE };
  const read = readImportCsv(text);
  return read.ok ? parseImportRecords(read.records, today) : read;
}
