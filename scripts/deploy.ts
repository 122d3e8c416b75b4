/**
 * Deploy to a real CloudBase environment with the CloudBase CLI (@cloudbase/cli, `tcb`).
 *
 *   TCB_ENV_ID=your-env-id npm run deploy     build, then `tcb fn deploy` every function
 *   npm run deploy:check                      no network: build, check cloudbaserc.json against
 *                                             the functions' config.json, print the plan
 *   npx tsx scripts/deploy.ts --write         regenerate cloudbaserc.json from the functions
 *
 * The env id and credentials come from the environment (TCB_ENV_ID; the CLI's own login or
 * TCB_SECRET_ID / TCB_SECRET_KEY), never from the repository.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_SPECS } from '../cloudfunctions/_lib/collections';
import { SECRET_NAMES } from '../cloudfunctions/_lib/personal';
import { buildFunctions, FUNCTIONS_OUT, ROOT } from './build-functions';

const RC = join(ROOT, 'cloudbaserc.json');
const RUNTIME = 'Nodejs18.15';

interface FnConfig {
  timeout?: number;
  triggers?: Array<{ name: string; type: string; config: string }>;
}

export function expectedRc(names: string[]): unknown {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: 'dist/functions',
    functions: names.map((name) => {
      const cfg = JSON.parse(readFileSync(join(FUNCTIONS_OUT, name, 'config.json'), 'utf8')) as FnConfig;
      return {
        name,
        runtime: RUNTIME,
        handler: 'index.main',
        timeout: cfg.timeout ?? 20,
        installDependency: true,
        // Filled by the CLI from the deployer's environment: never committed.
        envVariables: Object.fromEntries(SECRET_NAMES.map((s) => [s, `{{env.${s}}}`])),
        triggers: cfg.triggers ?? [],
      };
    }),
  };
}

function run(cmd: string, args: string[]): void {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, env: process.env });
  if (res.status !== 0) {
    console.error(`命令失败（退出码 ${res.status ?? 'signal'}）：${cmd} ${args.join(' ')}`);
    process.exit(res.status ?? 1);
  }
}

function main(): void {
  const dryRun = process.argv.includes('--dry-run');
  const names = buildFunctions({ quiet: true });
  const expected = JSON.stringify(expectedRc(names), null, 2) + '\n';
  if (process.argv.includes('--write')) {
    writeFileSync(RC, expected);
    console.log('cloudbaserc.json 已更新');
    return;
  }
  if (readFileSync(RC, 'utf8') !== expected) {
    console.error('cloudbaserc.json 与 cloudfunctions/*/config.json 不一致：运行 npx tsx scripts/deploy.ts --write');
    process.exit(1);
  }
  const envId = process.env.TCB_ENV_ID;
  if (!dryRun && !envId) {
    console.error('请设置环境变量 TCB_ENV_ID（云开发环境 ID）');
    process.exit(2);
  }
  const env = envId ?? '<TCB_ENV_ID>';
  console.log(`部署计划（环境 ${env}）：`);
  for (const name of names) console.log(`  云函数 ${name}: tcb fn deploy ${name} --force -e ${env}`);
  console.log('  数据库集合与索引（在控制台或 tcb 中创建；本地云在启动时自动创建）：');
  for (const c of COLLECTION_SPECS) {
    const idx = (c.indexes ?? []).map((i) => `${i.name}(${Object.keys(i.keys).join(',')}${i.unique ? ', 唯一' : ''})`).join('；');
    console.log(`    ${c.name}${idx ? `：${idx}` : ''}`);
  }
  if (dryRun) {
    console.log('deploy check ok（dry run：未连接云端）');
    return;
  }
  const cli = ['--yes', '@cloudbase/cli'];
  if (process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY) {
    run('npx', [...cli, 'login', '--apiKeyId', process.env.TCB_SECRET_ID, '--apiKey', process.env.TCB_SECRET_KEY]);
  }
  for (const name of names) run('npx', [...cli, 'fn', 'deploy', name, '--force', '-e', env]);
  console.log('部署完成');
}

main();
