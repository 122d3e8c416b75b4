/**
 * Shared setup for the contract suites: a real engine + HTTP server on a temp file and a random
 * port, driven through the REAL @cloudbase/node-sdk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { createEngine, type CollectionSpec, type Engine } from '../../../scripts/local-cloud/core/db/engine';
import { startDbServer, type DbServer } from '../../../scripts/local-cloud/core/db/server';
import type { DbQuota } from '../../../scripts/local-cloud/core/db/quota';

// The SDK warns about requests slower than 3 s unless SILENCE=true.
process.env.SILENCE = 'true';
// Outside SCF the SDK probes http://metadata.tencentyun.com (30 ms timeout) before EVERY request
// to detect Tencent Cloud and never caches a failure (node-sdk utils/metadata.ts lookupAppId).
// TENCENTCLOUD=true short-circuits the probe; with an explicit serviceUrl it changes nothing else.
process.env.TENCENTCLOUD = 'true';

export interface TestDb {
  app: ReturnType<typeof tcb.init>;
  // The SDK's Db typings are loose; tests use it dynamically.
  db: any;
  engine: Engine;
  server: DbServer;
  dir: string;
  /** A fresh collection name, created through the SDK (database.addCollection). */
  newCollection(prefix?: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export async function startTestDb(opts: { collections?: CollectionSpec[]; clock?: () => number; quota?: DbQuota } = {}): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-db-'));
  const engine = createEngine({ file: path.join(dir, 'db.sqlite'), collections: opts.collections, clock: opts.clock });
  const server = await startDbServer({ engine, port: 0, quota: opts.quota });
  const app = tcb.init({ env: 'local', serviceUrl: server.url, secretId: 'local', secretKey: 'local' });
  const db = app.database();
  return {
    app,
    db,
    engine,
    server,
    dir,
    async newCollection(prefix = 'c') {
      const name = `${prefix}_${process.pid}_${++counter}`;
      await db.createCollection(name);
      return name;
    },
    async close() {
      await server.close();
      engine.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Await a promise that must reject; returns the error (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message?: string; requestId?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message?: string; requestId?: string };
  }
  throw new Error('expected the promise to reject');
}
