/**
 * `npm run ops:import-unions` (scripts/ops/import-unions.ts) against a local cloud's database
 * with --db-url, through its exported `run` (the same code the CLI runs): a city loads its
 * union tree into an empty environment, re-runs are no-ops, bad files write nothing, and the
 * member function then serves the imported tree.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { xlsxWorkbook } from '../../scenarios/importFiles';
import { run, applyPlan } from '../../../scripts/ops/import-unions';
import { checkUnionImport, KIND_TEMPLATE_LABELS, LEVEL_TEMPLATE_LABELS } from '../../../scripts/ops/unionTemplate';
import { readTableFile } from '../../../scripts/ops/readTable';
import { generateUnionCsv } from '../../../scripts/bench/unions-import';
import { UNION_TREE } from '../../../scripts/local-cloud/demo/seed';
import { csvCell } from '../../../shared/member/csv';
import type { ListUnionsResult } from '../../../shared/member/schemas';

type Doc = Record<string, unknown> & { _id: string };

let t: TestCloud; // empty: what a city starts with
let seeded: TestCloud; // the demo seed, to compare with
let dir: string;

beforeAll(async () => {
  [t, seeded] = await Promise.all([givenLocalCloud({ seed: false }), givenLocalCloud({ seed: true })]);
  dir = mkdtempSync(join(tmpdir(), 'ops-import-'));
});
afterAll(async () => {
  await Promise.all([t?.close(), seeded?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = ['工会编码', '工会名称', '级别', '上级工会编码', '类型', '地址'];
let fileNo = 0;
function writeCsv(rows: string[][]): string {
  const path = join(dir, `unions-${++fileNo}.csv`);
  writeFileSync(path, '\uFEFF' + [HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
  return path;
}

/** The demo tree (scripts/local-cloud/demo/seed.ts UNION_TREE) as a city would fill in the template. */
const DEMO_ROWS: string[][] = UNION_TREE.map((u) => [
  u._id,
  u.name,
  LEVEL_TEMPLATE_LABELS[u.level],
  u.parentId ?? '',
  u.kind ? KIND_TEMPLATE_LABELS[u.kind] : '',
  u.address ?? '',
]);

async function importFile(path: string, ...flags: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run([path, '--db-url', t.cloud.dbUrl, ...flags], { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out, err };
}

async function allUnions(cloud: TestCloud = t): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const res = await cloud.db.collection('unions').orderBy('_id', 'asc').skip(offset).limit(1000).get();
    out.push(...(res.data as Doc[]));
    if (res.data.length < 1000) return out;
  }
}

const withoutTimes = (docs: Doc[]) => docs.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);

describe('an empty environment: files that must not be written', () => {
  it.each([
    [
      'two roots',
      [
        ['nb', '宁波市总工会', '市总工会', '', '', ''],
        ['hz', '杭州市总工会', '市总工会', '', '', ''],
      ],
      '第 3 行：只能有一个市总工会：第 2 行已是市总工会（nb）',
    ],
    [
      'no root',
      [['nb-bl', '北仑区总工会', '区县总工会', 'nb', '', '']],
      '文件无法导入：数据库中还没有工会：文件中须有一个级别为「市总工会」、上级工会编码留空的根工会',
    ],
    [
      'a missing parent',
      [
        ['nb', '宁波市总工会', '市总工会', '', '', ''],
        ['nb-bl-xq', '新碶街道总工会', '街道乡镇总工会', 'nb-bl', '', ''],
      ],
      '第 3 行：上级工会编码「nb-bl」不存在：文件中和数据库中都没有这个工会',
    ],
  ])('%s → exit 1, the problem with its row, nothing written', async (_name, rows, line) => {
    const res = await importFile(writeCsv(rows), '--apply');
    expect(res.code).toBe(1);
    expect(res.err).toContain(line.startsWith('第') ? `  ${line}` : line);
    expect(res.err[res.err.length - 1]).toBe('未写入任何数据。请修改文件后重新运行。');
    expect(await allUnions()).toEqual([]);
  });

  it('the dry run (the default) checks and plans, and writes nothing', async () => {
    const res = await importFile(writeCsv(DEMO_ROWS));
    expect(res.code).toBe(0);
    expect(res.out).toEqual(
      expect.arrayContaining([
        `文件中 ${UNION_TREE.length} 个工会；数据库中已有 0 个。`,
        '  市总工会：新增 1，更新 0，不变 0',
        '  区县总工会：新增 4，更新 0，不变 0',
        '  产业工会：新增 1，更新 0，不变 0',
        '  街道乡镇总工会：新增 7，更新 0，不变 0',
        '  基层工会：新增 9，更新 0，不变 0',
        '这是试运行（dry run），未写入任何数据。确认无误后加 --apply 写入。',
      ]),
    );
    expect(await allUnions()).toEqual([]);
  });
});

