/**
 * The local CloudBase: one process that hosts the embedded database (real SDK wire protocol),
 * the cloud functions, their timer triggers and the H5 build. `npm start` and the integration
 * tests both start it through `startLocalCloud`.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { COLLECTION_SPECS } from '../../cloudfunctions/_lib/collections';
import { fail } from '../../shared/envelope';
import { createClock, type Clock } from './core/clock';
import { startDbThread, type DbThread } from './core/db/thread';
import { configureSdkEnvironment, FunctionHost, type FailureAnswers } from './core/functions';
import { createAppServer } from './http';
import { ensureLocalSecrets } from './secrets';
import { seedIfEmpty } from './demo/seed';
import { LocalStorage } from './storage';
import { writeSeedBannerImages } from './demo/seedHome';
import { TriggerRunner } from './core/triggers';
import { SCHEDULED_JOBS } from '../../cloudfunctions/_lib/schedule';
import type { QuotaProfile } from './core/quota';
import type { DbQuotaStats } from './core/db/quota';
import type { FnQuotaStats } from './core/fnQuota';

export interface QuotaControl {
  /** Switch the quota profile (null = off) for the database and the functions; figures start again. */
  set(profile: QuotaProfile | null): Promise<void>;
  current(): QuotaProfile | null;
  stats(): Promise<{ profile: string | null; db: DbQuotaStats; fn: FnQuotaStats }>;
}
import { markLocalSchema } from './schemaMarker';

export const ROOT = join(__dirname, '../..');

/** What a caller gets when a function crashed or ran past its timeout: the app's INTERNAL envelope. */
export const HOST_FAILURES: FailureAnswers = {
  crashed: fail('INTERNAL'),
  timedOut: fail('INTERNAL', '服务处理超时，请稍后再试'),
};

export interface LocalCloudOptions {
  /** Folder holding the SQLite file, the generated secrets and the stored files (storage/). */
  dataDir: string;
  /** Port of the app server (H5 + functions); 0 picks a free one. */
  port?: number;
  /** Port of the database server; 0 picks a free one. */
  dbPort?: number;
  /** Bind address of both servers. Loopback by default: the database has no authentication. */
  bindHost?: string;
  staticDir?: string | null;
  /** The 工会工作台 build served at /console/ (default dist/console). */
  consoleDir?: string | null;
  functionsDir?: string;
  seed?: boolean;
  clockOffsetMs?: number;
  runTimers?: boolean;
  /** Invocations of one function running at once; later ones wait (default 10, functions.ts). */
  functionConcurrency?: number;
  /** A quota profile (./quota.ts); off when null or absent. `npm start` passes LOCAL_QUOTA's. */
  quota?: QuotaProfile | null;
  /** Write the verified-schema marker at start (default true; tests of the fail-closed path turn it off). */
  schemaMarker?: boolean;
}

export interface LocalCloud {
  appUrl: string;
  dbUrl: string;
  clock: Clock;
  host: FunctionHost;
  triggers: TriggerRunner;
  /** The database, running in its own worker thread. */
  db: DbThread;
  /** Local cloud storage (files under <dataDir>/storage). */
  storage: LocalStorage;
  /** The quota profile in force, switchable at run time (also POST /api/_local/quota). */
  quota: QuotaControl;
  seeded: boolean;
  close(): Promise<void>;
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const bindHost = options.bindHost ?? '127.0.0.1';
  mkdirSync(options.dataDir, { recursive: true });
  const clock = createClock(options.clockOffsetMs ?? 0);
  const db = await startDbThread({
    file: join(options.dataDir, 'cloudbase.sqlite'),
    port: options.dbPort ?? 0,
    host: bindHost,
    collections: COLLECTION_SPECS,
    clockOffset: clock.shared,
  });
  const sdkEnvironment = configureSdkEnvironment(db.url);
  // Subscribe messages are logged, never sent to WeChat (cloudfunctions/notify/lib/transport.ts).
  process.env.NOTIFY_TRANSPORT = process.env.NOTIFY_TRANSPORT || 'log';
  ensureLocalSecrets(options.dataDir);
  // The database thread has just created every collection and index of COLLECTION_SPECS: say so,
  // as the deploy does after verifying a CloudBase environment (cloudfunctions/_lib/schema.ts).
  if (options.schemaMarker !== false) await markLocalSchema(db.url, clock.now());

  const seeded = options.seed === false ? false : await seedIfEmpty(db.url, clock.now());

  const host = new FunctionHost({
    functionsDir: options.functionsDir ?? join(ROOT, 'dist/functions'),
    clock,
    counts: db.counts,
    concurrency: options.functionConcurrency,
    failureAnswers: HOST_FAILURES,
    environment: sdkEnvironment,
  });
  await host.start();
  // A function's `app.callFunction` reaches the database endpoint (the SDK's one API URL), which
  // hands it here. The callee runs with the caller's source chain plus `scf` and the caller's
  // identity carried along (FunctionHost.callerFor).
  db.setFunctionInvoker(async (name, event, seqId) => {
    if (!host.has(name)) throw new Error(`function ${name} not found`);
    return (await host.invoke(name, event, host.callerFor(seqId))).result;
  });
  let profile: QuotaProfile | null = null;
  const quota: QuotaControl = {
    async set(next) {
      profile = next;
      host.quota.set(next?.fn ?? null);
      await db.setQuota(next?.db ?? null);
    },
    current: () => profile,
    async stats() {
      return { profile: profile?.name ?? null, db: await db.quotaStats(), fn: host.quota.snapshot() };
    },
  };
  // After seeding: the demo data is written without a quota (as a data import would be).
  await quota.set(options.quota ?? null);
  const triggers = new TriggerRunner(host, clock, SCHEDULED_JOBS);
  if (options.runTimers !== false) triggers.start();

  const storage = new LocalStorage({
    dir: join(options.dataDir, 'storage'),
    secret: () => host.environmentValue('CARD_TOKEN_SECRET'),
    now: () => clock.now(),
  });
  // The seeded banners' pictures (drawn, not shipped): written whenever missing.
  if (options.seed !== false) writeSeedBannerImages(join(options.dataDir, 'storage'));
  const server = createAppServer({
    host,
    clock,
    triggers,
    storage,
    quota,
    staticDir: options.staticDir === undefined ? join(ROOT, 'dist/h5') : options.staticDir,
    consoleDir: options.consoleDir === undefined ? join(ROOT, 'dist/console') : options.consoleDir,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue: a Friday-10:00 burst must queue, not lose SYNs to a 1 s retransmit.
    server.listen({ port: options.port ?? 0, host: bindHost, backlog: 4096 }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closed = false;
  return {
    appUrl: `http://${bindHost}:${port}`,
    dbUrl: db.url,
    clock,
    host,
    triggers,
    db,
    storage,
    quota,
    seeded,
    async close() {
      if (closed) return;
      closed = true;
      triggers.stop();
      await closeServer(server);
      await host.close();
      await db.close();
    },
  };
}

/** How long a response still being written at shutdown may take before its socket is cut. */
const CLOSE_GRACE_MS = 2000;

/**
 * Stops accepting, lets responses in flight finish, then closes. `server.close()` alone closes
 * only the sockets idle at that instant: a keep-alive socket whose response was still in flight
 * stays open for the keep-alive timeout (5 s), past start.ts's forced exit. So idle sockets are
 * swept as they go idle, and whatever is left after the grace period is cut.
 */
async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 20);
  const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
}
