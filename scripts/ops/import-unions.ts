/**
 * Load (or update) a city's union tree from the fixed template (docs/operations.md):
 *
 *   npm run ops:import-unions -- unions.xlsx                 dry run: check the file, print the plan
 *   npm run ops:import-unions -- unions.csv --apply          write it
 *   … --db-url http://127.0.0.1:8788/admin                   against the local cloud's database
 *
 * Without --db-url it writes to the CloudBase environment TCB_ENV_ID with the API keys from the
 * environment (scripts/ops/cloud.ts). The whole file is checked against the database before
 * anything is written; any problem → every problem listed with its row, exit 1, nothing written.
 * --apply inserts new unions (parents before children, in batches) and updates the name, address
 * and kind of changed ones; re-running the same file changes nothing. It never deletes a union,
 * never moves one to another parent and never changes a level (refused with the row).
 *
 * Exit codes: 0 done (or nothing to do), 1 the file has problems, 2 usage / connection settings.
 */
import { parseArgs } from 'node:util';
import { C } from '../../cloudfunctions/_lib/collections';
import { checkUnionImport, summarizePlan, type PlannedUnion } from './unionTemplate';
import { readTableFile } from './readTable';
import { connect, consoleIo, describeFailure, eachLimit, failed, readAllUnions, type Db, type Env, type Io } from './cloud';

const USAGE = '用法：import-unions <文件.csv|文件.xlsx> [--apply] [--db-url http://127.0.0.1:8788/admin]';
/** Documents per insert request (one request per batch; CloudBase accepts an array). */
export const INSERT_BATCH = 100;
const INSERT_LANES = 4;
const UPDATE_LANES = 8;
const MAX_PRINTED_CHANGES = 50;

export interface ImportResult {
  inserted: number;
  updated: number;
}

export async function run(argv: string[], io: Io = consoleIo, env: Env = process.env, now: () => Date = () => new Date()): Promise<number> {
  let args: { file: string; apply: boolean; dbUrl?: string };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { apply: { type: 'boolean', default: false }, 'db-url': { type: 'string' }, help: { type: 'boolean', default: false } },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Error('请给出一个导入文件');
    args = { file: positionals[0], apply: values.apply === true, dbUrl: values['db-url'] };
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }

  const conn = connect(args.dbUrl, env);
  if (!conn.ok) {
    io.err(conn.reason);
    return 2;
  }

  const table = await readTableFile(args.file);
  if (!table.ok) {
    io.err(`文件无法导入：${table.reason}`);
    io.err('未写入任何数据。');
    return 1;
  }
  io.out(`目标：${conn.target}`);
  io.out(
    `文件：${args.file}（${table.format === 'xlsx' ? 'Excel 工作簿，第一个工作表' : table.format === 'csv-utf8' ? 'CSV，UTF-8' : 'CSV，GBK/GB18030'}）`,
  );

  const existing = await readAllUnions(conn.db);
  const check = checkUnionImport(table.records, existing);
  if (!check.ok) {
    if (check.fileProblem) io.err(`文件无法导入：${check.fileProblem}`);
    if (check.errors.length) {
      io.err(`发现 ${check.errors.length} 个问题：`);
      // Every problem (a long list goes to stderr: `2> problems.txt` keeps it).
      for (const e of check.errors) io.err(`  第 ${e.row} 行：${e.reason}`);
    }
    io.err('未写入任何数据。请修改文件后重新运行。');
    return 1;
  }

  const plan = check.unions;
  io.out(`文件中 ${plan.length} 个工会；数据库中已有 ${existing.size} 个。`);
  for (const l of summarizePlan(plan)) io.out(`  ${l.label}：新增 ${l.new}，更新 ${l.changed}，不变 ${l.unchanged}`);
  const changed = plan.filter((u) => u.status === 'changed');
  for (const u of changed.slice(0, MAX_PRINTED_CHANGES)) io.out(`  更新 ${u.code}（第 ${u.row} 行）：${u.changes.join('；')}`);
  if (changed.length > MAX_PRINTED_CHANGES) io.out(`  ……另有 ${changed.length - MAX_PRINTED_CHANGES} 个工会更新未列出`);
  if (check.existingNotInFile > 0) io.out(`数据库中另有 ${check.existingNotInFile} 个工会不在文件中：保持不变（本工具从不删除工会）。`);

  const toInsert = plan.filter((u) => u.status === 'new');
  if (toInsert.length === 0 && changed.length === 0) {
    io.out('没有需要写入的变化。');
    return 0;
  }
  if (!args.apply) {
    io.out('这是试运行（dry run），未写入任何数据。确认无误后加 --apply 写入。');
    return 0;
  }

  const started = Date.now();
  const result = await applyPlan(conn.db, plan, now(), (line) => io.out(line));
  io.out(`已写入：新增 ${result.inserted} 个，更新 ${result.updated} 个（${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
  return 0;
}

function newDoc(u: PlannedUnion, at: Date): Record<string, unknown> {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    kind: u.kind,
    parentId: u.parentId,
    ancestors: u.ancestors,
    address: u.address,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Write a checked plan: new unions level by level (depth of the tree, so an interrupted run
 * never leaves a union whose parent is missing), in batches; then the changed ones. Re-running
 * after an interruption reads the database again and finishes the rest.
 */
export async function applyPlan(
  db: Db,
  plan: readonly PlannedUnion[],
  at: Date,
  progress: (line: string) => void = () => {},
): Promise<ImportResult> {
  const unions = db.collection(C.unions);
  const toInsert = plan.filter((u) => u.status === 'new');
  const depths = [...new Set(toInsert.map((u) => u.ancestors.length))].sort((a, b) => a - b);
  let inserted = 0;
  for (const depth of depths) {
    const level = toInsert.filter((u) => u.ancestors.length === depth);
    const batches: PlannedUnion[][] = [];
    for (let i = 0; i < level.length; i += INSERT_BATCH) batches.push(level.slice(i, i + INSERT_BATCH));
    await eachLimit(batches, INSERT_LANES, async (batch) => {
      let res: unknown;
      try {
        res = await unions.add(batch.map((u) => ({ _id: u.code, ...newDoc(u, at) })));
      } catch (e) {
        res = e;
      }
      const failure = failed(res);
      if (failure) {
        // Another run (or a partial earlier batch) got there first: write each one as it should be.
        if (failure.code !== 'DATABASE_DUPLICATE_WRITE') throw new Error(`写入失败：${failure.code} ${failure.message ?? ''}`);
        for (const u of batch) await unions.doc(u.code).set(newDoc(u, at));
      }
      inserted += batch.length;
    });
    progress(`  第 ${depth} 层：新增 ${level.length} 个`);
  }
  const changed = plan.filter((u) => u.status === 'changed');
  let updated = 0;
  await eachLimit(changed, UPDATE_LANES, async (u) => {
    const res = await unions.doc(u.code).update({ name: u.name, address: u.address, kind: u.kind, updatedAt: at });
    const failure = failed(res);
    if (failure) throw new Error(`更新 ${u.code} 失败：${failure.code} ${failure.message ?? ''}`);
    updated++;
  });
  return { inserted, updated };
}

if (process.argv[1] && /ops[\\/]import-unions(\.ts)?$/.test(process.argv[1])) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`导入中断：${describeFailure(err)}`);
      console.error('已写入的部分保持不变；修正问题后用同一文件重新运行即可补齐（重复运行不会重复写入）。');
      process.exit(1);
    },
  );
}
