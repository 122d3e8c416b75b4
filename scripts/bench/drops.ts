/**
 * `npm run bench` — a Friday-10:00 storm on a first-come drop (a benchmark, not a test).
 *
 * 1. Starts a headless local cloud in a child process (scripts/bench/cloud-process.ts), so the
 *    load generator here does not share the server's event loop.
 * 2. Writes MEMBERS verified members, creates a drop of STOCK units via benefit.adminCreate,
 *    and lets every member open the 福利 page (benefit.list → claim pass) before the opening.
 *    A smaller warm-up drop (WARM units, WARM×2 other members) is stormed first and not
 *    measured: it warms the JIT, sockets and pools of a freshly started process, as a
 *    production instance is warm by 10:00.
 * 3. Moves the clock to the opening and fires CLIENTS concurrent clients, each tapping 抢 for
 *    the next member, through POST /api/functions/benefit (the H5 app's path), each on its own
 *    kept-alive connection (./http1.ts).
 * 4. Runs the same claim (conditional take + claim insert, the same documents) directly
 *    against the embedded engine (scripts/local-cloud/core/db/engine.ts, synchronous, no HTTP/SDK).
 *
 * 5. Open loop: attempts on a third drop arrive at a fixed rate (--open-rate per second for
 *    --open-seconds), below the capacity the closed loop measured, whatever the answers do; the
 *    latency of each is counted from its scheduled arrival (waiting for a free connection included).
 *
 * Prints: successful claims/s, p50/p99 latency, database requests per successful claim and per
 * sold-out attempt (the local cloud's x-local-db-requests counter), the direct-engine figure and
 * the ratio, the open-loop p50/p99, and the load generator's own CPU. Options: --members 4000
 * --stock 2000 --clients 200 --open-rate 800 --open-seconds 3, --timeline (claims and mean
 * latency per 100 ms of the storm).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import tcb from '@cloudbase/node-sdk';
import { EJSON } from 'bson';
import { COLLECTION_SPECS, C } from '../../cloudfunctions/_lib/collections';
import { codeFromBytes } from '../../shared/benefit/code';
import type { AdminCreateResult, ClaimView, ListResult } from '../../shared/benefit/schemas';
import type { Result } from '../../shared/envelope';
import { buildFunctions } from '../build-functions';
import { createEngine } from '../local-cloud/core/db/engine';
import { Pool } from './crowd';
import { Http1Connection } from './http1';

process.env.SILENCE = 'true';
process.env.TENCENTCLOUD = 'true';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '4000' },
    stock: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '200' },
    timeline: { type: 'boolean', default: false },
    'open-rate': { type: 'string', default: '800' },
    'open-seconds': { type: 'string', default: '3' },
  },
});
const OPEN_RATE = Number(values['open-rate']);
const OPEN_N = Math.min(Number(values.members), Math.round(OPEN_RATE * Number(values['open-seconds'])));
const MEMBERS = Number(values.members);
const STOCK = Number(values.stock);
const CLIENTS = Number(values.clients);
const WARM = 300;
const ROOT = join(__dirname, '../..');

interface Shot {
  ok: boolean;
  code: string | null;
  ms: number;
  at: number;
  reads: number;
  writes: number;
  total: number;
}

function startCloud(dataDir: string): Promise<{ child: ChildProcess; appUrl: string; dbUrl: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      '--import',
      'tsx',
      join(ROOT, 'scripts/bench/cloud-process.ts'),
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    readline
      .createInterface({ input: child.stdout! })
      .once('line', (line) => resolve({ child, ...(JSON.parse(line) as { appUrl: string; dbUrl: string }) }));
    child.once('exit', (code) => reject(new Error(`local cloud exited (${code})`)));
  });
}

async function call<T>(
  conn: Http1Connection,
  action: string,
  data: unknown,
  who: Record<string, string>,
): Promise<{ result: Result<T>; header: string }> {
  const body = JSON.stringify({ action, data, requestId: `bench${Math.random().toString(36).slice(2, 12)}` });
  const res = await conn.post('/api/functions/benefit', body, who);
  return { result: JSON.parse(res.body) as Result<T>, header: res.headers['x-local-db-requests'] ?? '' };
}

/** `width` clients work through `items`, each on its own connection from `conns`. */
async function pool<T>(items: T[], conns: Http1Connection[], work: (item: T, conn: Http1Connection) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    conns.map(async (conn) => {
      while (next < items.length) await work(items[next++], conn);
    }),
  );
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The same claim against the engine: conditional take on the stock doc + claim insert. */
function directEngine(stock: number): { claimsPerSec: number; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
  const engine = createEngine({ file: join(dir, 'direct.sqlite'), collections: COLLECTION_SPECS });
  const ej = (x: unknown) => EJSON.stringify(x, { relaxed: false });
  const check = (r: object) => {
    if ('code' in r) throw new Error(JSON.stringify(r));
    return r as { data: { updated: number } };
  };
  const dropId = 'dbenchdirect0000';
  check(
    engine.execute('database.insertDocument', {
      collectionName: C.dropStock,
      data: [ej({ _id: `${dropId}_s0`, dropId, shard: 0, left: stock, lastTakenAt: null })],
    }),
  );
  const key = Buffer.alloc(32, 7);
  const started = performance.now();
  let claimed = 0;
  for (let i = 0; ; i++) {
    const now = new Date();
    const take = check(
      engine.execute(
        'database.modifyAndReturnDoc',
        {
          collectionName: C.dropStock,
          queryType: 'WHERE',
          query: ej({ _id: `${dropId}_s0`, left: { $gt: 0 } }),
          data: ej({ $inc: { left: -1 }, $set: { lastTakenAt: now } }),
        },
        { seqId: `direct-${i}` },
      ),
    );
    if (take.data.updated !== 1) break;
    const _id = `${dropId}_odirect${i}_1`;
    const claim = {
      _id,
      dropId,
      openid: `odirect${i}`,
      slot: 1,
      requestId: `direct${i}`,
      code: codeFromBytes(createHmac('sha256', key).update(_id).digest()),
      status: 'issued',
      via: 'first_come',
      claimedAt: now,
      redeemBy: now,
      redeemedAt: null,
      redeemedBy: null,
      title: '周五流量包',
      kind: 'data',
      unionName: '北仑区总工会',
      unionAncestors: ['nb', 'nb-bl'],
    };
    check(engine.execute('database.insertDocument', { collectionName: C.dropClaims, data: [ej(claim)] }, { seqId: `direct-${i}` }));
    claimed++;
  }
  const ms = performance.now() - started;
  engine.close();
  rmSync(dir, { recursive: true, force: true });
  if (claimed !== stock) throw new Error(`direct engine claimed ${claimed} of ${stock}`);
  return { claimsPerSec: (claimed / ms) * 1000, ms };
}

