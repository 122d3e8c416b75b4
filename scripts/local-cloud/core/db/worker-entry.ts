/**
 * Runs inside a worker thread: the engine and its HTTP server, so the database has a core of its
 * own instead of queueing behind function code. The main thread shares the clock offset and the
 * per-invocation request counters (stats.ts CountSlots) through SharedArrayBuffers, so neither
 * needs a message per request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CollectionSpec } from './storage';
import { createEngine } from './engine';
import { startDbServer } from './server';
import { DbQuota } from './quota';
import type { DbLimits } from '../quota';

interface Init {
  file: string;
  port: number;
  host: string;
  collections: CollectionSpec[];
  clockOffset: SharedArrayBuffer;
  countSlots: SharedArrayBuffer;
  quota: DbLimits | null;
}

type Request =
  | { id: number; type: 'close' }
  | { type: 'invoked'; id: number; result?: unknown; error?: string }
  | { id: number; type: 'quota-set'; limits: DbLimits | null }
  | { id: number; type: 'quota-stats' };

async function main(): Promise<void> {
  const init = workerData as Init;
  const offset = new Float64Array(init.clockOffset);
  const engine = createEngine({
    file: init.file,
    clock: () => Date.now() + offset[0],
    collections: init.collections,
    countSlots: init.countSlots,
  });
  const quota = new DbQuota(() => Date.now() + offset[0]);
  quota.set(init.quota);
  const port = parentPort!;
  // callFunction from a function: the function host lives in the main thread.
  const invocations = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextInvocation = 1;
  const invokeFunction = (name: string, requestData: string, seqId: string | undefined) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextInvocation++;
      invocations.set(id, { resolve, reject });
      port.postMessage({ invoke: true, id, name, requestData, seqId });
    });
  const server = await startDbServer({ engine, port: init.port, host: init.host, invokeFunction, quota });
  port.on('message', (msg: Request) => {
    if (msg.type === 'invoked') {
      const waiting = invocations.get(msg.id);
      invocations.delete(msg.id);
      if (msg.error !== undefined) waiting?.reject(new Error(msg.error));
      else waiting?.resolve(msg.result);
      return;
    }
    if (msg.type === 'quota-set') {
      quota.set(msg.limits);
      port.postMessage({ id: msg.id, stats: quota.snapshot() });
      return;
    }
    if (msg.type === 'quota-stats') {
      port.postMessage({ id: msg.id, stats: quota.snapshot() });
      return;
    }
    void server.close().then(() => {
      engine.close();
      port.postMessage({ id: msg.id, closed: true });
    });
  });
  port.postMessage({ ready: true, url: server.url, port: server.port });
}

main().catch((err: unknown) => {
  parentPort?.postMessage({ failed: err instanceof Error ? err.message : String(err) });
});
