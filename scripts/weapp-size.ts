/**
 * Checks the weapp build in dist/weapp:   npx tsx scripts/weapp-size.ts [dir]
 * - prints the main package size and each subpackage's size (KB); the main package is every file
 *   not under a subpackage root listed in app.json (`subPackages` / `subpackages`);
 * - fails if the main package exceeds WeChat's 2 MB limit (each subpackage too);
 * - fails if any file contains local-demo-only code (the persona switcher marker or the local
 *   cloud's /api/_local routes): proof that the H5-only code was dropped from the weapp build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, process.argv[2] ?? 'dist/weapp');
const LIMIT_BYTES = 2 * 1024 * 1024;
const FORBIDDEN = ['LOCAL_ONLY_PERSONA_SWITCHER', '/api/_local'];
/** Not uploaded with the package: the devtools project file and license banners. */
const NOT_PACKAGED = [/^project\.config\.json$/, /^project\.private\.config\.json$/, /\.LICENSE\.txt$/, /\.map$/];

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main(): number {
  let appJson: AppJson;
  try {
    appJson = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as AppJson;
  } catch {
    console.error(`✘ ${relative(ROOT, DIST)}/app.json not found: run npx tsx scripts/build-app.ts weapp first.`);
    return 1;
  }
  const roots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) =>
    p.root.replace(/^\/+/, '').replace(/\/*$/, '/'),
  );

  const sizes = new Map<string, number>([['(main)', 0], ...roots.map((r): [string, number] => [r, 0])]);
  const leaks: string[] = [];
  for (const file of walk(DIST)) {
    const rel = relative(DIST, file).split(sep).join('/');
    if (NOT_PACKAGED.some((re) => re.test(rel))) continue;
    const size = statSync(file).size;
    const pkg = roots.find((r) => rel.startsWith(r)) ?? '(main)';
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + size);
    const content = readFileSync(file).toString('latin1');
    for (const needle of FORBIDDEN) {
      if (content.includes(needle)) leaks.push(`${rel} contains "${needle}"`);
    }
  }

  let failed = false;
  console.log(`weapp package sizes (${relative(ROOT, DIST) || '.'}):`);
  for (const [pkg, size] of sizes) {
    const over = size > LIMIT_BYTES;
    failed ||= over;
    console.log(`  ${over ? '✘' : '✔'} ${pkg.padEnd(28)} ${kb(size).padStart(10)}${over ? '  > 2 MB limit' : ''}`);
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`  total ${' '.repeat(24)}${kb(total).padStart(10)}`);

  if (leaks.length > 0) {
    failed = true;
    console.error('✘ local-demo-only code found in the weapp build:');
    for (const leak of leaks) console.error(`    ${leak}`);
  } else {
    console.log(`✔ no local-only code (${FORBIDDEN.join(', ')})`);
  }
  return failed ? 1 : 0;
}

process.exit(main());
