/**
 * `npm run cost:idle` — what a quiet day costs (a measurement, not a test).
 *
 * Starts a local cloud with the demo data, moves its clock to a day on which nothing in the demo
 * data is due (default: 60 days after seeding, so drops, windows and activities are over), lets
 * one simulated hour pass unmeasured (first runs after a start do one-off catch-up work), then
 * fires every timer trigger of the functions' config.json at its cron times for --hours simulated
 * hours, each invocation awaited in turn. Every invocation is counted, also those a function
 * makes of another (the system tick running a due job through the signed internal call). Prints
 * invocations and database requests (reads / writes, as the local database counts them per
 * invocation) per timer or job and per idle day.
 *
 *   npm run cost:idle                  a full simulated day
 *   npm run cost:idle -- --hours 3     three hours, scaled to a day
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFunctions } from '../build-functions';
import { startLocalCloud } from '../local-cloud';
import { SCHEDULED_JOBS } from '../../cloudfunctions/_lib/schedule';

process.env.SILENCE = 'true';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error';

const { values } = parseArgs({
  options: { hours: { type: 'string', default: '24' }, 'days-after-seed': { type: 'string', default: '60' } },
});
const HOURS = Number(values.hours);
const DAYS_AFTER = Number(values['days-after-seed']);
const HOUR = 3600_000;

/** What an invocation ran: a timer's name, or the job a signed internal call named (`trigger`). */
function jobOf(event: unknown): string {
  const e = event as { TriggerName?: unknown; internal?: { payload?: unknown } };
  if (typeof e.TriggerName === 'string') return e.TriggerName;
  try {
    const call = JSON.parse(String(e.internal?.payload)) as { op?: string; body?: { trigger?: string } };
    return call.body?.trigger ? `${call.body.trigger}（经 tick）` : String(call.op);
  } catch {
    return '?';
  }
}

interface Tally {
  invocations: number;
  reads: number;
  writes: number;
  other: number;
}

async function main(): Promise<void> {
  buildFunctions({ quiet: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'idle-cost-'));
  const cloud = await startLocalCloud({ dataDir, staticDir: null, seed: true, runTimers: false });
  try {
    // Midnight (Asia/Shanghai) DAYS_AFTER days from now: a day on which the demo data holds nothing due.
    const day = Math.floor((Date.now() + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR + DAYS_AFTER * 24 * HOUR;
    cloud.clock.setOffset(day - HOUR - Date.now());
    const fresh = new (await import('../local-cloud/core/triggers')).TriggerRunner(cloud.host, cloud.clock, SCHEDULED_JOBS);
    let measuring = false;
    await fresh.advanceTo(day); // the unmeasured hour before

    const byTrigger = new Map<string, Tally>();
    const total: Tally = { invocations: 0, reads: 0, writes: 0, other: 0 };
    const started = Date.now();
    // Count at the host: timer fires and the calls functions make of each other alike.
    const host = cloud.host;
    const invoke = host.invoke.bind(host);
    host.invoke = async (fn, event, caller) => {
      const res = await invoke(fn, event, caller);
      if (!measuring) return res;
      const key = `${fn}.${jobOf(event)}`;
      const t = byTrigger.get(key) ?? { invocations: 0, reads: 0, writes: 0, other: 0 };
      for (const x of [t, total]) {
        x.invocations += 1;
        x.reads += res.db.reads;
        x.writes += res.db.writes;
        x.other += res.db.total - res.db.reads - res.db.writes;
      }
      byTrigger.set(key, t);
      return res;
    };
    measuring = true;
    await fresh.advanceTo(day + HOURS * HOUR);
    measuring = false;
    const scale = 24 / HOURS;
    const perDay = (n: number) => Math.round(n * scale);
    console.log(
      `一个空闲日（演示数据，种子后第 ${DAYS_AFTER} 天，模拟 ${HOURS} 小时${HOURS !== 24 ? '，按 24 小时折算' : ''}；用时 ${((Date.now() - started) / 1000).toFixed(0)} s）`,
    );
    console.log('定时器 / 任务                  调用/日   读/日   写/日   数据库请求/日');
    for (const [key, t] of [...byTrigger].sort((a, b) => b[1].reads + b[1].writes - (a[1].reads + a[1].writes))) {
      console.log(
        `${key.padEnd(30)} ${String(perDay(t.invocations)).padStart(7)} ${String(perDay(t.reads)).padStart(7)} ${String(perDay(t.writes)).padStart(7)} ${String(perDay(t.reads + t.writes + t.other)).padStart(12)}`,
      );
    }
    console.log(
      `${'合计'.padEnd(28)} ${String(perDay(total.invocations)).padStart(7)} ${String(perDay(total.reads)).padStart(7)} ${String(perDay(total.writes)).padStart(7)} ${String(perDay(total.reads + total.writes + total.other)).padStart(12)}`,
    );
    console.log(
      `每月（30 天）：调用 ${perDay(total.invocations) * 30}，数据库请求 ${perDay(total.reads + total.writes + total.other) * 30}`,
    );
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
