/**
 * Test scenarios start a real local cloud (database + function host) on random ports in a
 * temporary folder and talk to it the way the H5 app does: HTTP POST /api/functions/:name.
 */
import tcb from '@cloudbase/node-sdk';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../scripts/local-cloud';
import type { Result } from '../../shared/envelope';
import { assertNoLeaks, callerOpenid } from './leaks';

export interface TestCloud {
  cloud: LocalCloud;
  /** The folder holding this cloud's SQLite file and generated secrets. */
  dataDir: string;
  /** Call a function as a persona id (default 'member'), an explicit openid, or anonymously. */
  call<T = unknown>(fn: string, action: string, data?: unknown, as?: As): Promise<Result<T>>;
  /**
   * The raw HTTP exchange, for transport-level tests. Every answer of a function call goes
   * through the leak check (./leaks.ts): no other person's openid, no full ID number or mobile.
   */
  post(path: string, body: string, headers?: Record<string, string>): Promise<{ status: number; json: unknown; headers: Headers }>;
  /** The real SDK pointed at the local cloud (its callFunction reaches the function host, as from a function). */
  app: ReturnType<typeof tcb.init>;
  /** The real SDK pointed at the local database, for arranging and inspecting data. */
  db: ReturnType<ReturnType<typeof tcb.init>['database']>;
  setClock(at: Date | string): Promise<void>;
  close(): Promise<void>;
}

export type As = { persona: string } | { openid: string } | 'anonymous';

function headersFor(as: As | undefined): Record<string, string> {
  if (as === 'anonymous') return { 'x-local-persona': 'anonymous' };
  if (as && 'openid' in as) return { 'x-local-openid': as.openid };
  return { 'x-local-persona': as?.persona ?? 'member' };
}

function actionOf(body: string): string {
  try {
    const event = JSON.parse(body) as { action?: unknown };
    return typeof event.action === 'string' ? event.action : '?';
  } catch {
    return '?';
  }
}

export async function givenLocalCloud(options: { seed?: boolean; runTimers?: boolean; schemaMarker?: boolean } = {}): Promise<TestCloud> {
  // Tests arrange thousands of documents at once through the SDK below; its keep-alive agent
  // queues one 'connect' listener per waiting request on a socket, past Node's warning level of
  // 10, without leaking.
  EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 256);
  // The function bundles are built once per jest run (tests/setup/build-functions.ts).
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  const dataDir = mkdtempSync(join(tmpdir(), 'union-cloud-'));
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    dbPort: 0,
    staticDir: null,
    seed: options.seed ?? true,
    runTimers: options.runTimers ?? false,
    schemaMarker: options.schemaMarker,
  });
  const app = tcb.init({ env: 'local', serviceUrl: cloud.dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0]);

  async function post(path: string, body: string, headers: Record<string, string> = {}) {
    const res = await fetch(cloud.appUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const json = (await res.json()) as unknown;
    const fn = /^\/api\/functions\/([^/?]+)/.exec(path);
    if (fn) assertNoLeaks(json, callerOpenid(headers), `${fn[1]}.${actionOf(body)}`);
    return { status: res.status, json, headers: res.headers };
  }

  return {
    cloud,
    dataDir,
    app,
    db: app.database(),
    post,
    async call<T>(fn: string, action: string, data: unknown = {}, as?: As) {
      const res = await post(`/api/functions/${fn}`, JSON.stringify({ action, data }), headersFor(as));
      return res.json as Result<T>;
    },
    async setClock(at: Date | string) {
      const res = await post('/api/_local/clock', JSON.stringify({ at: new Date(at).toISOString() }));
      if (res.status !== 200) throw new Error(`clock not set: ${JSON.stringify(res.json)}`);
    },
    async close() {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For tests that check what reaches the logs: from the file's beforeAll on, functions log at
 * `info` and everything written to this process's console (function logs are forwarded to it)
 * is collected in the returned array instead of printed; afterAll puts both back. Call it at
 * the top of the file, before the beforeAll that starts the cloud.
 */
export function captureConsole(): string[] {
  const output: string[] = [];
  const savedLevel = process.env.LOG_LEVEL;
  beforeAll(() => {
    process.env.LOG_LEVEL = 'info';
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        output.push(args.map(String).join(' '));
      });
    }
  });
  afterAll(() => {
    jest.restoreAllMocks();
    if (savedLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = savedLevel;
  });
  return output;
}
