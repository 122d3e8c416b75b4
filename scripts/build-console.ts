/**
 * Builds the 工会工作台 (console/) into dist/console with esbuild: one ES module bundle and one
 * stylesheet, minified, plus index.html. A separate app: nothing under miniprogram/ imports it
 * (dependency-cruiser rule `miniprogram-not-console`), so the weapp package cannot grow from it.
 *   npx tsx scripts/build-console.ts   (npm run build:console)
 *
 * Which transport the console uses is decided here (console/src/api/transport.ts):
 *   CONSOLE_TARGET=local (default)   the local cloud's front door (npm start, the tests)
 *   CONSOLE_TARGET=cloudbase TCB_ENV_ID=<环境 ID>   into dist/console-cloudbase, for CloudBase's
 *                                    static hosting: @cloudbase/js-sdk, anonymous sign-in, then
 *                                    the session's custom-login ticket
 * Only the cloudbase build bundles the SDK (the local one stays as small as before).
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CONSOLE_ROOT = resolve(__dirname, '..');
export const CONSOLE_OUT = join(CONSOLE_ROOT, 'dist/console');
/** The CloudBase build, for the environment's static website hosting. */
export const CONSOLE_CLOUDBASE_OUT = join(CONSOLE_ROOT, 'dist/console-cloudbase');

export type ConsoleTarget = 'local' | 'cloudbase';

/** The build's transport from the environment; a CloudBase build needs the environment id. */
export function consoleTargetFrom(env: Record<string, string | undefined> = process.env): { target: ConsoleTarget; envId: string } {
  const target = env.CONSOLE_TARGET || 'local';
  if (target === 'local') return { target, envId: '' };
  if (target !== 'cloudbase') throw new Error(`CONSOLE_TARGET 只能是 local 或 cloudbase（现在是 ${target}）`);
  const envId = env.TCB_ENV_ID ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(envId)) throw new Error('CONSOLE_TARGET=cloudbase 需要 TCB_ENV_ID（云开发环境 ID）');
  return { target, envId };
}

export async function buildConsole(
  options: { quiet?: boolean; target?: ConsoleTarget; envId?: string; outDir?: string } = {},
): Promise<void> {
  const started = Date.now();
  const fromEnv = options.target ? { target: options.target, envId: options.envId ?? '' } : consoleTargetFrom();
  // The CloudBase build goes beside the local one, so `npm start` never serves it by mistake.
  const out = options.outDir ?? (fromEnv.target === 'cloudbase' ? CONSOLE_CLOUDBASE_OUT : CONSOLE_OUT);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  await build({
    entryPoints: { main: join(CONSOLE_ROOT, 'console/src/main.tsx') },
    outdir: join(out, 'assets'),
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: false,
    target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      __CONSOLE_TARGET__: JSON.stringify(fromEnv.target),
      __CONSOLE_ENV_ID__: JSON.stringify(fromEnv.envId),
    },
    logLevel: options.quiet ? 'error' : 'warning',
    legalComments: 'none',
  });
  copyFileSync(join(CONSOLE_ROOT, 'console/index.html'), join(out, 'index.html'));
  if (!options.quiet)
    console.log(
      `工会工作台已构建：${out}（${fromEnv.target === 'cloudbase' ? `云开发环境 ${fromEnv.envId}` : '本地云'}，${Date.now() - started} ms）`,
    );
}

if (process.argv[1] && /build-console(\.ts)?$/.test(process.argv[1])) {
  buildConsole().catch((err: unknown) => {
    console.error('工会工作台构建失败：', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