describe('loading the tree', () => {
  it('--apply writes every union as the demo seed does: _id = code, ancestors root → self, kind, address', async () => {
    const res = await importFile(writeCsv(DEMO_ROWS), '--apply');
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[res.out.length - 1]).toMatch(new RegExp(`^已写入：新增 ${UNION_TREE.length} 个，更新 0 个`));
    const imported = await allUnions();
    const fromSeed = await allUnions(seeded);
    expect(imported).toHaveLength(UNION_TREE.length);
    expect(withoutTimes(imported)).toEqual(withoutTimes(fromSeed));
    expect(imported.find((u) => u._id === 'nb-bl-xq-gw')).toMatchObject({
      code: 'nb-bl-xq-gw',
      ancestors: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'],
      kind: 'enterprise',
    });
    for (const u of imported) expect(u.createdAt).toBeInstanceOf(Date);
  });

  it('running the same file again changes nothing (not even updatedAt)', async () => {
    const before = await allUnions();
    const res = await importFile(writeCsv(DEMO_ROWS), '--apply');
    expect(res.code).toBe(0);
    expect(res.out).toContain(`  基层工会：新增 0，更新 0，不变 9`);
    expect(res.out[res.out.length - 1]).toBe('没有需要写入的变化。');
    expect(await allUnions()).toEqual(before);
  });

  it('a renamed union and a changed address update those fields only; the dry run shows them first', async () => {
    const rows = DEMO_ROWS.map((r) => [...r]);
    rows.find((r) => r[0] === 'nb-bl-xq-gw')![1] = '宁波北仑港务集团有限公司工会';
    rows.find((r) => r[0] === 'nb-hs')![5] = '宁波市海曙区中山西路';
    const file = writeCsv(rows);
    const before = await allUnions();

    const dry = await importFile(file);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('  更新 nb-bl-xq-gw（第 5 行）：名称：宁波北仑港务有限公司工会 → 宁波北仑港务集团有限公司工会');
    expect(dry.out).toContain('  更新 nb-hs（第 10 行）：地址：宁波市海曙区 → 宁波市海曙区中山西路');
    expect(await allUnions()).toEqual(before);

    const res = await importFile(file, '--apply');
    expect(res.code).toBe(0);
    expect(res.out[res.out.length - 1]).toMatch(/^已写入：新增 0 个，更新 2 个/);
    const after = await allUnions();
    const gw = after.find((u) => u._id === 'nb-bl-xq-gw')!;
    const gwBefore = before.find((u) => u._id === 'nb-bl-xq-gw')!;
    expect(gw).toEqual({ ...gwBefore, name: '宁波北仑港务集团有限公司工会', updatedAt: expect.any(Date) });
    expect((gw.updatedAt as Date).getTime()).toBeGreaterThan((gwBefore.updatedAt as Date).getTime());
    expect(after.find((u) => u._id === 'nb-hs')!.address).toBe('宁波市海曙区中山西路');
    const untouched = (docs: Doc[]) => docs.filter((u) => u._id !== 'nb-bl-xq-gw' && u._id !== 'nb-hs');
    expect(untouched(after)).toEqual(untouched(before));
  });

  it.each([
    [
      'a duplicate code',
      [
        ['nb-zh-zbs-1', '某公司工会', '基层工会', 'nb-zh-zbs', '企业工会', ''],
        ['nb-zh-zbs-1', '某公司工会', '基层工会', 'nb-zh-zbs', '企业工会', ''],
      ],
      '第 3 行：工会编码「nb-zh-zbs-1」与第 2 行重复',
    ],
    [
      'a cycle',
      [
        ['nb-zh-a', '甲', '产业工会', 'nb-zh-b', '', ''],
        ['nb-zh-b', '乙', '产业工会', 'nb-zh-a', '', ''],
      ],
      '第 2 行：上级关系形成循环：nb-zh-a → nb-zh-b → nb-zh-a',
    ],
    [
      'a bad level',
      [['nb-zh-zbs-2', '某公司工会', '基层', 'nb-zh-zbs', '企业工会', '']],
      '第 2 行：级别「基层」不正确，应为：市总工会、区县总工会、产业工会、街道乡镇总工会、基层工会',
    ],
    [
      'a level its parent cannot hold',
      [['nb-zh-x', '某街道总工会', '街道乡镇总工会', 'nb', '', '']],
      '第 2 行：街道乡镇总工会的上级应为区县总工会，而上级「nb」是市总工会',
    ],
    [
      'a second root',
      [['hz', '杭州市总工会', '市总工会', '', '', '']],
      '第 2 行：数据库中已有市总工会「宁波市总工会」（nb），不能再导入另一个市总工会',
    ],
    [
      'a move to another parent',
      [['nb-bl-xq', '新碶街道总工会', '街道乡镇总工会', 'nb-hs', '', '北仑区新碶街道']],
      '第 2 行：工会「nb-bl-xq」已在数据库中，上级为「北仑区总工会」（nb-bl）；本工具不移动工会（文件中上级为 nb-hs），见 docs/operations.md「调整上级」',
    ],
  ])('into the loaded tree, %s → exit 1 and nothing written (valid rows of the file neither)', async (_name, rows, line) => {
    const before = await allUnions();
    const valid = ['nb-zh-zbs-ok', '招宝山某公司工会', '基层工会', 'nb-zh-zbs', '企业工会', ''];
    const res = await importFile(writeCsv([...rows, valid]), '--apply');
    expect(res.code).toBe(1);
    expect(res.err).toContain(`  ${line}`);
    expect(await allUnions()).toEqual(before);
  });

  it('an .xlsx workbook adds unions under parents already in the database', async () => {
    const path = join(dir, 'new.xlsx');
    writeFileSync(
      path,
      xlsxWorkbook([
        {
          name: '工会组织',
          rows: [
            { r: 1, cells: HEADER },
            { r: 2, cells: ['nb-zh-zbs-hg', '镇海炼化某公司工会', '基层工会', 'nb-zh-zbs', '企业工会', '镇海区招宝山街道'] },
            { r: 3, cells: ['nb-zh-zbs-lh', '招宝山商贸联合工会', '基层工会', 'nb-zh-zbs', '联合工会', null] },
          ],
        },
      ]),
    );
    const res = await importFile(path, '--apply');
    expect(res.code).toBe(0);
    expect(res.out).toContain('文件：' + path + '（Excel 工作簿，第一个工作表）');
    const docs = await allUnions();
    expect(docs.find((u) => u._id === 'nb-zh-zbs-lh')).toMatchObject({
      level: 'grassroots',
      kind: 'joint',
      parentId: 'nb-zh-zbs',
      ancestors: ['nb', 'nb-zh', 'nb-zh-zbs', 'nb-zh-zbs-lh'],
      address: '',
    });
  });

  it('the member function lists the imported unions for the join form', async () => {
    const res = await t.call<ListUnionsResult>('member', 'listUnions', { level: 'grassroots', keyword: '招宝山' }, 'anonymous');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.unions).toEqual([
      {
        id: 'nb-zh-zbs-lh',
        name: '招宝山商贸联合工会',
        level: 'grassroots',
        kind: 'joint',
        parentId: 'nb-zh-zbs',
        ancestors: ['nb', 'nb-zh', 'nb-zh-zbs', 'nb-zh-zbs-lh'],
        address: '',
      },
    ]);
    const streets = await t.call<ListUnionsResult>('member', 'listUnions', { level: 'street', parentId: 'nb-bl' }, 'anonymous');
    expect(streets.ok && streets.data.unions.map((u) => u.id)).toEqual(['nb-bl-dq', 'nb-bl-xg', 'nb-bl-xq']);
  });
});

