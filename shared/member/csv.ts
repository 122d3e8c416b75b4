/**
 * A small RFC 4180 CSV reader for the member import (no dependency: it must also run in the
 * mini-program for a preview). Accepts a UTF-8 BOM (Excel's "CSV UTF-8"), CRLF, LF or CR line
 * ends, quoted fields with embedded commas, quotes ("") and line breaks. Blank records are
 * skipped. `row` is the spreadsheet row (header = 1), which is what an admin sees in Excel
 * even when a quoted cell spans several lines.
 */

export interface CsvRecord {
  row: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  const n = text.length;
  // Whether the current record has any content (so a blank line is not a record of one empty field).
  let touched = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (touched) records.push({ row, fields });
    // Blank lines are not rows of the data, but they are rows in the spreadsheet.
    row++;
    fields = [];
    touched = false;
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field: read up to the closing quote, "" is one quote.
      touched = true;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        field += q;
        i++;
      }
      if (!closed) throw new CsvError(row, `第 ${row} 行：引号没有闭合`);
      const next = text[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(row, `第 ${row} 行：引号后面只能是逗号或换行`);
      }
      continue;
    }
    if (c === ',') {
      touched = true;
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // Unquoted text (a stray quote inside it is kept as is, as spreadsheets do).
    touched = true;
    field += c;
    i++;
  }
  if (touched || field !== '') endRecord();
  return records;
}

/** Quote a value for CSV output when it needs it (templates, error reports). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
