/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) into dist/functions/<name>/:
 * index.js (shared code inlined, @cloudbase/node-sdk left as a dependency), config.json
 * (triggers, permissions) and package.json. This folder is what gets deployed and what the
 * local cloud loads, so local runs execute the deployed code. Each bundle's size is printed;
 * a bundle that would carry another function's validators (shared/generated/validators/) fails
 * the build.
 *
 *   npx tsx scripts/build-functions.ts
 */
import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const FUNCTIONS_SRC = join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = join(ROOT, 'dist/functions');

const EXTERNAL = ['@cloudbase/node-sdk'];

/** Function folders: every cloudfunctions/<name>/ with an index.ts, except _lib-style folders. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(FUNCTIONS_SRC, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

export function buildFunctions(options: { quiet?: boolean } = {}): string[] {
  const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const names = functionNames();
  // Build beside the output and swap it in, so a local cloud starting meanwhile (another test
  // run) never loads a half-written folder.
  const staging = `${FUNCTIONS_OUT}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const name of names) {
    const src = join(FUNCTIONS_SRC, name);
    const out = join(staging, name);
    mkdirSync(out, { recursive: true });
    const result = buildSync({
      entryPoints: [join(src, 'index.ts')],
      outfile: join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: EXTERNAL,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'error',
      metafile: true,
    });
    const config = JSON.parse(readFileSync(join(src, 'config.json'), 'utf8')) as unknown;
    writeFileSync(join(out, 'config.json'), JSON.stringify(config, null, 2) + '\n');
    const ownPkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')) as Record<string, unknown>;
    const dependencies = Object.fromEntries(EXTERNAL.map((dep) => [dep, rootPkg.dependencies[dep]]));
    writeFileSync(join(out, 'package.json'), JSON.stringify({ ...ownPkg, main: 'index.js', dependencies }, null, 2) + '\n');
    const inputs = Object.keys(result.metafile!.inputs);
    const foreign = inputs.filter((p) => /shared\/generated\/validators\//.test(p) && !p.endsWith(`/validators/${name}.js`));
    if (foreign.length) throw new Error(`${name} bundles other functions' validators: ${foreign.join(', ')}`);
    if (!options.quiet) {
      const bytes = Object.values(result.metafile!.outputs).reduce((sum, o) => sum + o.bytes, 0);
      const own = result.metafile!.inputs[inputs.find((p) => p.endsWith(`/validators/${name}.js`)) ?? '']?.bytes ?? 0;
      console.log(
        `built ${name.padEnd(14)} ${(bytes / 1024).toFixed(1).padStart(6)} KB  (its validators ${(own / 1024).toFixed(1)} KB before bundling)`,
      );
    }
  }
  rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  renameSync(staging, FUNCTIONS_OUT);
  return names;
}

// Run as a script (not when imported by start.ts, deploy.ts or the tests).
if (process.argv[1] && /build-functions(\.ts)?$/.test(process.argv[1])) buildFunctions();