describe('a large tree', () => {
  let big: TestCloud;
  beforeAll(async () => {
    big = await givenLocalCloud({ seed: false });
  });
  afterAll(async () => {
    await big?.close();
  });

  it('3,000 unions in many batches: every union whose parent is written, ancestors = parent’s + self; a second run is a no-op', async () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, generateUnionCsv(3000));
    const io = { out: () => {}, err: (l: string) => errors.push(l) };
    const errors: string[] = [];
    expect(await run([path, '--db-url', big.cloud.dbUrl, '--apply'], io, {})).toBe(0);
    expect(errors).toEqual([]);
    const docs = await allUnions(big);
    expect(docs).toHaveLength(3000);
    const byId = new Map(docs.map((u) => [u._id, u]));
    for (const u of docs) {
      const parent = u.parentId ? byId.get(u.parentId as string) : null;
      expect(u.ancestors).toEqual(parent ? [...(parent.ancestors as string[]), u._id] : [u._id]);
    }
    const lines: string[] = [];
    expect(await run([path, '--db-url', big.cloud.dbUrl, '--apply'], { out: (l) => lines.push(l), err: (l) => lines.push(l) }, {})).toBe(0);
    expect(lines[lines.length - 1]).toBe('没有需要写入的变化。');
  });

  it('a run planned before someone else wrote some of its unions still ends with every union written once', async () => {
    const path = join(dir, 'race.csv');
    // Another tree (codes zz…), planned as if the database were empty; then "another run"
    // inserts two of its unions before this one writes.
    writeFileSync(path, generateUnionCsv(250).replace(/(^|,)nb(?=[-,])/gm, '$1zz'));
    const table = await readTableFile(path);
    if (!table.ok) throw new Error(table.reason);
    const check = checkUnionImport(table.records, new Map());
    if (!check.ok) throw new Error(JSON.stringify(check));
    const first = check.unions.slice(0, 2);
    for (const u of first)
      await big.db
        .collection('unions')
        .doc(u.code)
        .set({ code: u.code, name: 'stale', level: u.level, kind: u.kind, parentId: u.parentId, ancestors: u.ancestors, address: '' });
    await applyPlan(big.db, check.unions, new Date());
    const written = (await allUnions(big)).filter((u) => u._id.startsWith('zz'));
    expect(written).toHaveLength(250);
    // The batch that met the duplicate was written one by one: the stale documents hold the file's values.
    expect(written.find((u) => u._id === first[0].code)!.name).toBe(first[0].name);
  });
});