async function main(): Promise<void> {
  buildFunctions({ quiet: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-drops-'));
  const cloud = await startCloud(dataDir);
  try {
    const db = tcb
      .init({ env: 'local', serviceUrl: cloud.dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0])
      .database();
    const union = (await db.collection(C.unions).doc('nb-bl-xq-gw').get()).data[0] as { ancestors: string[] };
    const members = Array.from({ length: MEMBERS }, (_, i) => `obench_${String(i).padStart(6, '0')}`);
    const warmers = Array.from({ length: WARM * 2 }, (_, i) => `owarm_${String(i).padStart(6, '0')}`);
    const setupConns = Array.from({ length: 50 }, () => Http1Connection.forUrl(cloud.appUrl));
    const phones = Array.from({ length: CLIENTS }, () => Http1Connection.forUrl(cloud.appUrl));
    const admin = Http1Connection.forUrl(cloud.appUrl);
    await pool([...members, ...warmers], setupConns, async (openid) => {
      await db.collection(C.users).doc(openid).set({
        openid,
        nameMasked: '测*',
        memberStatus: 'verified',
        unionId: 'nb-bl-xq-gw',
        unionAncestors: union.ancestors,
        tags: [],
        adminUnionIds: [],
        follows: [],
      });
    });
    const clock = (await (await fetch(`${cloud.appUrl}/api/_local/clock`)).json()) as { data: { now: string } };
    const opensAt = Date.parse(clock.data.now) + 3600_000;
    const created = await call<AdminCreateResult>(
      admin,
      'adminCreate',
      { unionId: 'nb-bl', title: '周五流量包 10GB', kind: 'data', mode: 'first_come', stock: STOCK, opensAt },
      { 'x-local-persona': 'district_admin' },
    );
    if (!created.result.ok) throw new Error(created.result.error.message);
    const dropId = created.result.data.dropId;
    const warm = await call<AdminCreateResult>(
      admin,
      'adminCreate',
      { unionId: 'nb-bl', title: '预热场', kind: 'data', mode: 'first_come', stock: WARM, opensAt },
      { 'x-local-persona': 'district_admin' },
    );
    if (!warm.result.ok) throw new Error(warm.result.error.message);
    // The open-loop drop: one unit per attempt, so every attempt does the full claim.
    const open = await call<AdminCreateResult>(
      admin,
      'adminCreate',
      { unionId: 'nb-bl', title: '开环测量场', kind: 'data', mode: 'first_come', stock: OPEN_N, opensAt },
      { 'x-local-persona': 'district_admin' },
    );
    if (!open.result.ok) throw new Error(open.result.error.message);
    const openId = open.result.data.dropId;
    const openPasses = new Map<string, string>();

    // Before 10:00: every member has the 福利 page open (list → pass).
    const passes = new Map<string, string>();
    await pool(members, setupConns, async (openid, conn) => {
      const r = await call<ListResult>(conn, 'list', {}, { 'x-local-openid': openid });
      const pass = r.result.ok ? r.result.data.drops.find((d) => d.id === dropId)?.pass : null;
      if (!pass) throw new Error('no pass for ' + openid);
      passes.set(openid, pass);
      const openPass = r.result.ok ? r.result.data.drops.find((d) => d.id === openId)?.pass : null;
      if (openPass) openPasses.set(openid, openPass);
    });
    await fetch(`${cloud.appUrl}/api/_local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at: new Date(opensAt).toISOString() }),
    });

    // Warm-up storm on the other drop (not measured).
    const warmPasses = new Map<string, string>();
    await pool(warmers, setupConns, async (openid, conn) => {
      const r = await call<ListResult>(conn, 'list', {}, { 'x-local-openid': openid });
      const pass =
        r.result.ok && warm.result.ok ? r.result.data.drops.find((d) => warm.result.ok && d.id === warm.result.data.dropId)?.pass : null;
      if (pass) warmPasses.set(openid, pass);
    });
    const warmId = warm.result.data.dropId;
    await pool(warmers, phones, async (openid, conn) => {
      await call<ClaimView>(conn, 'claim', { dropId: warmId, pass: warmPasses.get(openid) }, { 'x-local-openid': openid });
    });

    // 10:00:00 — the storm.
    const order = [...members].sort(() => Math.random() - 0.5);
    const shots: Shot[] = [];
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    await pool(order, phones, async (openid, conn) => {
      const start = performance.now();
      const r = await call<ClaimView>(conn, 'claim', { dropId, pass: passes.get(openid) }, { 'x-local-openid': openid });
      const end = performance.now();
      const m = /total=(\d+);reads=(\d+);writes=(\d+)/.exec(r.header);
      shots.push({
        ok: r.result.ok,
        code: r.result.ok ? null : r.result.error.code,
        ms: end - start,
        at: end - t0,
        total: Number(m?.[1]),
        reads: Number(m?.[2]),
        writes: Number(m?.[3]),
      });
    });
    const elapsed = performance.now() - t0;
    const cpu = process.cpuUsage(cpuBefore);

    // Open loop: OPEN_N attempts at OPEN_RATE per second on the third drop.
    const openLat = await openLoop(cloud.appUrl, members.slice(0, OPEN_N), openId, openPasses);

    const wins = shots.filter((s) => s.ok);
    const soldOut = shots.filter((s) => s.code === 'DROP_SOLD_OUT');
    const other = shots.filter((s) => !s.ok && s.code !== 'DROP_SOLD_OUT');
    const stored = await db.collection(C.dropClaims).where({ dropId }).count();
    const lastWin = Math.max(...wins.map((s) => s.at));
    const lat = shots.map((s) => s.ms).sort((a, b) => a - b);
    const winLat = wins.map((s) => s.ms).sort((a, b) => a - b);
    const fullStack = (wins.length / lastWin) * 1000;
    const direct = directEngine(STOCK);

    const f = (x: number, d = 1) => x.toFixed(d);
    console.log(`\n周五 10:00 抢福利压测  members=${MEMBERS} stock=${STOCK} clients=${CLIENTS}`);
    console.log(
      `  attempts ${shots.length} in ${f(elapsed / 1000, 2)} s: ${wins.length} claimed, ${soldOut.length} 已抢完, ${other.length} other${other.length ? ' ' + JSON.stringify([...new Set(other.map((s) => s.code))]) : ''}; claims stored ${stored.total}`,
    );
    console.log(
      `  full stack (HTTP → function → SDK → DB)  ${f(fullStack, 0)} successful claims/s (until the last unit went at ${f(lastWin / 1000, 2)} s)`,
    );
    console.log(
      `  latency all attempts  p50 ${f(pct(lat, 50))} ms   p99 ${f(pct(lat, 99))} ms   (successful: p50 ${f(pct(winLat, 50))} / p99 ${f(pct(winLat, 99))} ms)`,
    );
    if (values.timeline) {
      const bins = new Map<number, { n: number; ms: number }>();
      for (const s of wins) {
        const b = Math.floor(s.at / 100);
        const cur = bins.get(b) ?? { n: 0, ms: 0 };
        cur.n++;
        cur.ms += s.ms;
        bins.set(b, cur);
      }
      console.log(
        '  timeline (per 100 ms: claims, mean latency): ' +
          [...bins.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([b, v]) => `${b / 10}s:${v.n}/${Math.round(v.ms / v.n)}`)
            .join(' '),
      );
    }
    console.log(
      `  open loop: ${OPEN_N} attempts offered at ${OPEN_RATE}/s (below capacity)  p50 ${f(pct(openLat.ms, 50))} ms   p99 ${f(pct(openLat.ms, 99))} ms   max ${f(openLat.ms[openLat.ms.length - 1])} ms; ${openLat.ok} claimed`,
    );
    console.log(`  load generator CPU during the storm: ${f(((cpu.user + cpu.system) / 1000 / elapsed) * 100, 0)} % of one core`);
    const slow = shots.filter((s) => s.ms > 1000);
    console.log(
      `  latency p90 ${f(pct(lat, 90))} ms  p95 ${f(pct(lat, 95))} ms  max ${f(lat[lat.length - 1])} ms; over 1 s: ${slow.length} (sent at ${slow.length ? f(Math.min(...slow.map((s) => s.at - s.ms)) / 1000, 2) + '–' + f(Math.max(...slow.map((s) => s.at - s.ms)) / 1000, 2) + ' s' : '—'})`,
    );
    console.log(
      `  DB requests per successful claim   ${f(avg(wins.map((s) => s.total)), 3)}  (reads ${f(avg(wins.map((s) => s.reads)), 3)}, writes ${f(avg(wins.map((s) => s.writes)), 3)}; max ${Math.max(...wins.map((s) => s.total))})`,
    );
    console.log(
      `  DB requests per sold-out attempt   reads ${f(avg(soldOut.map((s) => s.reads)), 3)}, writes ${f(avg(soldOut.map((s) => s.writes)), 3)}  (max reads ${Math.max(0, ...soldOut.map((s) => s.reads))}, max writes ${Math.max(0, ...soldOut.map((s) => s.writes))})`,
    );
    console.log(`  direct engine (same take + insert)   ${f(direct.claimsPerSec, 0)} claims/s`);
    console.log(`  full stack / direct engine            ${f((fullStack / direct.claimsPerSec) * 100, 1)} %`);
    if (stored.total !== STOCK || wins.length !== STOCK) process.exitCode = 1;
  } finally {
    cloud.child.kill('SIGTERM');
    await new Promise((r) => cloud.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Attempts scheduled at a fixed rate, each timed from its scheduled arrival. */
async function openLoop(
  appUrl: string,
  openids: string[],
  dropId: string,
  passes: Map<string, string>,
): Promise<{ ms: number[]; ok: number }> {
  const conns = new Pool(appUrl, 200);
  const t0 = performance.now();
  let ok = 0;
  const ms = await Promise.all(
    openids.map(async (openid, i) => {
      const at = (i / OPEN_RATE) * 1000;
      const wait = at - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const r = await conns.use((conn) =>
        call<ClaimView>(conn, 'claim', { dropId, pass: passes.get(openid) }, { 'x-local-openid': openid }),
      );
      if (r.result.ok) ok++;
      return performance.now() - t0 - at;
    }),
  );
  conns.close();
  return { ms: ms.sort((a, b) => a - b), ok };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
