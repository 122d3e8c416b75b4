/**
 * The function host runs bundles in an instance thread: a per-function concurrency limit with
 * an ordered queue, crash recovery, timeouts, logs through the host's console, and environment
 * changes that start a new instance. Uses a tiny hand-written bundle, not the product's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClock } from '../../../scripts/local-cloud/core/clock';
import { CountSlots } from '../../../scripts/local-cloud/core/db/stats';
import { FunctionHost } from '../../../scripts/local-cloud/core/functions';
import { HOST_FAILURES } from '../../../scripts/local-cloud';

// Module state lives as long as the instance: `calls` counts invocations since it started.
const PROBE = `
let calls = 0, running = 0, maxRunning = 0, started = 0;
exports.main = async (event) => {
  calls++;
  const order = ++started;
  running++;
  maxRunning = Math.max(maxRunning, running);
  try {
    if (event.op === 'sleep') await new Promise((r) => setTimeout(r, event.ms));
    if (event.op === 'crash') { setImmediate(() => { throw new Error('boom'); }); await new Promise(() => {}); }
    if (event.op === 'hang') await new Promise(() => {});
    if (event.op === 'spin') for (;;) {} // blocks the thread: never yields to its event loop
    if (event.op === 'log') console.log('probe says', event.text);
    return { ok: true, data: { calls, order, maxRunning, tag: event.tag, env: event.key ? process.env[event.key] ?? null : null } };
  } finally {
    running--;
  }
};
`;

let dir: string;
let host: FunctionHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-probe-'));
  mkdirSync(join(dir, 'probe'));
  writeFileSync(join(dir, 'probe', 'index.js'), PROBE);
  writeFileSync(join(dir, 'probe', 'config.json'), JSON.stringify({ timeout: 1, triggers: [] }));
  process.env.PROBE_SETTING = 'first';
  host = new FunctionHost({
    functionsDir: dir,
    clock: createClock(0),
    counts: new CountSlots(),
    concurrency: 3,
    failureAnswers: HOST_FAILURES,
  });
  await host.start();
});
afterAll(async () => {
  await host.close();
  delete process.env.PROBE_SETTING;
  rmSync(dir, { recursive: true, force: true });
});

type ProbeData = { calls: number; order: number; maxRunning: number; tag: number; env: string | null };
async function probe(
  event: Record<string, unknown>,
): Promise<{ ok: boolean; data?: ProbeData; error?: { code: string; message: string } }> {
  return (await host.invoke('probe', event)).result as { ok: boolean; data?: ProbeData; error?: { code: string; message: string } };
}

it('runs at most `concurrency` invocations of a function at once; the others wait in arrival order', async () => {
  const answers = await Promise.all(Array.from({ length: 12 }, (_, tag) => probe({ op: 'sleep', ms: 40, tag })));
  expect(answers.every((a) => a.ok)).toBe(true);
  const data = answers.map((a) => a.data as ProbeData);
  expect(Math.max(...data.map((d) => d.maxRunning))).toBe(3);
  // Started in the order they were sent.
  const byStart = [...data].sort((a, b) => a.order - b.order).map((d) => d.tag);
  expect(byStart).toEqual(Array.from({ length: 12 }, (_, tag) => tag));
});

it('answers INTERNAL for what a crashed instance was running, and a new instance takes the next call', async () => {
  const before = await probe({});
  expect(before.data?.calls).toBeGreaterThan(1);
  const logged: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  let crashed;
  try {
    crashed = await probe({ op: 'crash' });
  } finally {
    spy.mockRestore();
  }
  expect(crashed).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
  expect(logged.join('\n')).toContain('function instance crashed');
  const after = await probe({});
  expect(after.ok).toBe(true);
  expect(after.data?.calls).toBe(1); // fresh module state: a new instance
});

it('answers 服务处理超时 past the function timeout, and the place in the queue is given back', async () => {
  const hung = await Promise.all([probe({ op: 'hang' }), probe({ op: 'hang' }), probe({ op: 'hang' })]);
  for (const h of hung) expect(h).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务处理超时，请稍后再试' } });
  expect((await probe({})).ok).toBe(true); // all 3 places were held by hung calls; they are free again
});

it('replaces an instance stuck in synchronous code after its timeout; the next call gets a new one', async () => {
  const logged: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  let stuck;
  try {
    stuck = await probe({ op: 'spin' });
    const deadline = Date.now() + 5000;
    while (!logged.some((l) => l.includes('function instance blocked; restarting it')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // Without the watchdog this call would wait behind the spinning thread and time out too.
    const after = await probe({});
    expect(after.ok).toBe(true);
    expect(after.data?.calls).toBe(1); // fresh module state: a new instance
  } finally {
    spy.mockRestore();
  }
  expect(stuck).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务处理超时，请稍后再试' } });
  expect(logged.join('\n')).toContain('function instance blocked; restarting it');
});

it('sends function logs through the host console', async () => {
  const seen: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void seen.push(args.map(String).join(' ')));
  try {
    await probe({ op: 'log', text: 'hello' });
    await new Promise((r) => setTimeout(r, 50)); // the log message may trail the result
    expect(seen).toContain('probe says hello');
  } finally {
    spy.mockRestore();
  }
});

it('gives later invocations a changed environment; one already running finishes where it is', async () => {
  expect((await probe({ key: 'PROBE_SETTING' })).data?.env).toBe('first');
  const running = probe({ op: 'sleep', ms: 200, key: 'PROBE_SETTING' });
  await new Promise((r) => setTimeout(r, 50));
  await host.setEnvironment({ PROBE_SETTING: 'second' });
  expect((await probe({ key: 'PROBE_SETTING' })).data?.env).toBe('second');
  expect((await running).data?.env).toBe('first');
  await host.setEnvironment({ PROBE_SETTING: undefined });
  expect((await probe({ key: 'PROBE_SETTING' })).data?.env).toBeNull();
});
