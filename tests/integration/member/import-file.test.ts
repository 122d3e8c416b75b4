/**
 * Bulk import of uploaded files (`adminImport { file: { name, base64 } }`): .xlsx workbooks as
 * Excel writes them, GBK CSV as Excel on Chinese Windows saves 「CSV（逗号分隔）」, and the files
 * that must be refused whole (old .xls, not a spreadsheet, too large), nothing written for them.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { as, givenAdminOf, newIdNumber, withWrongCheck } from '../../scenarios/member';
import { base64, encodeGbk, TEMPLATE_HEADER_CELLS, xlsxWorkbook, type XRow } from '../../scenarios/importFiles';
import { personaById } from '../../../scripts/local-cloud/demo/personas';
import { ID_NUMBER_STORED_AS_NUMBER, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../shared/member/importTemplate';
import { withCheckChar } from '../../../shared/member/idNumber';
import type { AdminImportResult } from '../../../shared/member/schemas';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

const DISTRICT = { persona: 'district_admin' };
const memberCount = async () => (await t.db.collection('members').count()).total ?? 0;
const membersOf = async (unionId: string) =>
  (await t.db.collection('members').where({ unionId, source: 'import' }).limit(100).get()).data as Array<Record<string, unknown>>;
const importFile = (name: string, bytes: Uint8Array) =>
  t.call<AdminImportResult>('member', 'adminImport', { file: { name, base64: base64(bytes) } }, DISTRICT);

/** How Excel stores an 18-digit number typed into a General cell: 15 significant digits. */
const asExcelNumber = (id: string) => `${id[0]}.${id.slice(1, 15)}E+17`;

