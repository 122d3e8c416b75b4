/**
 * An open-loop crowd for the rehearsal: member i taps at its own arrival time whatever the
 * others are doing (a Friday crowd does not wait for answers before arriving), and each member's
 * phone behaves as the app does: one request id per tap, resent with the shared retry policy
 * (shared/net/retry.ts) while the answer is BUSY, a quota refusal or no answer, classified by the
 * app's own shared/net/callErrors.ts. Requests go over a pool of kept-alive connections
 * (./http1.ts); a member waiting for a free connection is waiting, so it counts in its time.
 */
import { randomBytes } from 'node:crypto';
import type { Result } from '../../shared/envelope';
import { classifyCallError } from '../../shared/net/callErrors';
import { RETRY_BUDGET_MS, stillFresh, withRetries } from '../../shared/net/retry';
import { Http1Connection } from './http1';

export interface MemberOutcome {
  openid: string;
  /** Arrival, relative to the start of the crowd (ms). */
  arrivedAt: number;
  /** From arrival to the final answer (or to giving up), ms. */
  ms: number;
  retries: number;
  gaveUp: boolean;
  code: string | null;
  data: unknown;
  refusals: { fnInstances: number; fnScale: number; fnCalls: number; busy: number; network: number };
}

/** Kept-alive connections handed out one request at a time; callers wait in order when all are busy. */
export class Pool {
  private readonly free: Http1Connection[];
  private readonly waiting: Array<(c: Http1Connection) => void> = [];

  constructor(url: string, size: number) {
    this.free = Array.from({ length: size }, () => Http1Connection.forUrl(url));
  }

  async use<T>(work: (c: Http1Connection) => Promise<T>): Promise<T> {
    const conn = this.free.pop() ?? (await new Promise<Http1Connection>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(conn);
    } finally {
      const next = this.waiting.shift();
      if (next) next(conn);
      else this.free.push(conn);
    }
  }

  close(): void {
    for (const c of this.free) c.close();
  }
}

export interface CrowdOptions {
  appUrl: string;
  fn: string;
  action: string;
  /** The request body's data for one member. */
  dataFor: (openid: string) => unknown;
  members: string[];
  /** Arrival time of member i, ms after the start. */
  arrivalMs: (i: number) => number;
  connections: number;
  budgetMs?: number;
}

export async function runCrowd(o: CrowdOptions): Promise<MemberOutcome[]> {
  const pool = new Pool(o.appUrl, o.connections);
  const t0 = performance.now();
  const tap = async (openid: string, i: number): Promise<MemberOutcome> => {
    const arrive = o.arrivalMs(i);
    const wait = arrive - (performance.now() - t0);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const started = performance.now();
    const requestId = randomBytes(12).toString('hex');
    const data = o.dataFor(openid);
    const refusals = { fnInstances: 0, fnScale: 0, fnCalls: 0, busy: 0, network: 0 };
    let fresh = true; // as services/cloud.ts: false once a send may have been applied
    const send = async (): Promise<Result<unknown>> => {
      const result = await once(JSON.stringify({ action: o.action, data, requestId, fresh }));
      if (!result.ok && !stillFresh(result)) fresh = false;
      return result;
    };
    const once = async (body: string): Promise<Result<unknown>> => {
      let res;
      try {
        res = await pool.use((c) => c.post(`/api/functions/${o.fn}`, body, { 'x-local-openid': openid }));
      } catch (err) {
        refusals.network++;
        return classifyCallError(err);
      }
      const parsed = JSON.parse(res.body) as Result<unknown> | { errCode: number; errMsg: string };
      if ('errCode' in parsed) {
        if (parsed.errCode === -501003) refusals.fnCalls++;
        else if (parsed.errMsg.includes('429')) refusals.fnScale++;
        else refusals.fnInstances++;
        return classifyCallError(parsed);
      }
      if (!parsed.ok && parsed.error.code === 'BUSY') refusals.busy++;
      return parsed;
    };
    const out = await withRetries(send, { budgetMs: o.budgetMs ?? RETRY_BUDGET_MS });
    return {
      openid,
      arrivedAt: arrive,
      ms: performance.now() - started,
      retries: out.retries,
      gaveUp: out.gaveUp,
      code: out.result.ok ? null : out.result.error.code,
      data: out.result.ok ? out.result.data : null,
      refusals,
    };
  };
  try {
    return await Promise.all(o.members.map((m, i) => tap(m, i)));
  } finally {
    pool.close();
  }
}

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export function summarise(outcomes: MemberOutcome[]) {
  const ms = outcomes.map((x) => x.ms).sort((a, b) => a - b);
  const retries = outcomes.map((x) => x.retries).sort((a, b) => a - b);
  const sum = (f: (x: MemberOutcome) => number) => outcomes.reduce((s, x) => s + f(x), 0);
  const codes = new Map<string, number>();
  for (const x of outcomes) codes.set(x.code ?? 'ok', (codes.get(x.code ?? 'ok') ?? 0) + 1);
  return {
    p50: pct(ms, 50),
    p99: pct(ms, 99),
    max: ms[ms.length - 1] ?? 0,
    retriesMean: sum((x) => x.retries) / Math.max(1, outcomes.length),
    retriesP99: pct(retries, 99),
    retriesMax: retries[retries.length - 1] ?? 0,
    gaveUp: outcomes.filter((x) => x.gaveUp).length,
    codes,
    refusals: {
      fnInstances: sum((x) => x.refusals.fnInstances),
      fnScale: sum((x) => x.refusals.fnScale),
      fnCalls: sum((x) => x.refusals.fnCalls),
      busy: sum((x) => x.refusals.busy),
      network: sum((x) => x.refusals.network),
    },
  };
}
