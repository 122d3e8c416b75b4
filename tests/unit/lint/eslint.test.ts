/**
 * The bug rules of eslint.config.mjs fire: ESLint runs with the repository's config on a small
 * fixture tree (in a temporary folder, with its own tsconfig.json so the typed rules build a tiny
 * program) where each line marked `// ✗ <rule>` breaks that rule (every rule of the config once), and the sanctioned ways
 * out (`void`, `.catch`, `await`, listed dependencies) sit beside them. Exactly the marked lines
 * are reported: a rule switched off, or type information lost, fails here.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../../..');

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'es2021',
      lib: ['ES2021', 'DOM'],
      module: 'esnext',
      moduleResolution: 'bundler',
      jsx: 'react-jsx',
      strict: true,
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['cloudfunctions', 'miniprogram'],
  }),
  'cloudfunctions/bugs.ts': `export async function load(): Promise<number> {
  return 1;
}
export function floating(): void {
  load(); // ✗ @typescript-eslint/no-floating-promises
}
export function misused(): void {
  setTimeout(async () => { await load(); }, 1); // ✗ @typescript-eslint/no-misused-promises
}
export async function notThenable(): Promise<number> {
  const n = await 5; // ✗ @typescript-eslint/await-thenable
  return n;
}
export async function lostInTry(): Promise<number> {
  try {
    return load(); // ✗ @typescript-eslint/return-await
  } catch {
    return 0;
  }
}
export function unused(): number {
  const left = 1; // ✗ @typescript-eslint/no-unused-vars
  return 2;
}
export function dropped(a: number, b: number): void {
  a === b; // ✗ @typescript-eslint/no-unused-expressions
}
export function fallthrough(k: number): number {
  let n = 0;
  switch (k) {
    case 1:
      n++;
    case 2: // ✗ no-fallthrough
      n++;
      break;
  }
  return n;
}
export const selfCompare = (x: number) => x === x; // ✗ no-self-compare
export const nan = (x: number) => x === NaN; // ✗ use-isnan
export const gone = (a: number[]) => delete a[0]; // ✗ @typescript-eslint/no-array-delete
export function indexes(a: number[]): string[] {
  const out: string[] = [];
  for (const i in a) out.push(i); // ✗ @typescript-eslint/no-for-in-array
  return out;
}
export const made = new Function('return 1'); // ✗ @typescript-eslint/no-implied-eval
export function assigns(x: number): number {
  if (x = 2) return x; // ✗ no-cond-assign
  x = x; // ✗ no-self-assign
  return 0;
}
export const never = (a: unknown) => !a === null; // ✗ no-constant-binary-expression
export function swallows(): number {
  try {
    return 1;
  } finally {
    return 2; // ✗ no-unsafe-finally
  }
}
export const call = (o?: { f: () => number }) => (o?.f)(); // ✗ no-unsafe-optional-chaining
export const p = new Promise<number>(async (resolve) => resolve(await load())); // ✗ no-async-promise-executor ✗ @typescript-eslint/no-misused-promises
export const negZero = (x: number) => x === -0; // ✗ no-compare-neg-zero
export const holes = [1, , 2]; // ✗ no-sparse-arrays
export const big = 9007199254740993; // ✗ no-loss-of-precision
export const typo = (x: unknown) => typeof x === 'strnig'; // ✗ valid-typeof
`,
  'cloudfunctions/fine.ts': `import { load } from './bugs';
export function voided(): void {
  void load();
}
export function caught(): void {
  load().catch(() => undefined);
}
export async function awaited(): Promise<number> {
  return await load();
}
export async function returned(): Promise<number> {
  return load();
}
export async function awaitedInTry(): Promise<number> {
  try {
    return await load();
  } catch {
    return 0;
  }
}
export function later(): void {
  setTimeout(() => void load(), 1);
}
export function ignoredArgs(_event: unknown, used: number): number {
  return used;
}
// eslint-disable-next-line no-self-compare -- ✗ unused-disable-directive
export const one = 1;
`,
  'miniprogram/page.tsx': `import { useEffect, useState } from 'react';
async function save(): Promise<void> {}
export function Page({ on, id }: { on: boolean; id: string }) {
  const [n, setN] = useState(0);
  if (on) {
    useEffect(() => setN(1), []); // ✗ react-hooks/rules-of-hooks
  }
  useEffect(() => {
    setN(id.length);
  }, []); // ✗ react-hooks/exhaustive-deps
  useEffect(() => {
    setN(id.length + 1);
  }, [id]);
  return (
    <div>
      <button onClick={save}>{n}</button> {/* ✗ @typescript-eslint/no-misused-promises */}
      <button onClick={() => void save()}>{n}</button>
    </div>
  );
}
`,
};

interface FileResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

let dir: string;
let results: FileResult[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eslint-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  copyFileSync(join(ROOT, 'eslint.config.mjs'), join(dir, 'eslint.config.mjs'));
  // The config imports typescript-eslint and the hooks plugin; the fixtures import react's types.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', 'cloudfunctions', 'miniprogram'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  if (!run.stdout) throw new Error(`eslint printed nothing (exit ${String(run.status)}): ${run.stderr}`);
  results = JSON.parse(run.stdout) as FileResult[];
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const marked = () =>
  Object.entries(FILES)
    .flatMap(([path, text]) => text.split('\n').flatMap((line, i) => [...line.matchAll(/✗ (\S+)/g)].map((m) => `${path}:${i + 1} ${m[1]}`)))
    .sort();

const reported = () =>
  results
    .flatMap((f) =>
      f.messages.map(
        (m) =>
          `${f.filePath.slice(dir.length + 1)}:${m.line} ${m.ruleId ?? (m.message.startsWith('Unused eslint-disable directive') ? 'unused-disable-directive' : `(no rule) ${m.message}`)}`,
      ),
    )
    .sort();

it('lints every fixture file with type information', () => {
  expect(results.map((f) => f.filePath.slice(dir.length + 1)).sort()).toEqual([
    'cloudfunctions/bugs.ts',
    'cloudfunctions/fine.ts',
    'miniprogram/page.tsx',
  ]);
});

it('reports exactly the marked lines, and nothing on the sanctioned patterns', () => {
  expect(reported()).toEqual(marked());
});
