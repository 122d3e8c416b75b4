/** The union-tree import rules (scripts/ops/unionTemplate.ts): template, row checks, tree checks, ancestors, plan. */
import {
  PARENT_LEVELS,
  UNION_IMPORT_COLUMNS,
  UNION_TEMPLATE_CSV,
  checkUnionImport,
  levelFromLabel,
  summarizePlan,
  type ExistingUnion,
  type UnionImportCheck,
} from '../../../scripts/ops/unionTemplate';
import { readTableBytes } from '../../../scripts/ops/readTable';
import { UNION_LEVELS, type UnionLevel } from '../../../shared/union/tree';
import { parseCsv } from '../../../shared/member/csv';
import { encodeGbk, xlsxWorkbook } from '../../scenarios/importFiles';

const HEADER = '工会编码,工会名称,级别,上级工会编码,类型,地址';

function check(csvBody: string, existing: ExistingUnion[] = []): UnionImportCheck {
  return checkUnionImport(parseCsv(`${HEADER}\n${csvBody}`), new Map(existing.map((u) => [u._id, u])));
}
function problems(res: UnionImportCheck): string[] {
  if (res.ok) throw new Error('expected problems, the file passed');
  return [...(res.fileProblem ? [`文件：${res.fileProblem}`] : []), ...res.errors.map((e) => `${e.row}:${e.reason}`)];
}
function planOf(res: UnionImportCheck) {
  if (!res.ok) throw new Error(`expected a plan, got: ${JSON.stringify(res)}`);
  return res;
}

const SMALL_TREE = [
  'nb,宁波市总工会,市总工会,,,宁波市海曙区解放南路',
  'nb-bl,北仑区总工会,区县总工会,nb,,',
  'nb-bl-xq,新碶街道总工会,街道乡镇总工会,nb-bl,,北仑区新碶街道',
  'nb-bl-xq-gw,宁波北仑港务有限公司工会,基层工会,nb-bl-xq,企业工会,',
  'nb-bl-xq-lh,新碶小微企业联合工会,基层工会,nb-bl-xq,联合工会,',
  'nb-jy,宁波市教育工会,产业工会,nb,,',
  'nb-jy-nbzx,宁波市第二中学工会,基层工会,nb-jy,企业工会,',
].join('\n');

/** What the database holds after importing SMALL_TREE (the stored fields the import compares). */
const STORED: ExistingUnion[] = [
  { _id: 'nb', name: '宁波市总工会', level: 'city', kind: null, parentId: null, ancestors: ['nb'], address: '宁波市海曙区解放南路' },
  { _id: 'nb-bl', name: '北仑区总工会', level: 'district', kind: null, parentId: 'nb', ancestors: ['nb', 'nb-bl'], address: '' },
  {
    _id: 'nb-bl-xq',
    name: '新碶街道总工会',
    level: 'street',
    kind: null,
    parentId: 'nb-bl',
    ancestors: ['nb', 'nb-bl', 'nb-bl-xq'],
    address: '北仑区新碶街道',
  },
];

