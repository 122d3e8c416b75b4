/**
 * Deploy to a real CloudBase environment through the management API (@cloudbase/manager-node).
 *
 *   npm run deploy          check the settings, create every collection and index, verify them,
 *                           write the schema marker, deploy every function with its environment
 *                           variables and timer triggers (scripts/deploy/run.ts)
 *   npm run deploy:check    no network: build, check cloudbaserc.json against the functions'
 *                           config.json, print the plan (part of npm run check)
 *   npx tsx scripts/deploy.ts --write    regenerate cloudbaserc.json from the functions
 *
 * Everything secret comes from the deployer's environment, never from the repository:
 * TCB_ENV_ID, TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (or TCB_SECRET_ID / TCB_SECRET_KEY,
 * optional TENCENTCLOUD_SESSIONTOKEN), and the functions' ID_HASH_SECRET and CARD_TOKEN_SECRET
 * (scripts/deploy/environment.ts). docs/operations.md describes the steps and exit codes.
 */
import CloudBase from '@cloudbase/manager-node';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_SPECS } from '../cloudfunctions/_lib/collections';
import { buildFunctions, FUNCTIONS_OUT, ROOT } from './build-functions';
import { credentialsOf, environmentNames } from './deploy/environment';
import { functionDef } from './deploy/functions';
import type { DatabaseApi } from './deploy/database';
import type { FunctionsApi } from './deploy/functions';
import { runDeploy } from './deploy/run';
import { connect, consoleIo } from './ops/cloud';

const RC = join(ROOT, 'cloudbaserc.json');

export function expectedRc(names: string[]): unknown {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: 'dist/functions',
    functions: names.map((name) => {
      const def = functionDef(FUNCTIONS_OUT, name);
      return { name, runtime: def.runtime, handler: def.handler, timeout: def.timeout, installDependency: true, triggers: def.triggers };
    }),
  };
}

function printPlan(names: string[]): void {
  const env = process.env.TCB_ENV_ID ?? '<TCB_ENV_ID>';
  console.log(`部署计划（环境 ${env}）：`);
  console.log(
    `  数据库：${COLLECTION_SPECS.length} 个集合、${COLLECTION_SPECS.reduce((n, c) => n + (c.indexes?.length ?? 0), 0)} 个索引，缺少的自动创建，完成后逐一核对：`,
  );
  for (const c of COLLECTION_SPECS) {
    const idx = (c.indexes ?? []).map((i) => `${i.name}(${Object.keys(i.keys).join(',')}${i.unique ? ', 唯一' : ''})`).join('；');
    console.log(`    ${c.name}${idx ? `：${idx}` : ''}`);
  }
  for (const name of names) {
    const def = functionDef(FUNCTIONS_OUT, name);
    const timers = def.triggers.map((t) => `${t.name} ${t.config}`).join('；') || '无';
    console.log(`  云函数 ${name}：环境变量 ${environmentNames(name).join('、')}；定时触发器 ${timers}`);
  }
}

async function main(): Promise<number> {
  const names = buildFunctions({ quiet: true });
  const expected = JSON.stringify(expectedRc(names), null, 2) + '\n';
  if (process.argv.includes('--write')) {
    writeFileSync(RC, expected);
    console.log('cloudbaserc.json 已更新');
    return 0;
  }
  if (readFileSync(RC, 'utf8') !== expected) {
    console.error('cloudbaserc.json 与 cloudfunctions/*/config.json 不一致：运行 npx tsx scripts/deploy.ts --write');
    return 1;
  }
  printPlan(names);
  if (process.argv.includes('--dry-run')) {
    console.log('deploy check ok（dry run：未连接云端）');
    return 0;
  }
  return runDeploy({
    env: process.env,
    io: consoleIo,
    functionNames: names,
    functionsOut: FUNCTIONS_OUT,
    connect: () => {
      const c = credentialsOf(process.env);
      const manager = new CloudBase({ envId: c.envId, secretId: c.secretId, secretKey: c.secretKey, token: c.token });
      const marker = connect(undefined, process.env);
      if (!marker.ok) throw new Error(marker.reason);
      return {
        database: manager.database as unknown as DatabaseApi,
        functions: manager.functions as unknown as FunctionsApi,
        markerDb: marker.db,
      };
    },
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`部署失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
