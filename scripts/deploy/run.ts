/**
 * A real deploy, in the order that never leaves a function running on a database it cannot
 * trust: (1) refuse unless every secret is in the environment; (2) create the missing
 * collections and indexes; (3) verify the database against collections.ts and stop on any
 * difference; (4) write the schema marker; (5) deploy the functions with their environment and
 * triggers, deleting timers the code no longer declares; (6) verify the triggers.
 * Exit codes: 0 done, 1 the environment does not match (diff printed), 2 missing settings.
 */
import { COLLECTION_SPECS, type CollectionSpec } from '../../cloudfunctions/_lib/collections';
import type { Db, Io } from '../ops/cloud';
import { diffDatabase, ensureDatabase, type DatabaseApi } from './database';
import { functionEnvironment, missingEnv, type Env } from './environment';
import { deployFunction, functionDef, verifyTriggers, type FunctionsApi } from './functions';
import { formatDiff, isMismatch } from './indexes';
import { writeSchemaMarker } from './marker';

export interface DeployTarget {
  database: DatabaseApi;
  functions: FunctionsApi;
  /** Where the schema marker goes (the environment's database through @cloudbase/node-sdk). */
  markerDb: Db;
}

export interface DeployOptions {
  env: Env;
  io: Io;
  /** Built only after the settings are checked, so a refusal sends nothing. */
  connect: () => DeployTarget;
  functionNames: string[];
  functionsOut: string;
  specs?: CollectionSpec[];
  now?: () => Date;
}

export async function runDeploy(o: DeployOptions): Promise<number> {
  const missing = missingEnv(o.env);
  if (missing.length > 0) {
    o.io.err('部署未开始：缺少以下环境变量（只从部署者的环境读取，不要写进仓库中的任何文件）：');
    for (const m of missing) o.io.err(`  - ${m}`);
    return 2;
  }
  const specs = o.specs ?? COLLECTION_SPECS;
  const target = o.connect();
  const log = (line: string) => o.io.out(line);

  log('数据库：创建缺少的集合与索引');
  const ensured = await ensureDatabase(target.database, specs, log);
  log(`  新建集合 ${ensured.createdCollections.length} 个，新建索引 ${ensured.createdIndexes.length} 个`);

  log('数据库：核对集合与索引（cloudfunctions/_lib/collections.ts）');
  const diffs = await diffDatabase(target.database, specs);
  const lines = diffs.flatMap(formatDiff);
  for (const line of lines) log(`  ${line}`);
  if (diffs.some(isMismatch)) {
    o.io.err('数据库与 collections.ts 不一致（见上方差异：- 缺少，! 定义不一致）。未写入校验标记，未部署云函数。');
    o.io.err('定义不一致的索引不会被自动删除重建：请先确认数据（唯一索引要求没有重复值），在控制台删除该索引后重新运行 npm run deploy。');
    return 1;
  }
  const marker = await writeSchemaMarker(target.markerDb, 'deploy', (o.now ?? (() => new Date()))());
  log(
    `  一致：${specs.length} 个集合，${specs.reduce((n, s) => n + (s.indexes?.length ?? 0), 0)} 个索引；已写入校验标记 system_meta/schema（版本 ${marker.version}）`,
  );

  log('云函数：代码、环境变量与定时触发器');
  const triggerDiffs: string[] = [];
  for (const name of o.functionNames) {
    const def = functionDef(o.functionsOut, name);
    await deployFunction(target.functions, def, functionEnvironment(name, o.env), o.functionsOut, log);
    triggerDiffs.push(...(await verifyTriggers(target.functions, def)));
  }
  if (triggerDiffs.length > 0) {
    for (const line of triggerDiffs) o.io.err(`  ${line}`);
    o.io.err('定时触发器与 config.json 不一致');
    return 1;
  }
  log('部署完成');
  return 0;
}