describe('template', () => {
  it('is the header row of the six columns, as Excel writes CSV UTF-8', () => {
    expect(UNION_TEMPLATE_CSV).toBe('\uFEFF工会编码,工会名称,级别,上级工会编码,类型,地址\r\n');
    expect(UNION_IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual(['工会编码', '工会名称', '级别', '上级工会编码']);
  });

  it('maps the level labels (short and long forms) to the level codes of shared/union/tree.ts', () => {
    expect(levelFromLabel('市总')).toBe('city');
    expect(levelFromLabel('市总工会')).toBe('city');
    expect(levelFromLabel('区县总工会')).toBe('district');
    expect(levelFromLabel('区县（市）总工会')).toBe('district');
    expect(levelFromLabel('产业工会')).toBe('industry');
    expect(levelFromLabel('街道乡镇总工会')).toBe('street');
    expect(levelFromLabel('乡镇（街道）总工会')).toBe('street');
    expect(levelFromLabel(' 基层工会 ')).toBe('grassroots');
    expect(levelFromLabel('基层')).toBeNull();
    expect(levelFromLabel('grassroots')).toBeNull();
  });

  it('the parent-level relation has the city as its only root and no cycle: trees are at most 4 deep', () => {
    const depth = (level: UnionLevel): number => (PARENT_LEVELS[level].length === 0 ? 1 : 1 + Math.max(...PARENT_LEVELS[level].map(depth)));
    expect(UNION_LEVELS.filter((l) => PARENT_LEVELS[l].length === 0)).toEqual(['city']);
    expect(Math.max(...UNION_LEVELS.map(depth))).toBe(4);
    // Nothing sits under a grassroots union.
    expect(UNION_LEVELS.some((l) => PARENT_LEVELS[l].includes('grassroots'))).toBe(false);
  });
});

describe('a valid file', () => {
  it('computes ancestors root → self for every union, in any row order', () => {
    const rows = SMALL_TREE.split('\n').reverse().join('\n');
    const plan = planOf(check(rows));
    const byCode = new Map(plan.unions.map((u) => [u.code, u]));
    expect(byCode.get('nb')).toMatchObject({
      level: 'city',
      parentId: null,
      ancestors: ['nb'],
      kind: null,
      address: '宁波市海曙区解放南路',
      status: 'new',
    });
    expect(byCode.get('nb-bl-xq-gw')).toMatchObject({
      level: 'grassroots',
      kind: 'enterprise',
      parentId: 'nb-bl-xq',
      ancestors: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'],
    });
    expect(byCode.get('nb-bl-xq-lh')!.kind).toBe('joint');
    expect(byCode.get('nb-jy-nbzx')!.ancestors).toEqual(['nb', 'nb-jy', 'nb-jy-nbzx']);
    expect(plan.unions).toHaveLength(7);
    expect(summarizePlan(plan.unions)).toEqual([
      { level: 'city', label: '市总工会', new: 1, changed: 0, unchanged: 0 },
      { level: 'district', label: '区县总工会', new: 1, changed: 0, unchanged: 0 },
      { level: 'industry', label: '产业工会', new: 1, changed: 0, unchanged: 0 },
      { level: 'street', label: '街道乡镇总工会', new: 1, changed: 0, unchanged: 0 },
      { level: 'grassroots', label: '基层工会', new: 3, changed: 0, unchanged: 0 },
    ]);
  });

  it('columns in any order; blank rows skipped but counted; cells trimmed', () => {
    const res = checkUnionImport(
      parseCsv('级别,工会名称,工会编码,地址,上级工会编码\n市总工会, 宁波市总工会 ,nb,,\n\n区县总工会,北仑区总工会,nb-bl, 新碶 ,nb\n'),
      new Map(),
    );
    const plan = planOf(res);
    expect(plan.unions.map((u) => [u.row, u.code, u.name, u.address, u.ancestors])).toEqual([
      [2, 'nb', '宁波市总工会', '', ['nb']],
      [4, 'nb-bl', '北仑区总工会', '新碶', ['nb', 'nb-bl']],
    ]);
  });

  it('parents may be in the database: the chain continues from the stored ancestors', () => {
    const plan = planOf(check('nb-bl-xq-new,新碶某公司工会,基层工会,nb-bl-xq,企业工会,', STORED));
    expect(plan.unions[0]).toMatchObject({ status: 'new', ancestors: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-new'] });
    expect(plan.existingNotInFile).toBe(3);
  });

  it('the allowed extra shapes: grassroots directly under the city, a district and an industry union; a district industry union', () => {
    const plan = planOf(
      check(
        [
          'nb,宁波市总工会,市总工会,,,',
          'nb-sz,市直某集团工会,基层工会,nb,企业工会,',
          'nb-bl,北仑区总工会,区县总工会,nb,,',
          'nb-bl-qz,区直某公司工会,基层工会,nb-bl,企业工会,',
          'nb-bl-jy,北仑区教育工会,产业工会,nb-bl,,',
          'nb-bl-jy-x,某小学工会,基层工会,nb-bl-jy,企业工会,',
        ].join('\n'),
      ),
    );
    expect(plan.unions.find((u) => u.code === 'nb-bl-jy-x')!.ancestors).toEqual(['nb', 'nb-bl', 'nb-bl-jy', 'nb-bl-jy-x']);
  });

  it('against the database: unchanged, renamed, new address or kind → changed with what differs', () => {
    const stored: ExistingUnion[] = [
      ...STORED,
      {
        _id: 'nb-bl-xq-gw',
        name: '北仑港务工会',
        level: 'grassroots',
        kind: 'joint',
        parentId: 'nb-bl-xq',
        ancestors: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'],
        address: '',
      },
    ];
    const plan = planOf(
      check(
        [
          'nb,宁波市总工会,市总工会,,,宁波市海曙区解放南路',
          'nb-bl,北仑区总工会,区县总工会,nb,,新碶街道明州路',
          'nb-bl-xq,新碶街道总工会,街道乡镇总工会,nb-bl,,北仑区新碶街道',
          'nb-bl-xq-gw,宁波北仑港务有限公司工会,基层工会,nb-bl-xq,企业工会,',
        ].join('\n'),
        stored,
      ),
    );
    const byCode = new Map(plan.unions.map((u) => [u.code, u]));
    expect(byCode.get('nb')).toMatchObject({ status: 'unchanged', changes: [] });
    expect(byCode.get('nb-bl-xq')!.status).toBe('unchanged');
    expect(byCode.get('nb-bl')).toMatchObject({ status: 'changed', changes: ['地址：（空） → 新碶街道明州路'] });
    expect(byCode.get('nb-bl-xq-gw')).toMatchObject({
      status: 'changed',
      changes: ['名称：北仑港务工会 → 宁波北仑港务有限公司工会', '类型：联合工会 → 企业工会'],
    });
    expect(plan.existingNotInFile).toBe(0);
  });

  it('without a 地址 column existing addresses are kept; with it, an empty cell clears one', () => {
    const without = planOf(
      checkUnionImport(
        parseCsv(
          '工会编码,工会名称,级别,上级工会编码\nnb-bl-xq,新碶街道总工会,街道乡镇总工会,nb-bl\nnb-bl-dq,大碶街道总工会,街道乡镇总工会,nb-bl',
        ),
        new Map(STORED.map((u) => [u._id, u])),
      ),
    );
    expect(without.unions.map((u) => [u.code, u.status, u.address])).toEqual([
      ['nb-bl-xq', 'unchanged', '北仑区新碶街道'],
      ['nb-bl-dq', 'new', ''],
    ]);
    const cleared = planOf(check('nb-bl-xq,新碶街道总工会,街道乡镇总工会,nb-bl,,', STORED));
    expect(cleared.unions[0]).toMatchObject({ status: 'changed', address: '', changes: ['地址：北仑区新碶街道 → （空）'] });
  });
});

describe('file-level problems', () => {
  it.each([
    ['', '文件是空的'],
    [`${HEADER}\n`, '文件中没有工会数据（只有表头）'],
    ['工会编码,工会名称,级别\nnb,宁波市总工会,市总工会', '缺少必填列：上级工会编码'],
    [
      `${HEADER},备注\nnb,宁波市总工会,市总工会,,,,x`,
      '表头「备注」不是模板中的列，应为：工会编码、工会名称、级别、上级工会编码、类型、地址',
    ],
    [`${HEADER},地址\nnb,宁波市总工会,市总工会,,,,`, '表头「地址」重复'],
  ])('%j → %s', (csv, reason) => {
    const res = checkUnionImport(parseCsv(csv), new Map());
    expect(res).toEqual({ ok: false, fileProblem: reason, errors: [] });
  });

  it('an empty database needs the root in the file (and the rows that point to it are reported too)', () => {
    expect(problems(check('nb-bl,北仑区总工会,区县总工会,nb,,'))).toEqual([
      '文件：数据库中还没有工会：文件中须有一个级别为「市总工会」、上级工会编码留空的根工会',
      '2:上级工会编码「nb」不存在：文件中和数据库中都没有这个工会',
    ]);
  });
});

describe('row problems: every one reported with its row, nothing planned', () => {
  it('row checks', () => {
    const res = check(
      [
        'nb,宁波市总工会,市总工会,,,', // 2 ok
        ',无编码工会,区县总工会,nb,,', // 3
        'nb 1,空格编码,区县总工会,nb,,', // 4
        `${'x'.repeat(65)},长编码,区县总工会,nb,,`, // 5
        'nb-a,,区县总工会,nb,,', // 6
        'nb-b,某工会,区级,nb,,', // 7
        'nb-c,某工会,,nb,,', // 8
        'nb-d,某工会,基层工会,nb,,', // 9
        'nb-e,某工会,基层工会,nb,公司,', // 10
        'nb-f,某工会,区县总工会,nb,企业工会,', // 11
        'nb-g,某工会,区县总工会,,,', // 12
        'nb-h,某工会,区县总工会,nb-h,,', // 13
        `nb-i,${'名'.repeat(101)},区县总工会,nb,,`, // 14
        `nb-j,某工会,区县总工会,nb,,${'址'.repeat(201)}`, // 15
        'nb-k,某工会,区县总工会,nb/x,,', // 16
      ].join('\n'),
    );
    expect(problems(res)).toEqual([
      '3:工会编码为空',
      '4:工会编码「nb 1」只能包含英文字母、数字、- 和 _',
      '5:工会编码最多 64 个字符',
      '6:工会名称为空',
      '7:级别「区级」不正确，应为：市总工会、区县总工会、产业工会、街道乡镇总工会、基层工会',
      '8:级别为空',
      '9:基层工会须填写类型：企业工会 或 联合工会',
      '10:类型「公司」不正确，应为：企业工会 或 联合工会',
      '11:只有基层工会填写类型，区县（市）总工会的类型应留空',
      '12:缺少上级工会编码',
      '13:上级工会不能是自己',
      '14:工会名称最多 100 个字',
      '15:地址最多 200 个字',
      '16:上级工会编码「nb/x」只能包含英文字母、数字、- 和 _',
    ]);
  });

  it('duplicate codes, also when they differ only in letter case (in the file or against the database)', () => {
    expect(
      problems(check('nb,宁波市总工会,市总工会,,,\nnb-bl,北仑,区县总工会,nb,,\nnb-bl,北仑2,区县总工会,nb,,\nNB-BL,北仑3,区县总工会,nb,,')),
    ).toEqual(['4:工会编码「nb-bl」与第 3 行重复', '5:工会编码「NB-BL」与第 3 行的「nb-bl」只有大小写不同']);
    expect(problems(check('NB-BL-XQ,新碶,街道乡镇总工会,nb-bl,,', STORED))).toEqual([
      '2:工会编码「NB-BL-XQ」与数据库中已有的「nb-bl-xq」只有大小写不同',
    ]);
  });

  it('missing parent', () => {
    expect(problems(check('nb,宁波市总工会,市总工会,,,\nnb-x-1,某公司工会,基层工会,nb-x,企业工会,'))).toEqual([
      '3:上级工会编码「nb-x」不存在：文件中和数据库中都没有这个工会',
    ]);
  });

  it('a level its parent cannot hold', () => {
    expect(
      problems(
        check(
          [
            'nb,宁波市总工会,市总工会,,,',
            'nb-s,某街道总工会,街道乡镇总工会,nb,,', // street under the city
            'nb-bl,北仑区总工会,区县总工会,nb,,',
            'nb-bl-x,某区总工会,区县总工会,nb-bl,,', // district under a district
            'nb-bl-g,某公司工会,基层工会,nb-bl,企业工会,',
            'nb-bl-g-1,分工会,基层工会,nb-bl-g,企业工会,', // under a grassroots union
          ].join('\n'),
        ),
      ),
    ).toEqual([
      '3:街道乡镇总工会的上级应为区县总工会，而上级「nb」是市总工会',
      '5:区县总工会的上级应为市总工会，而上级「nb-bl」是区县总工会',
      '7:基层工会的上级应为市总工会、区县总工会、产业工会或街道乡镇总工会，而上级「nb-bl-g」是基层工会',
    ]);
    // A database parent's level counts the same.
    expect(problems(check('nb-bl-xq-s,某街道总工会,街道乡镇总工会,nb-bl-xq,,', STORED))).toEqual([
      '2:街道乡镇总工会的上级应为区县总工会，而上级「nb-bl-xq」是街道乡镇总工会',
    ]);
  });

  it('cycles: each row of the cycle, with the cycle', () => {
    const res = check(
      ['nb,宁波市总工会,市总工会,,,', 'a,甲,产业工会,c,,', 'b,乙,产业工会,a,,', 'c,丙,产业工会,b,,', 'd,丁,基层工会,a,企业工会,'].join(
        '\n',
      ),
    );
    const listed = problems(res).filter((p) => p.includes('循环'));
    expect(listed).toEqual(['3:上级关系形成循环：a → c → b → a', '4:上级关系形成循环：a → c → b → a', '5:上级关系形成循环：a → c → b → a']);
  });

  it('two roots in an empty database; any new root when the database has one', () => {
    expect(problems(check('nb,宁波市总工会,市总工会,,,\nhz,杭州市总工会,市总,,,'))).toEqual([
      '3:只能有一个市总工会：第 2 行已是市总工会（nb）',
    ]);
    expect(problems(check('hz,杭州市总工会,市总工会,,,', STORED))).toEqual([
      '2:数据库中已有市总工会「宁波市总工会」（nb），不能再导入另一个市总工会',
    ]);
    // The existing root itself is fine.
    expect(planOf(check('nb,宁波市总工会,市总工会,,,宁波市海曙区解放南路', STORED)).unions[0].status).toBe('unchanged');
  });

  it('existing unions are never moved and never change level', () => {
    expect(
      problems(
        check(
          ['nb-hs,海曙区总工会,区县总工会,nb,,', 'nb-bl-xq,新碶街道总工会,街道乡镇总工会,nb-hs,,', 'nb-bl,北仑区总工会,产业工会,nb,,'].join(
            '\n',
          ),
          STORED,
        ),
      ),
    ).toEqual([
      '3:工会「nb-bl-xq」已在数据库中，上级为「北仑区总工会」（nb-bl）；本工具不移动工会（文件中上级为 nb-hs），见 docs/operations.md「调整上级」',
      '4:工会「nb-bl」已在数据库中，级别为区县总工会；本工具不修改已有工会的级别（文件中为产业工会）',
    ]);
  });

  it('problems are sorted by row and a valid row elsewhere does not hide them', () => {
    const res = check(['nb-x-1,某工会,基层工会,nb-x,企业工会,', 'nb,宁波市总工会,市总工会,,,', 'nb,宁波市总工会,市总工会,,,'].join('\n'));
    expect(problems(res)).toEqual(['2:上级工会编码「nb-x」不存在：文件中和数据库中都没有这个工会', '4:工会编码「nb」与第 3 行重复']);
  });
});

describe('reading files (scripts/ops/readTable.ts)', () => {
  const csv = `${HEADER}\r\nnb,宁波市总工会,市总工会,,,海曙区\r\nnb-bl,北仑区总工会,区县总工会,nb,,\r\n`;

  it('CSV in UTF-8 (with BOM) and in GBK read the same', async () => {
    const utf8 = await readTableBytes('u.csv', new TextEncoder().encode('\uFEFF' + csv));
    const gbk = await readTableBytes('u.csv', encodeGbk(csv));
    expect(utf8).toMatchObject({ ok: true, format: 'csv-utf8' });
    expect(gbk).toMatchObject({ ok: true, format: 'csv-gb18030' });
    if (!utf8.ok || !gbk.ok) return;
    expect(gbk.records).toEqual(utf8.records);
    expect(planOf(checkUnionImport(utf8.records, new Map())).unions.map((u) => u.code)).toEqual(['nb', 'nb-bl']);
  });

  it('an .xlsx workbook: first sheet, Excel row numbers; a numeric code ≤ 15 digits is its digits, longer or a date is a row problem', async () => {
    const book = xlsxWorkbook([
      {
        name: '工会',
        rows: [
          { r: 1, cells: ['工会编码', '工会名称', '级别', '上级工会编码', '类型', '地址'] },
          { r: 2, cells: [{ n: '330200' }, '宁波市总工会', '市总工会', null, null, null] },
          { r: 4, cells: [{ n: '330206' }, '北仑区总工会', '区县总工会', { n: '330200' }, null, null] },
          { r: 5, cells: [{ n: '3.30206000000001E+17' }, '某公司工会', '基层工会', { n: '330206' }, '企业工会', null] },
          { r: 6, cells: ['x1', '某公司工会', '基层工会', { n: '330206' }, '企业工会', { date: 45000 }] },
        ],
      },
      { name: 'Sheet2', rows: [{ r: 1, cells: ['忽略'] }] },
    ]);
    const read = await readTableBytes('u.xlsx', book);
    expect(read).toMatchObject({ ok: true, format: 'xlsx' });
    if (!read.ok) return;
    expect(read.records.map((r) => r.row)).toEqual([1, 2, 4, 5, 6]);
    expect(problems(checkUnionImport(read.records, new Map()))).toEqual([
      '5:「工会编码」被 Excel 存成了数字，数字已改变，请将该列设为文本格式后重新填写',
      '6:「地址」被 Excel 存成了日期，请将该列设为文本格式后重新填写',
    ]);
    const ok = await readTableBytes(
      'u.xlsx',
      xlsxWorkbook([
        {
          name: '工会',
          rows: [
            { r: 1, cells: ['工会编码', '工会名称', '级别', '上级工会编码'] },
            { r: 2, cells: [{ n: '330200' }, '宁波市总工会', '市总工会', null] },
            { r: 3, cells: [{ n: '330206' }, '北仑区总工会', '区县总工会', { n: '330200' }] },
          ],
        },
      ]),
    );
    if (!ok.ok) throw new Error(ok.reason);
    expect(planOf(checkUnionImport(ok.records, new Map())).unions.map((u) => u.ancestors)).toEqual([['330200'], ['330200', '330206']]);
  });

  it('refuses .xls, non-text bytes and broken quoting', async () => {
    expect(await readTableBytes('u.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({
      ok: false,
      reason: '不支持 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV',
    });
    expect(await readTableBytes('u.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('无法识别文件内容'),
    });
    expect(await readTableBytes('u.csv', new TextEncoder().encode(`${HEADER}\n"nb,宁波`))).toEqual({
      ok: false,
      reason: '文件格式有误，第 2 行：引号没有闭合',
    });
    expect(await readTableBytes('u.csv', new Uint8Array())).toEqual({ ok: false, reason: '文件是空的' });
  });
});
