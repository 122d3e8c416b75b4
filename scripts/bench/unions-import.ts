/**
 * How long loading a city's union tree takes (a benchmark, not a test):
 *
 *   npx tsx scripts/bench/unions-import.ts [--rows 30000] [--keep file.csv]
 *
 * Generates a Ningbo-shaped tree (1 市总, 10 区县, city and district 产业工会, 15 街道 per district,
 * the rest 基层 — mostly under streets) as a template CSV, starts an empty headless local cloud in
 * a temporary folder, and times through scripts/ops/import-unions.ts `run` with --db-url:
 * the dry run, the --apply run, and a second --apply of the same file (a no-op). The figures are
 * recorded in docs/operations.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { csvCell } from '../../shared/member/csv';
import { startLocalCloud } from '../local-cloud';
import { run } from '../ops/import-unions';
import { UNION_TEMPLATE_CSV } from '../ops/unionTemplate';

const DISTRICTS = 10;
const CITY_INDUSTRIES = 20;
const STREETS_PER_DISTRICT = 15;
const DISTRICT_INDUSTRIES = 3;

/** A template CSV with `rows` unions (at least the fixed upper levels). */
export function generateUnionCsv(rows: number): string {
  const lines: string[][] = [];
  const add = (code: string, name: string, level: string, parent: string, kind = '', address = '') =>
    lines.push([code, name, level, parent, kind, address]);
  add('nb', '宁波市总工会', '市总工会', '', '', '宁波市海曙区解放南路');
  const hosts: string[] = [];
  for (let i = 1; i <= CITY_INDUSTRIES; i++) {
    add(`nb-i${i}`, `宁波市第${i}产业工会`, '产业工会', 'nb');
    hosts.push(`nb-i${i}`);
  }
  for (let d = 1; d <= DISTRICTS; d++) {
    const district = `nb-d${d}`;
    add(district, `第${d}区总工会`, '区县总工会', 'nb', '', `宁波市第${d}区`);
    for (let i = 1; i <= DISTRICT_INDUSTRIES; i++) {
      add(`${district}-i${i}`, `第${d}区第${i}产业工会`, '产业工会', district);
      hosts.push(`${district}-i${i}`);
    }
    for (let s = 1; s <= STREETS_PER_DISTRICT; s++) {
      add(`${district}-s${s}`, `第${d}区第${s}街道总工会`, '街道乡镇总工会', district, '', `第${d}区第${s}街道`);
      // Streets take most grassroots unions: list each street five times.
      for (let k = 0; k < 5; k++) hosts.push(`${district}-s${s}`);
    }
  }
  for (let g = 0; lines.length < rows; g++) {
    const parent = hosts[g % hosts.length];
    const joint = g % 7 === 0;
    add(
      `${parent}-g${g}`,
      `宁波某${joint ? '园区联合' : '有限公司'}工会${g}`,
      '基层工会',
      parent,
      joint ? '联合工会' : '企业工会',
      `地址 ${g} 号`,
    );
  }
  return UNION_TEMPLATE_CSV + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '30000' }, keep: { type: 'string' } } });
  const rows = Number(values.rows);
  const dir = mkdtempSync(join(tmpdir(), 'union-import-bench-'));
  const file = values.keep ?? join(dir, 'unions.csv');
  writeFileSync(file, generateUnionCsv(rows));
  process.env.LOG_LEVEL = 'error';
  const cloud = await startLocalCloud({ dataDir: join(dir, 'cloud'), port: 0, dbPort: 0, staticDir: null, seed: false, runTimers: false });
  const quiet = { out: () => {}, err: (line: string) => console.error(line) };
  try {
    const time = async (label: string, args: string[]) => {
      const started = performance.now();
      const code = await run([file, '--db-url', cloud.dbUrl, ...args], quiet);
      const ms = performance.now() - started;
      console.log(`${label.padEnd(22)} exit ${code}  ${(ms / 1000).toFixed(1)} s`);
      if (code !== 0) throw new Error(`${label} failed`);
    };
    console.log(`${rows} unions, local cloud (SQLite, real SDK over HTTP)`);
    await time('dry run (empty db)', []);
    await time('--apply', ['--apply']);
    await time('--apply again (no-op)', ['--apply']);
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench[\\/]unions-import(\.ts)?$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
