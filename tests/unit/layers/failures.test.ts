/**
 * The one-way-to-fail check (scripts/check-failures.ts, `npm run lint:failures`) fires: it runs on
 * a small fixture tree (in a temporary folder, with the repository's real shared/envelope.ts and
 * shared/errors.ts) in which some code under cloudfunctions/ returns a failure envelope in each way
 * we know of (and throws one once) and other code refuses by throwing AppFailure or returns other
 * `ok: false` shapes. Exactly the lines marked `// BAD` are reported, and the script exits 1.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../../..');

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2021', module: 'commonjs', strict: true, esModuleInterop: true } }),
  // The router builds envelopes (it is the one allowed place); its handler type is loose here on
  // purpose: the check must not depend on ActionDef's type.
  'cloudfunctions/_lib/router.ts': [
    "import { fail, type Result } from '../../shared/envelope';",
    "import type { ErrorCode } from '../../shared/errors';",
    'export class AppFailure extends Error {',
    '  constructor(readonly code: ErrorCode, message?: string) { super(message ?? code); }',
    '}',
    'export function action<O>(handler: (input: unknown) => Promise<Result<O>>) { return handler; }',
    "export function refuseBadEvent(): Result<never> { return fail('BAD_REQUEST'); }",
    '',
  ].join('\n'),
  'cloudfunctions/alpha/actions/refuses.ts': [
    "import { fail, ok, type Fail, type Result } from '../../../shared/envelope';",
    "import { action } from '../../_lib/router';",
    "import { soldOut } from '../lib/refusals';",
    'export const get = action<number>(async (input) => {',
    "  if (input === null) return fail('NOT_FOUND'); // BAD",
    '  if (input === 1) return soldOut(); // BAD',
    "  if (input === 2) return { ok: false, error: { code: 'CONFLICT', message: '冲突' } } as Fail; // BAD",
    '  return ok(3);',
    '});',
    'export const passOn = action<number>(async (input) => {',
    "  const r: Result<number> = typeof input === 'number' ? ok(input) : fail('INVALID_ARGUMENT');",
    '  if (!r.ok) return r; // BAD',
    '  return ok(r.data);',
    '});',
    'export const thrown = action<number>(async (input) => {',
    "  if (input === null) throw fail('NOT_FOUND'); // BAD",
    '  return ok(1);',
    '});',
    'export const arrow = action<number>(async () => soldOut()); // BAD',
    'export const later = action<number>(() => Promise.resolve(soldOut())); // BAD',
    '',
  ].join('\n'),
  'cloudfunctions/alpha/lib/refusals.ts': [
    "import { fail, type Result } from '../../../shared/envelope';",
    'export function soldOut<T>(): Result<T> {',
    "  return fail('DROP_SOLD_OUT', '已抢完'); // BAD",
    '}',
    '',
  ].join('\n'),
  // Allowed: refusals thrown, success envelopes returned, other `ok: false` shapes (no `error`).
  'cloudfunctions/alpha/actions/throws.ts': [
    "import { ok } from '../../../shared/envelope';",
    "import { action, AppFailure } from '../../_lib/router';",
    "const closed = () => new AppFailure('DROP_CLOSED');",
    'export const get = action<number>(async (input) => {',
    "  if (input === null) throw new AppFailure('NOT_FOUND', '不存在');",
    '  if (input === 1) throw closed();',
    '  return ok(1);',
    '});',
    'export function readFile(empty: boolean): { ok: true; rows: number } | { ok: false; reason: string } {',
    "  return empty ? { ok: false, reason: '文件是空的' } : { ok: true, rows: 1 };",
    '}',
    'export const deliver = async (): Promise<{ ok: boolean; errcode: number | null }> => ({ ok: false, errcode: 40037 });',
    '',
  ].join('\n'),
};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;
let run: Run;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'failures-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const path of ['shared/envelope.ts', 'shared/errors.ts']) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(ROOT, path), join(dir, path));
  }
  run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-failures.ts'), dir], {
    encoding: 'utf8',
  });
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `file:line` of every line the fixture marks `// BAD`. */
function marked(): string[] {
  const out: string[] = [];
  for (const [path, text] of Object.entries(FILES)) {
    text.split('\n').forEach((line, i) => {
      if (line.includes('// BAD')) out.push(`${path}:${i + 1}`);
    });
  }
  return out.sort();
}

it('reports exactly the returned or thrown failure values, and fails', () => {
  const reported = run.stderr
    .split('\n')
    .map((line) => /^(\S+?):(\d+):\d+ (?:returns|throws) a failure value/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}:${m[2]}`)
    .sort();
  expect(reported).toEqual(marked());
  expect(marked()).toHaveLength(8);
  expect(run.status).toBe(1);
});

it('passes a tree where refusals are thrown', () => {
  const clean = mkdtempSync(join(tmpdir(), 'failures-clean-'));
  try {
    for (const path of ['tsconfig.json', 'cloudfunctions/_lib/router.ts', 'cloudfunctions/alpha/actions/throws.ts']) {
      mkdirSync(dirname(join(clean, path)), { recursive: true });
      writeFileSync(join(clean, path), FILES[path]);
    }
    for (const path of ['shared/envelope.ts', 'shared/errors.ts']) {
      mkdirSync(dirname(join(clean, path)), { recursive: true });
      copyFileSync(join(ROOT, path), join(clean, path));
    }
    const ok = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-failures.ts'), clean], {
      encoding: 'utf8',
    });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
  } finally {
    rmSync(clean, { recursive: true, force: true });
  }
}, 120_000);
