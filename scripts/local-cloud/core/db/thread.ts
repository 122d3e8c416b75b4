/**
 * The database in its own worker thread (see worker-entry.ts). Same engine, same HTTP protocol;
 * the difference is only which core runs it. The worker loads TypeScript through tsx, so this
 * works the same under `npm start`, the benchmark and jest.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CountSlots } from './stats';
import type { CollectionSpec } from './storage';
import type { DbLimits } from '../quota';
import type { DbQuotaStats } from './quota';

export interface DbThread {
  url: string;
  port: number;
  /** Per-invocation request counters shared with the database thread. */
  counts: CountSlots;
  /** Who runs the functions the SDK calls from a function (callFunction reaches this endpoint). */
  setFunctionInvoker(invoke: (name: string, event: unknown, seqId: string | undefined) => Promise<unknown>): void;
  /** Switch the database quota (null = off); figures start again. */
  setQuota(limits: DbLimits | null): Promise<DbQuotaStats>;
  /** Accepted and refused requests, peak QPS, since the quota was last set. */
  quotaStats(): Promise<DbQuotaStats>;
  close(): Promise<void>;
}

export async function startDbThread(opts: {
  file: string;
  port: number;
  host: string;
  collections: CollectionSpec[];
  /** Float64Array over a SharedArrayBuffer: element 0 is the clock offset in ms. */
  clockOffset: SharedArrayBuffer;
  /** The database side of a quota profile (off when null or absent). */
  quota?: DbLimits | null;
}): Promise<DbThread> {
  const counts = new CountSlots();
  const worker = new Worker(join(__dirname, 'worker-boot.cjs'), {
    workerData: { ...opts, quota: opts.quota ?? null, countSlots: counts.buffer },
  });
  const pending = new Map<number, (msg: Record<string, unknown>) => void>();
  let nextId = 1;
  const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const onMessage = (msg: Record<string, unknown>) => {
      if (msg.ready) {
        worker.off('message', onMessage);
        resolve({ url: String(msg.url), port: Number(msg.port) });
      } else if (msg.failed) {
        reject(new Error(`database thread failed to start: ${String(msg.failed)}`));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  let invoker: ((name: string, event: unknown, seqId: string | undefined) => Promise<unknown>) | null = null;
  worker.on('message', (msg: Record<string, unknown>) => {
    if (msg.invoke) {
      const id = Number(msg.id);
      const answer = (reply: { result?: unknown; error?: string }) => worker.postMessage({ type: 'invoked', id, ...reply });
      let event: unknown;
      try {
        event = msg.requestData ? JSON.parse(String(msg.requestData)) : {};
      } catch {
        return answer({ error: 'request_data is not JSON' });
      }
      if (!invoker) return answer({ error: 'no function host' });
      invoker(String(msg.name), event, typeof msg.seqId === 'string' ? msg.seqId : undefined).then(
        (result) => answer({ result }),
        (err: unknown) => answer({ error: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    const resolve = pending.get(Number(msg.id));
    if (resolve) {
      pending.delete(Number(msg.id));
      resolve(msg);
    }
  });
  const ask = (msg: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...msg, id });
    });
  let closed = false;
  return {
    url: ready.url,
    port: ready.port,
    counts,
    setFunctionInvoker(invoke) {
      invoker = invoke;
    },
    async setQuota(limits) {
      return (await ask({ type: 'quota-set', limits })).stats as DbQuotaStats;
    },
    async quotaStats() {
      return (await ask({ type: 'quota-stats' })).stats as DbQuotaStats;
    },
    async close() {
      if (closed) return;
      closed = true;
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}
