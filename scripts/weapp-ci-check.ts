/**
 * WeChat's own checks on the weapp build, offline:   npx tsx scripts/weapp-ci-check.ts [dir]
 * Runs miniprogram-ci (the library behind DevTools' CI) on dist/weapp:
 * - `checkCodeQuality`: DevTools' 代码质量 panel (package size, JS/WXML/WXSS compression on upload,
 *   lazy code loading, images and audio over 200 KB, JS or components of one package used only by
 *   another, unused components, plugins and files). Fails on any item WeChat flags.
 * - `analyseCode`: the size of each package as WeChat counts it. Fails past 2 MB for the main
 *   package or a subpackage, or 20 MB in all.
 * Both run locally: miniprogram-ci wants a project key, and a generated RSA key is accepted for
 * these (it is used only to sign uploads, which this script never does).
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, process.argv[2] ?? 'dist/weapp');
const PACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;

interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}
interface AnalysedFile {
  path: string;
  size: number;
  subPackage: string | null;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<number> {
  if (!existsSync(join(DIST, 'app.json'))) {
    console.error(`✘ ${relative(ROOT, DIST)}/app.json not found: run npm run build:weapp first.`);
    return 1;
  }
  // miniprogram-ci prints progress on stdout; keep ours readable.
  const log = console.log.bind(console);
  console.log = () => undefined;
  const ci = (await import('miniprogram-ci')) as unknown as {
    Project: new (o: Record<string, unknown>) => unknown;
    checkCodeQuality(p: unknown): Promise<QualityItem[]>;
    analyseCode(p: unknown, o?: { silent: boolean }): Promise<{ files: AnalysedFile[] } | undefined>;
  };
  const keyDir = mkdtempSync(join(tmpdir(), 'weapp-ci-'));
  const failures: string[] = [];
  try {
    const keyPath = join(keyDir, 'private.key');
    writeFileSync(keyPath, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const config = JSON.parse(readFileSync(join(DIST, 'project.config.json'), 'utf8')) as { appid?: string };
    const project = new ci.Project({
      appid: config.appid ?? 'touristappid',
      type: 'miniProgram',
      projectPath: DIST,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
    });

    const quality = await ci.checkCodeQuality(project);
    log('WeChat code quality (miniprogram-ci checkCodeQuality):');
    for (const item of quality) {
      log(`  ${item.success ? '✔' : '✘'} ${item.name}${item.success ? '' : `: ${item.text} ${JSON.stringify(item.detail ?? '')}`}`);
      if (!item.success) failures.push(`${item.name}: ${item.text}`);
    }
    if (quality.length === 0) failures.push('checkCodeQuality returned no items');

    const analysed = await ci.analyseCode(project, { silent: true });
    const sizes = new Map<string, number>();
    for (const f of analysed?.files ?? []) sizes.set(f.subPackage ?? '(main)', (sizes.get(f.subPackage ?? '(main)') ?? 0) + f.size);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    log('Package sizes as WeChat counts them (miniprogram-ci analyseCode):');
    for (const [pkg, size] of [...sizes].sort()) {
      log(`  ${size > PACKAGE_LIMIT ? '✘' : '✔'} ${pkg.padEnd(24)} ${kb(size)}`);
      if (size > PACKAGE_LIMIT) failures.push(`${pkg} is ${kb(size)}, over WeChat's 2 MB per package`);
    }
    log(`  ${total > TOTAL_LIMIT ? '✘' : '✔'} ${'(all)'.padEnd(24)} ${kb(total)}`);
    if (total > TOTAL_LIMIT) failures.push(`all packages are ${kb(total)}, over 20 MB`);
    if (!sizes.has('(main)')) failures.push('analyseCode found no main package');
  } finally {
    console.log = log;
    rmSync(keyDir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`✘ WeChat's checks failed:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log('✔ WeChat code quality and package sizes OK');
  return 0;
}

// miniprogram-ci leaves a file watcher open: exit explicitly.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(
      `✘ miniprogram-ci could not check ${relative(ROOT, DIST)}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    process.exit(1);
  },
);
