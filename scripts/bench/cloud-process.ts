/**
 * A headless local cloud in its own process (no H5 build needed), for the benchmark and the
 * SIGKILL test: `node --import tsx scripts/bench/cloud-process.ts <dataDir> [clockOffsetMs]`.
 * Prints one JSON line `{"appUrl","dbUrl"}` once it listens; restart it on the same data folder
 * to reopen the same database. Timers do not run by themselves (tests fire them). LOCAL_QUOTA
 * applies a quota profile from the start.
 */
import { startLocalCloud } from '../local-cloud';
import { quotaFromEnv } from '../local-cloud/core/quota';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: cloud-process.ts <dataDir> [clockOffsetMs]');
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    dbPort: 0,
    staticDir: null,
    runTimers: false,
    quota: quotaFromEnv(), // LOCAL_QUOTA (off unless set); the rehearsal switches it at 10:00 instead
    // The rehearsal models hundreds of instances that mostly wait (backoff, refused requests);
    // the host's real concurrency per function is raised to match (default 10, functions.ts).
    functionConcurrency: process.env.LOCAL_FUNCTION_CONCURRENCY ? Number(process.env.LOCAL_FUNCTION_CONCURRENCY) : undefined,

    clockOffsetMs: Number(process.argv[3] ?? 0),
  });
  process.stdout.write(JSON.stringify({ appUrl: cloud.appUrl, dbUrl: cloud.dbUrl }) + '\n');
  const stop = () => void cloud.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
