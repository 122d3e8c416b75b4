import {
  ID_NUMBER_STORED_AS_NUMBER,
  IMPORT_COLUMNS,
  IMPORT_TEMPLATE_CSV,
  MAX_IMPORT_ROWS,
  parseImportCsv,
  parseImportRecords,
  utf8Bytes,
} from '../../../shared/member/importTemplate';
import { withCheckChar } from '../../../shared/member/idNumber';

const TODAY = '2026-05-01';
const id = (n: number) => withCheckChar(`33020619900101${String(n % 1000).padStart(3, '0')}`);
const wrongCheck = (s: string) => s.slice(0, 17) + (s.endsWith('1') ? '2' : '1');
const header = '姓名,身份证号,手机号,工作单位,所属工会编码,标签';

describe('member import template', () => {
  it('the template is a BOM + the documented header', () => {
    expect(IMPORT_TEMPLATE_CSV).toBe('\uFEFF' + header + '\r\n');
    expect(IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual(['姓名', '身份证号']);
  });

  it('returns valid rows and row-level errors with spreadsheet row numbers', () => {
    const csv = [
      header,
      `王建国,${id(1)},13812345678,港务公司,nb-bl-xq-gw,一线职工、劳模`,
      `李四,${wrongCheck(id(2))},,,nb-bl-xq-gw,`,
      `,${id(3)},,,,`,
      `赵六,${id(4)},123,,,`,
      `钱七,${id(5)},,,,火箭专家`,
      `孙八,${id(1)},,,,`, // duplicate of row 2
      `周九,${id(6).toLowerCase()},,,,`,
    ].join('\r\n');
    const res = parseImportCsv(csv, TODAY);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.rows.map((r) => r.row)).toEqual([2, 8]);
    expect(res.rows[0]).toMatchObject({
      realName: '王建国',
      phone: '13812345678',
      unionCode: 'nb-bl-xq-gw',
      tags: ['frontline', 'model_worker'],
    });
    expect(res.rows[1]).toMatchObject({ realName: '周九', phone: null, unionCode: null, tags: [] });
    const reasons = Object.fromEntries(res.errors.map((e) => [e.row, e.reason]));
    expect(reasons[3]).toContain('校验位');
    expect(reasons[4]).toBe('姓名为空');
    expect(reasons[5]).toBe('手机号格式不正确');
    expect(reasons[6]).toContain('火箭专家');
    expect(reasons[7]).toBe('身份证号与第 2 行重复');
    // No reason ever echoes an ID number.
    expect(JSON.stringify(res.errors)).not.toMatch(/\d{15}/);
  });

  it('accepts the columns in any order and the optional ones missing', () => {
    const res = parseImportCsv(`身份证号,姓名\n${id(7)},吴十\n`, TODAY);
    expect(res.ok && res.rows).toEqual([
      { row: 2, realName: '吴十', idNumber: id(7), phone: null, employer: '', unionCode: null, tags: [] },
    ]);
  });

  it('rejects the file for a wrong header, no data, bad CSV, wrong encoding, too many rows or bytes', () => {
    expect(parseImportCsv('名字,身份证号\n', TODAY)).toEqual({ ok: false, reason: expect.stringContaining('名字') });
    expect(parseImportCsv('姓名,手机号\n', TODAY)).toEqual({ ok: false, reason: '缺少必填列：身份证号' });
    expect(parseImportCsv('姓名,姓名,身份证号\n', TODAY)).toEqual({ ok: false, reason: '表头「姓名」重复' });
    expect(parseImportCsv(header + '\r\n', TODAY)).toEqual({ ok: false, reason: '文件中没有会员数据' });
    expect(parseImportCsv('', TODAY)).toEqual({ ok: false, reason: '文件是空的' });
    expect(parseImportCsv(`${header}\n"王,${id(1)}`, TODAY)).toEqual({ ok: false, reason: expect.stringContaining('引号没有闭合') });
    expect(parseImportCsv('\uFFFD\uFFFD,\uFFFD', TODAY)).toEqual({ ok: false, reason: expect.stringContaining('UTF-8') });
    const many = [header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `某,${id(i)}`)].join('\n');
    expect(parseImportCsv(many, TODAY)).toEqual({ ok: false, reason: expect.stringContaining(String(MAX_IMPORT_ROWS)) });
    expect(parseImportCsv(header + '\n' + 'x'.repeat(1_000_001), TODAY)).toEqual({ ok: false, reason: expect.stringContaining('过大') });
  });

  it('skips blank and whitespace-only lines', () => {
    const res = parseImportCsv(`${header}\r\n\r\n , ,\r\n王五,${id(8)}\r\n`, TODAY);
    expect(res.ok && res.rows.map((r) => r.row)).toEqual([4]);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Bytes('a')).toBe(1);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('王')).toBe(3);
    expect(utf8Bytes('𠀋')).toBe(4);
  });

  it('records from a workbook: the same rules, plus what Excel did to numbers and dates', () => {
    const res = parseImportRecords(
      [
        { row: 1, fields: ['姓名', '身份证号', '手机号', '所属工会编码'] },
        // Phone stored as a number: its digits are the phone number.
        { row: 2, fields: ['王建国', id(11), '13800138000', 'nb-bl-xq-gw'], kinds: ['text', 'text', 'number', 'text'] },
        // An 18-digit ID stored as a number has lost digits: never imported, whatever is left.
        { row: 3, fields: ['李四', '330206199001010000', '', ''], kinds: ['text', 'number', 'text', 'text'] },
        // A short number is just a wrong ID number.
        { row: 4, fields: ['赵六', '12345', '', ''], kinds: ['text', 'number', 'text', 'text'] },
        { row: 6, fields: ['钱七', id(12), '2023-03-15', ''], kinds: ['text', 'text', 'date', 'text'] },
        // An empty date-formatted cell is just empty.
        { row: 7, fields: ['孙八', id(13), '', ''], kinds: ['text', 'text', 'date', 'text'] },
        { row: 9, fields: ['', '', '', ''] },
      ],
      TODAY,
    );
    expect(res).toEqual({
      ok: true,
      rows: [
        expect.objectContaining({ row: 2, realName: '王建国', phone: '13800138000' }),
        expect.objectContaining({ row: 7, realName: '孙八', phone: null }),
      ],
      errors: [
        { row: 3, reason: ID_NUMBER_STORED_AS_NUMBER },
        { row: 4, reason: '身份证号应为 18 位，最后一位可以是数字或 X' },
        { row: 6, reason: '「手机号」被 Excel 存成了日期，请将该列设为文本格式后重新填写' },
      ],
    });
    // CSV cells are text: an 18-digit number there is an ID number like any other.
    expect(
      parseImportRecords(
        [
          { row: 1, fields: ['姓名', '身份证号'] },
          { row: 2, fields: ['周九', id(14)] },
        ],
        TODAY,
      ),
    ).toMatchObject({ ok: true, rows: [{ row: 2 }] });
  });
});
