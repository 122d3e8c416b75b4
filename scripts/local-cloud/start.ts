/**
 * `npm start`: build what is missing, start the local cloud with demo data, print the URLs,
 * stop cleanly on Ctrl-C.
 *
 * Environment: LOCAL_CLOUD_PORT (8787), LOCAL_DB_PORT (8788), LOCAL_CLOUD_DATA (.local-cloud),
 * LOCAL_CLOUD_HOST (127.0.0.1), LOCAL_CLOCK_OFFSET_MS (0), H5_REBUILD=1 to force an H5 build (it is
 * also rebuilt when a file under miniprogram/, shared/ or config/ is newer than the build). The
 * 工会工作台 (console/, served at /console/) is built with esbuild when missing or older than
 * console/ or shared/ (about a second);
 * LOCAL_QUOTA=base|standard (+ LOCAL_QUOTA_* overrides) for CloudBase's limits (./quota.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { buildFunctions } from '../build-functions';
import { buildConsole } from '../build-console';
import { ROOT, startLocalCloud } from './index';
import { demoDataNotice } from './demo/seed';
import { describeQuota, quotaFromEnv } from './core/quota';

/** The newest modification time of the files under `dirs` (what the H5 build is made from). */
function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}

/** Why the H5 build must be (re)made, or null: missing, forced, or older than its sources (after a pull). */
function h5BuildReason(staticDir: string): string | null {
  const index = join(staticDir, 'index.html');
  if (!existsSync(index)) return '正在构建 H5 版本（首次约 1–2 分钟）…';
  if (process.env.H5_REBUILD === '1') return '正在重新构建 H5 版本（H5_REBUILD=1）…';
  const sources = [join(ROOT, 'miniprogram'), join(ROOT, 'shared'), join(ROOT, 'config')];
  if (newestMtime(sources) > statSync(index).mtimeMs) return '源代码有更新，正在重新构建 H5 版本（约 1–2 分钟）…';
  return null;
}

/** True when dist/console is missing or older than its sources. */
function consoleStale(consoleDir: string): boolean {
  const index = join(consoleDir, 'index.html');
  if (!existsSync(index)) return true;
  return newestMtime([join(ROOT, 'console'), join(ROOT, 'shared')]) > statSync(index).mtimeMs;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name}=${raw} 不是有效的端口号`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const port = intFromEnv('LOCAL_CLOUD_PORT', 8787);
  const dbPort = intFromEnv('LOCAL_DB_PORT', 8788);
  const bindHost = process.env.LOCAL_CLOUD_HOST || '127.0.0.1';
  const dataEnv = process.env.LOCAL_CLOUD_DATA || '.local-cloud';
  const dataDir = isAbsolute(dataEnv) ? dataEnv : join(ROOT, dataEnv);
  const staticDir = join(ROOT, 'dist/h5');

  buildFunctions({ quiet: true });
  const rebuild = h5BuildReason(staticDir);
  if (rebuild) {
    console.log(rebuild);
    const build = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-app.ts'), 'h5'], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    if (build.status !== 0) {
      console.error('H5 构建失败，请查看上面的输出');
      process.exit(build.status ?? 1);
    }
  }

  let quota;
  try {
    quota = quotaFromEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const consoleDir = join(ROOT, 'dist/console');
  if (consoleStale(consoleDir)) {
    console.log('正在构建工会工作台…');
    await buildConsole({ quiet: true, target: 'local' });
  }

  const cloud = await startLocalCloud({
    quota,
    dataDir,
    port,
    dbPort,
    bindHost,
    staticDir,
    consoleDir,
    clockOffsetMs: Number(process.env.LOCAL_CLOCK_OFFSET_MS || 0),
  });
  console.log('');
  console.log(`本地云已启动${cloud.seeded ? '（已写入演示数据）' : ''}`);
  console.log(`  H5 演示：     ${cloud.appUrl}/`);
  console.log(`  工会工作台：   ${cloud.appUrl}/console/（电脑浏览器，管理员用小程序扫码登录）`);
  console.log(`  数据库接口：  ${cloud.dbUrl}`);
  console.log(`  数据目录：    ${dataDir}`);
  console.log(`  ${describeQuota(quota)}`);
  console.log(
    `  连接真实 SDK：TCB_CONTEXT_CNFG='{"URL":"${cloud.dbUrl}"}' TENCENTCLOUD_SECRETID=local TENCENTCLOUD_SECRETKEY=local TCB_ENV=local TENCENTCLOUD=true node your-script.js`,
  );
  const notice = cloud.seeded ? null : await demoDataNotice(cloud.dbUrl, cloud.clock.now()).catch(() => null);
  if (notice) console.log(notice);
  console.log('按 Ctrl-C 停止');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止…`);
    const force = setTimeout(() => {
      console.error('5 秒内未能停止，强制退出');
      process.exit(1);
    }, 5000);
    force.unref();
    cloud.close().then(
      () => {
        console.log('已停止');
        process.exit(0);
      },
      (err: unknown) => {
        console.error('停止时出错', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('本地云启动失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
