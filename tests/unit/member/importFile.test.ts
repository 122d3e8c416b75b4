/** Decoding uploaded import files (cloudfunctions/member/lib/importFile.ts): formats, encodings, cell kinds. */
import { strToU8, zipSync } from 'fflate';
import { decodeText, numberText, readImportFile, zipUnpackedSize } from '../../../cloudfunctions/member/lib/importFile';
import { encodeGbk, xlsxWorkbook } from '../../scenarios/importFiles';

describe('numberText: a numeric cell as the digits the admin typed', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['3.3020619900301E+17', '330206199003010000'],
    ['3.3020619900300998E+17', '330206199003009980'],
    ['1.5', '1.5'],
    ['12.50', '12.5'],
    ['1E-3', '0.001'],
    ['1e+2', '100'],
    ['0', '0'],
    ['-0', '0'],
    ['-42', '-42'],
    ['007', '7'],
    ['abc', 'abc'],
  ])('%s → %s', (stored, text) => {
    expect(numberText(stored)).toBe(text);
  });
});

describe('decodeText', () => {
  it('UTF-8 when the bytes are valid UTF-8 (the BOM dropped), otherwise GB18030', () => {
    expect(decodeText(strToU8('\uFEFF姓名,身份证号'))).toEqual({ text: '姓名,身份证号', format: 'csv-utf8' });
    expect(decodeText(strToU8('name,id'))).toEqual({ text: 'name,id', format: 'csv-utf8' });
    // Node here has full ICU: GB18030 decodes the GBK bytes Excel writes.
    expect(decodeText(encodeGbk('姓名,身份证号,标签\r\n陈大海,1,一线职工、劳模'))).toEqual({
      text: '姓名,身份证号,标签\r\n陈大海,1,一线职工、劳模',
      format: 'csv-gb18030',
    });
    expect(decodeText(Uint8Array.from([0xd5, 0xc5, 0xc8, 0xfd]))).toEqual({ text: '张三', format: 'csv-gb18030' });
  });
});

describe('zipUnpackedSize', () => {
  it('adds up the sizes the central directory declares', () => {
    const zip = zipSync({ 'a.xml': new Uint8Array(1000), 'b/c.xml': new Uint8Array(2345) }, { level: 9 });
    expect(zip.length).toBeLessThan(1000);
    expect(zipUnpackedSize(zip)).toEqual({ entries: 2, bytes: 3345 });
  });

  it('null when there is no central directory', () => {
    expect(zipUnpackedSize(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    const zip = zipSync({ 'a.xml': new Uint8Array(10) });
    expect(zipUnpackedSize(zip.slice(0, zip.length - 10))).toBeNull();
  });
});

describe('readImportFile', () => {
  it('a workbook: the first worksheet, Excel row numbers, cells as text with their kind', async () => {
    const book = xlsxWorkbook([
      {
        name: '名单',
        rows: [
          { r: 2, cells: ['姓名', '身份证号', '手机号', '工作单位'] },
          { r: 3, cells: ['王五', { n: '3.3020619900301E+17' }, { n: '13800138000' }, { bool: true }] },
          { r: 4, cells: [] },
          { r: 6, cells: [null, ' 赵六 ', { date: 45000 }] },
        ],
      },
      { name: '第二页', rows: [{ r: 1, cells: ['不读'] }] },
    ]);
    expect(await readImportFile('x.xlsx', book)).toEqual({
      ok: true,
      format: 'xlsx',
      records: [
        { row: 2, fields: ['姓名', '身份证号', '手机号', '工作单位'], kinds: ['text', 'text', 'text', 'text'] },
        { row: 3, fields: ['王五', '330206199003010000', '13800138000', 'TRUE'], kinds: ['text', 'number', 'number', 'text'] },
        { row: 6, fields: ['', '赵六', '2023-03-15', ''], kinds: ['text', 'text', 'date', 'text'] },
      ],
    });
  });

  it('a workbook whose first worksheet is empty says so (the list is on another sheet)', async () => {
    const book = xlsxWorkbook([
      { name: 'Sheet1', rows: [{ r: 1, cells: [] }] },
      { name: '名单', rows: [{ r: 1, cells: ['姓名', '身份证号'] }] },
    ]);
    expect(await readImportFile('x.xlsx', book)).toEqual({ ok: false, reason: '第一个工作表是空的：请把会员名单放在第一个工作表' });
  });

  it('text: UTF-8 or GB18030 CSV; control characters mean it is not a text file', async () => {
    expect(await readImportFile('a.csv', encodeGbk('姓名,身份证号\r\n张三,1\r\n'))).toEqual({
      ok: true,
      format: 'csv-gb18030',
      records: [
        { row: 1, fields: ['姓名', '身份证号'] },
        { row: 2, fields: ['张三', '1'] },
      ],
    });
    expect(await readImportFile('a.csv', strToU8('姓名\n"张三'))).toEqual({ ok: false, reason: expect.stringContaining('引号没有闭合') });
    // UTF-16 text (Excel's 「Unicode 文本」) has NUL bytes.
    expect(await readImportFile('a.txt', Uint8Array.from([0xff, 0xfe, 0x53, 0x59, 0x0d, 0x54]))).toEqual({
      ok: false,
      reason: expect.stringContaining('无法识别文件内容'),
    });
  });

  it('empty, too large, .xls', async () => {
    expect(await readImportFile('a.csv', new Uint8Array(0))).toEqual({ ok: false, reason: '文件是空的' });
    expect(await readImportFile('a.csv', new Uint8Array(1_000_001).fill(0x41))).toEqual({ ok: false, reason: '文件过大：最多 1 MB' });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readImportFile('a.xls', ole)).toEqual({ ok: false, reason: '暂不支持 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV' });
    expect(await readImportFile('a.XLSX ', ole)).toEqual({ ok: false, reason: '该 Excel 文件设置了打开密码，请取消密码后重新上传' });
  });
});
