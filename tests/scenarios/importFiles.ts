/**
 * Import files as admins' offices produce them, for the member import tests:
 * - `xlsxWorkbook`: an .xlsx laid out the way Excel writes one — shared strings for text, numeric
 *   cells holding Excel's stored number text (`<v>3.3020619900301E+17</v>`), dates as serial
 *   numbers with a date style, rows that carry their own `r` numbers (so gaps are real), and
 *   several worksheets;
 * - `encodeGbk`: text → GBK bytes, what Excel on Chinese Windows writes for 「CSV（逗号分隔）」. Node has
 *   no GBK encoder, so the table is built once from Node's own GB18030 decoder.
 */
import { zipSync, strToU8 } from 'fflate';
import { IMPORT_COLUMNS } from '../../shared/member/importTemplate';

/** A cell: text (shared string), a number as Excel stores it, a date (serial), a boolean, or nothing. */
export type XCell = string | { n: string } | { date: number } | { bool: boolean } | null;
export interface XRow {
  /** Excel row number. */
  r: number;
  cells: XCell[];
}
export interface XSheet {
  name: string;
  rows: XRow[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The header row of the import template, as text cells. */
export const TEMPLATE_HEADER_CELLS: XCell[] = IMPORT_COLUMNS.map((c) => c.header);

export function xlsxWorkbook(sheets: XSheet[]): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let stringRefs = 0;
  const sst = (s: string) => {
    stringRefs++;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };

  const sheetXml = sheets.map((sheet, si) => {
    const width = Math.max(1, ...sheet.rows.map((r) => r.cells.length));
    const last = Math.max(1, ...sheet.rows.map((r) => r.r));
    const rows = sheet.rows
      .map((row) => {
        const cells = row.cells
          .map((cell, ci) => {
            const ref = `${colName(ci)}${row.r}`;
            if (cell === null) return '';
            // s="1": the 文本 (@) style Excel applies to a column formatted as text; s="2": a date.
            if (typeof cell === 'string') return `<c r="${ref}" s="1" t="s"><v>${sst(cell)}</v></c>`;
            if ('n' in cell) return `<c r="${ref}"><v>${cell.n}</v></c>`;
            if ('date' in cell) return `<c r="${ref}" s="2"><v>${cell.date}</v></c>`;
            return `<c r="${ref}" t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
          })
          .join('');
        // An emptied row keeps its height as a formatted, cell-less <row>, as Excel writes it.
        return cells
          ? `<row r="${row.r}" spans="1:${width}">${cells}</row>`
          : `<row r="${row.r}" spans="1:${width}" ht="20" customHeight="1"/>`;
      })
      .join('');
    return (
      XML_HEAD +
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${colName(width - 1)}${last}"/>` +
      `<sheetViews><sheetView ${si === 0 ? 'tabSelected="1" ' : ''}workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="14.25"/><sheetData>${rows}</sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    );
  });

  const sharedStrings =
    XML_HEAD +
    `<sst xmlns="${MAIN}" count="${stringRefs}" uniqueCount="${strings.length}">` +
    strings.map((s) => (/^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${esc(s)}</t></si>` : `<si><t>${esc(s)}</t></si>`)).join('') +
    '</sst>';

  const styles =
    XML_HEAD +
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

  const workbook =
    XML_HEAD +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr defaultThemeVersion="164011"/>` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>' +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets><calcPr calcId="191029"/></workbook>';

  const n = sheets.length;
  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';

  const rootRels =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

  const app =
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>';

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'docProps/app.xml': strToU8(app),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(sharedStrings),
  };
  sheetXml.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  return zipSync(files, { level: 6 });
}

let gbk: Map<string, [number, number]> | null = null;

/** GBK bytes of `text` (ASCII as is); throws on a character GBK cannot hold. */
export function encodeGbk(text: string): Uint8Array {
  if (!gbk) {
    gbk = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && !gbk.has(ch)) gbk.set(ch, [lead, trail]);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = gbk.get(ch);
    if (!pair) throw new Error(`not in GBK: ${ch}`);
    out.push(...pair);
  }
  return Uint8Array.from(out);
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
