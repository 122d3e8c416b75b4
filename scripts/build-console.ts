/**
 * Builds the 工会工作台 (console/) into dist/console with esbuild: one ES module bundle and one
 * stylesheet, minified, plus index.html. A separate app: nothing under miniprogram/ imports it
 * (dependency-cruiser rule `miniprogram-not-console`), so the weapp package cannot grow from it.
 *   npx tsx scripts/build-console.ts   (npm run build:console)
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CONSOLE_ROOT = resolve(__dirname, '..');
export const CONSOLE_OUT = join(CONSOLE_ROOT, 'dist/console');

export async function buildConsole(options: { quiet?: boolean } = {}): Promise<void> {
  const started = Date.now();
  rmSync(CONSOLE_OUT, { recursive: true, force: true });
  mkdirSync(join(CONSOLE_OUT, 'assets'), { recursive: true });
  await build({
    entryPoints: { main: join(CONSOLE_ROOT, 'console/src/main.tsx') },
    outdir: join(CONSOLE_OUT, 'assets'),
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: false,
    target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: options.quiet ? 'error' : 'warning',
    legalComments: 'none',
  });
  copyFileSync(join(CONSOLE_ROOT, 'console/index.html'), join(CONSOLE_OUT, 'index.html'));
  if (!options.quiet) console.log(`工会工作台已构建：dist/console（${Date.now() - started} ms）`);
}

if (process.argv[1] && /build-console(\.ts)?$/.test(process.argv[1])) {
  buildConsole().catch((err: unknown) => {
    console.error('工会工作台构建失败：', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
