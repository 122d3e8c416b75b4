/**
 * The layer rules of .dependency-cruiser.js fire: depcruise runs with the repository's config and
 * the folders `npm run lint:layers` names (read from package.json, so dropping one from the script
 * fails here) on a small fixture tree (in a temporary folder) that breaks each rule once and also
 * holds the allowed imports, and exactly the breaking imports are reported.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../../..');

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2020', module: 'commonjs', jsx: 'react-jsx', strict: true } }),
  // Functions: own files, _lib/ and shared/ are fine; another function folder is not.
  'cloudfunctions/_lib/router.ts': 'export const router = 1;\n',
  'cloudfunctions/beta/lib/places.ts': 'export const offerNext = 1;\n',
  'cloudfunctions/_lib/forget.ts': "import { offerNext } from '../beta/lib/places';\nexport const f = offerNext;\n",
  'cloudfunctions/alpha/lib/own.ts': 'export const own = 1;\n',
  'cloudfunctions/alpha/index.ts':
    "import { router } from '../_lib/router';\nimport { own } from './lib/own';\nimport { pure } from '../../shared/pure';\nimport { offerNext } from '../beta/lib/places';\nexport const x = [router, own, pure, offerNext];\n",
  // shared/: pure code is fine, a Node built-in is not.
  'shared/pure.ts': 'export const pure = 1;\n',
  'shared/hashing.ts': "import { createHash } from 'node:crypto';\nexport const h = createHash;\n",
  // Pages: api, requestId and notify are the services' entry points; the transport is not.
  // Request ids are kept by the hook; a page that makes its own breaks request-ids-through-hook.
  'miniprogram/hooks/useRetrySafeSend.ts':
    "import { newRequestId } from '../services/requestId';\nexport const useRetrySafeCalls = newRequestId;\n",
  'miniprogram/services/cloud.ts': 'export const callApi = 1;\n',
  'miniprogram/services/member.ts': "import { callApi } from './cloud';\nexport const member = callApi;\n",
  'miniprogram/services/api.ts': "import { member } from './member';\nexport const api = { member };\n",
  'miniprogram/services/requestId.ts': 'export const newRequestId = () => 1;\n',
  'miniprogram/pages/home/index.tsx':
    "import { api } from '../../services/api';\nimport { newRequestId } from '../../services/requestId';\nimport { callApi } from '../../services/cloud';\nimport { member } from '../../services/member';\nexport const x = [api, newRequestId, callApi, member];\n",
  // The console reaches the functions through shared/ only.
  'console/src/main.ts': "import { pure } from '../../shared/pure';\nexport const m = pure;\n",
  // The local cloud's core: its own files and Node built-ins are fine; app code and the demo data beside it are not.
  'scripts/local-cloud/core/clock.ts': 'export const clock = 1;\n',
  'scripts/local-cloud/demo/personas.ts': 'export const personas = 1;\n',
  'scripts/local-cloud/core/host.ts':
    "import { join } from 'node:path';\nimport { clock } from './clock';\nimport { pure } from '../../../shared/pure';\nimport { personas } from '../demo/personas';\nexport const h = [join, clock, pure, personas];\n",
};

/** The arguments `npm run lint:layers` passes to depcruise (the folders it checks and the config). */
function lintLayersArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [bin, ...args] = pkg.scripts['lint:layers'].trim().split(/\s+/);
  if (bin !== 'depcruise') throw new Error(`lint:layers no longer runs depcruise: ${pkg.scripts['lint:layers']}`);
  return args;
}

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let dir: string;
let violations: Violation[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  copyFileSync(join(ROOT, '.dependency-cruiser.js'), join(dir, '.dependency-cruiser.js'));
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), ...lintLayersArgs(), '--output-type', 'json'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  const out = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  violations = out.summary.violations;
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const found = () => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

it('reports exactly the imports that break a layer rule', () => {
  expect(found()).toEqual(
    [
      'lib-is-not-a-function: cloudfunctions/_lib/forget.ts → cloudfunctions/beta/lib/places.ts',
      'local-cloud-core-standalone: scripts/local-cloud/core/host.ts → scripts/local-cloud/demo/personas.ts',
      'local-cloud-core-standalone: scripts/local-cloud/core/host.ts → shared/pure.ts',
      'no-cross-function-imports: cloudfunctions/alpha/index.ts → cloudfunctions/beta/lib/places.ts',
      'request-ids-through-hook: miniprogram/pages/home/index.tsx → miniprogram/services/requestId.ts',
      'services-entry-points: miniprogram/pages/home/index.tsx → miniprogram/services/cloud.ts',
      'services-entry-points: miniprogram/pages/home/index.tsx → miniprogram/services/member.ts',
      'shared-no-node-builtins: shared/hashing.ts → crypto',
    ].sort(),
  );
});
