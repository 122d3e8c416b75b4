/**
 * Builds the mini-program for one platform:  npx tsx scripts/build-app.ts [h5|weapp]  (default weapp)
 * Output: dist/h5 or dist/weapp. Runs Taro with --no-check because Taro's config check downloads a
 * schema from the internet (the build itself is offline). Extra arguments go to `taro build`
 * (e.g. `--watch`, `--mode development`). Exits with Taro's status.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const PLATFORMS = ['h5', 'weapp'] as const;
type Platform = (typeof PLATFORMS)[number];

function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

const [arg = 'weapp', ...rest] = process.argv.slice(2);
if (!isPlatform(arg)) {
  console.error(`Unknown platform "${arg}". Usage: npx tsx scripts/build-app.ts [${PLATFORMS.join('|')}] [taro options]`);
  process.exit(2);
}

const taro = resolve(ROOT, 'node_modules/.bin/taro');
if (!existsSync(taro)) {
  console.error('node_modules/.bin/taro not found: run npm install first.');
  process.exit(2);
}

const started = Date.now();
console.log(`> taro build --type ${arg} --no-check ${rest.join(' ')}`.trimEnd());
// Started from a test run (npm start under the e2e harness rebuilding a stale H5 app), NODE_ENV
// is jest's 'test'; Taro keeps it, and that build fails in the browser ($RefreshReg$ is not
// defined). Without it Taro picks its own (production for a build).
const { NODE_ENV, ...otherEnv } = process.env;
const env = (NODE_ENV === 'test' ? otherEnv : process.env) as NodeJS.ProcessEnv;
const child = spawn(taro, ['build', '--type', arg, '--no-check', ...rest], { cwd: ROOT, stdio: 'inherit', env });

const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));

child.on('error', (err) => {
  console.error(`Could not start taro: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    console.log(`✔ ${arg} build finished in ${seconds}s → dist/${arg}`);
    process.exit(0);
  }
  console.error(`✘ ${arg} build failed (${signal ?? `exit ${code}`}) after ${seconds}s`);
  process.exit(code || 1);
});