describe('adminImport with an .xlsx workbook', () => {
  const ok1 = newIdNumber();
  const ok2 = newIdNumber();
  const typedAsNumber = newIdNumber();
  const rows: XRow[] = [
    { r: 1, cells: TEMPLATE_HEADER_CELLS },
    // Phone typed as a number (General cell): accepted as the text the admin sees.
    { r: 2, cells: ['陈大海', ok1, { n: '13800138000' }, '宁波北仑港务有限公司', 'nb-bl-xq-gw', '一线职工、劳模'] },
    { r: 3, cells: ['林小红', withWrongCheck(newIdNumber()), null, null, 'nb-bl-xq-gw', null] },
    // The ID number typed as a number: Excel kept 15 digits.
    { r: 4, cells: ['黄志强', { n: asExcelNumber(typedAsNumber) }, null, null, 'nb-bl-xq-gw', null] },
    // Row 5: emptied in Excel (a formatted row without cells); row 6 never touched.
    { r: 5, cells: [] },
    { r: 7, cells: [' 吴敏 ', ok2, null, '港务', 'nb-bl-xq-gw', null] },
    // Excel turned a typed 「3-15」 into a date.
    { r: 8, cells: ['马丽', newIdNumber(), { date: 45000 }, null, 'nb-bl-xq-gw', null] },
  ];
  const workbook = xlsxWorkbook([
    { name: '会员名单', rows },
    // Only the first worksheet is read: this one would be a file-level error.
    { name: '填写说明', rows: [{ r: 1, cells: ['请按模板填写'] }] },
  ]);

  it('imports the valid rows of the first worksheet and reports the others by Excel row number', async () => {
    const before = await memberCount();
    const res = await importFile('会员名单.xlsx', workbook);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({
      totalRows: 5,
      imported: 2,
      skippedDuplicates: 0,
      forwarded: 0,
      errors: [
        { row: 3, reason: '身份证号校验位不正确，请核对' },
        { row: 4, reason: ID_NUMBER_STORED_AS_NUMBER },
        { row: 8, reason: '「手机号」被 Excel 存成了日期，请将该列设为文本格式后重新填写' },
      ],
    });
    expect(res.data.errors[1].reason).toBe('身份证号被 Excel 存成了数字，后几位已丢失，请将该列设为文本格式后重新填写');
    expect(JSON.stringify(res)).not.toMatch(/\d{15}/);
    expect(await memberCount()).toBe(before + 2);
    const imported = await membersOf('nb-bl-xq-gw');
    expect(imported.map((m) => m.nameMasked).sort()).toEqual(['吴*', '陈*海']);
    expect(imported.find((m) => m.nameMasked === '陈*海')).toMatchObject({
      phoneMasked: '138****8000',
      employer: '宁波北仑港务有限公司',
      tags: ['frontline', 'model_worker'],
      source: 'import',
      openid: null,
    });
    // Nothing for the number whose digits Excel dropped (neither its true nor its truncated form).
    expect(imported.some((m) => m.nameMasked === '黄*强')).toBe(false);
  });

  it('importing the same workbook again creates nothing twice', async () => {
    const before = await memberCount();
    const res = await importFile('会员名单.xlsx', workbook);
    expect(res.ok && res.data).toMatchObject({ totalRows: 5, imported: 0, skippedDuplicates: 2 });
    expect(await memberCount()).toBe(before);
  });

  it('a workbook without the template header is refused whole', async () => {
    const before = await memberCount();
    const res = await importFile(
      '名单.xlsx',
      xlsxWorkbook([
        {
          name: 'Sheet1',
          rows: [
            { r: 1, cells: ['序号', '姓名'] },
            { r: 2, cells: [{ n: '1' }, '张三'] },
          ],
        },
      ]),
    );
    expect(res).toEqual({ ok: false, error: { code: 'IMPORT_FILE_INVALID', message: '表头「序号」不是模板中的列，请使用会员导入模板' } });
    expect(await memberCount()).toBe(before);
  });

  it('imports 2,000 rows from one workbook', async () => {
    const rows2k: XRow[] = [{ r: 1, cells: TEMPLATE_HEADER_CELLS }];
    for (let i = 0; i < MAX_IMPORT_ROWS; i++)
      rows2k.push({ r: i + 2, cells: ['批量', bulkId(i), { n: String(13900000000 + i) }, '某公司', 'nb-bl-xq-lh', null] });
    const started = Date.now();
    const res = await importFile('2000.xlsx', xlsxWorkbook([{ name: 'Sheet1', rows: rows2k }]));
    expect(res.ok && res.data).toMatchObject({ imported: MAX_IMPORT_ROWS, errors: [] });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('adminImport with a CSV file', () => {
  it('reads a GBK CSV (Excel 「CSV（逗号分隔）」 on Chinese Windows)', async () => {
    const id = newIdNumber();
    const text = `姓名,身份证号,手机号,工作单位,所属工会编码,标签\r\n钟声,${id},13700001111,北仑港务,nb-bl-dq-jl,高危岗位、工会干部\r\n\r\n何平,${withWrongCheck(newIdNumber())},,,nb-bl-dq-jl,\r\n`;
    const bytes = encodeGbk(text);
    // Really GBK: not valid UTF-8, two bytes per Chinese character.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const before = await memberCount();
    const res = await importFile('会员.csv', bytes);
    expect(res.ok && res.data).toMatchObject({
      totalRows: 2,
      imported: 1,
      skippedDuplicates: 0,
      forwarded: 0,
      errors: [{ row: 4, reason: '身份证号校验位不正确，请核对' }],
      preview: false,
    });
    expect(await memberCount()).toBe(before + 1);
    expect(await membersOf('nb-bl-dq-jl')).toEqual([
      expect.objectContaining({ nameMasked: '钟*', employer: '北仑港务', phoneMasked: '137****1111', tags: ['hazardous', 'leader'] }),
    ]);
  });

  it('reads a UTF-8 CSV sent as a file, with or without a BOM', async () => {
    const withBom = await importFile('a.csv', strToU8(`\uFEFF姓名,身份证号,所属工会编码\r\n蒋文,${newIdNumber()},nb-bl-dq-kd\r\n`));
    const plain = await importFile('b.csv', strToU8(`姓名,身份证号,所属工会编码\n韩雪,${newIdNumber()},nb-bl-dq-kd\n`));
    expect(withBom.ok && withBom.data).toMatchObject({ imported: 1, errors: [] });
    expect(plain.ok && plain.data).toMatchObject({ imported: 1, errors: [] });
    expect((await membersOf('nb-bl-dq-kd')).map((m) => m.nameMasked).sort()).toEqual(['蒋*', '韩*']);
  });
});

describe('files refused whole', () => {
  const refused = async (name: string, bytes: Uint8Array, message: string) => {
    const before = await memberCount();
    expect(await importFile(name, bytes)).toEqual({ ok: false, error: { code: 'IMPORT_FILE_INVALID', message } });
    expect(await memberCount()).toBe(before);
  };
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const oleFile = Uint8Array.from([...OLE, ...new Array(504).fill(0)]);

  it('old .xls (and a password-protected .xlsx, which is the same kind of file)', async () => {
    await refused('会员名单.xls', oleFile, '暂不支持 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV');
    await refused('会员名单.xlsx', oleFile, '该 Excel 文件设置了打开密码，请取消密码后重新上传');
  });

  it('a zip that is not a workbook, a broken zip, a binary file', async () => {
    await refused(
      '照片.xlsx',
      zipSync({ 'photo.txt': strToU8('hello') }),
      '无法读取该 Excel 文件：请在 Excel 中打开后另存为 .xlsx 或 CSV 再上传',
    );
    const workbook = xlsxWorkbook([{ name: 'S', rows: [{ r: 1, cells: TEMPLATE_HEADER_CELLS }] }]);
    await refused(
      '截断.xlsx',
      workbook.slice(0, workbook.length - 40),
      '无法读取该 Excel 文件：请在 Excel 中打开后另存为 .xlsx 或 CSV 再上传',
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await refused('照片.csv', png, '无法识别文件内容：请上传会员导入模板，Excel 文件（.xlsx）或 CSV 文件');
  });

  it('a small workbook that would unpack to more than 30 MB', async () => {
    const entries = unzipSync(
      xlsxWorkbook([
        {
          name: 'S',
          rows: [
            { r: 1, cells: TEMPLATE_HEADER_CELLS },
            { r: 2, cells: ['张三', newIdNumber()] },
          ],
        },
      ]),
    );
    entries['xl/worksheets/padding.xml'] = new Uint8Array(31_000_000).fill(0x20);
    const bomb = zipSync(entries, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    await refused('大.xlsx', bomb, '该 Excel 文件内容过多：请只保留会员名单这一张工作表后重新上传');
  });

  it('csv and file together, or neither: INVALID_ARGUMENT', async () => {
    const before = await memberCount();
    const csv = `姓名,身份证号,所属工会编码\n钟声,${newIdNumber()},nb-bl-xq-gw\n`;
    expect(await t.call('member', 'adminImport', { csv, file: { name: 'a.csv', base64: base64(strToU8(csv)) } }, DISTRICT)).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '一次只能导入一个文件' },
    });
    expect(await t.call('member', 'adminImport', {}, DISTRICT)).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请选择导入文件' },
    });
    expect(await t.call('member', 'adminImport', { file: { name: 'a.csv', base64: '不是base64' } }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await memberCount()).toBe(before);
  });

  it('a member (not an admin) cannot import a file', async () => {
    const file = {
      name: 'a.xlsx',
      base64: base64(
        xlsxWorkbook([
          {
            name: 'S',
            rows: [
              { r: 1, cells: TEMPLATE_HEADER_CELLS },
              { r: 2, cells: ['张三', newIdNumber(), null, null, 'nb-bl-xq-gw'] },
            ],
          },
        ]),
      ),
    };
    expect(await t.call('member', 'adminImport', { file }, { persona: 'member' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
  });

  it('more than 1 MB: refused by the function (size after decoding, and the schema bound on the base64 text)', async () => {
    // Past the local front door's 1 MiB body limit, so invoked the way the platform hands an event to the function.
    const admin = personaById('district_admin')!;
    const invoke = async (bytes: number) =>
      (
        await t.cloud.host.invoke(
          'member',
          { action: 'adminImport', data: { file: { name: 'big.csv', base64: base64(new Uint8Array(bytes).fill(0x41)) } } },
          { openid: admin.openid },
        )
      ).result;
    const before = await memberCount();
    expect(await invoke(MAX_IMPORT_BYTES + 1)).toEqual({
      ok: false,
      error: { code: 'IMPORT_FILE_INVALID', message: '文件过大：最多 1 MB' },
    });
    expect(await invoke(MAX_IMPORT_BYTES + 3)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('导入文件最多') },
    });
    expect(await memberCount()).toBe(before);
  });

  it('rows without a union code go to a street admin’s own union, from a workbook too', async () => {
    const streetAdmin = await givenAdminOf(t, 'nb-bl-xq');
    const file = {
      name: 'a.xlsx',
      base64: base64(
        xlsxWorkbook([
          {
            name: 'S',
            rows: [
              { r: 1, cells: ['姓名', '身份证号'] },
              { r: 2, cells: ['钟声', newIdNumber()] },
            ],
          },
        ]),
      ),
    };
    const res = await t.call<AdminImportResult>('member', 'adminImport', { file }, as(streetAdmin.openid));
    expect(res.ok && res.data).toMatchObject({ imported: 1, errors: [] });
  });
});

/** Distinct valid numbers for the bulk test (born 1970–1977, not used by newIdNumber). */
function bulkId(i: number): string {
  const year = 1970 + Math.floor(i / 250);
  const day = 1 + (i % 25);
  const seq = Math.floor((i % 250) / 25);
  return withCheckChar(`330211${year}05${String(day).padStart(2, '0')}9${String(seq).padStart(2, '0')}`);
}
