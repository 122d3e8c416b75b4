/**
 * Durability: acknowledged inserts survive a SIGKILL of the database process.
 * Spawns scripts/local-cloud/core/db/cli.ts, storms it with concurrent inserts through the real SDK,
 * SIGKILLs it mid-storm, restarts it on the same file and checks every acknowledged insert.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import tcb from '@cloudbase/node-sdk';

process.env.SILENCE = 'true';
process.env.TENCENTCLOUD = 'true'; // skip the SDK's per-request metadata probe (see contract/helpers.ts)

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'scripts/local-cloud/core/db/cli.ts');
const COLLECTIONS = JSON.stringify([{ name: 'orders', indexes: [{ name: 'order_no', keys: { orderNo: 1 }, unique: true }] }]);

const children: ChildProcess[] = [];
let dir: string;

function startChild(file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--file', file, '--port', '0', '--collections', COLLECTIONS], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve({ child, url: (JSON.parse(line) as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`db process exited (${code}): ${stderr}`)));
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-kill-'));
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('every acknowledged insert survives SIGKILL and the unique index still holds', async () => {
  const file = path.join(dir, 'db.sqlite');
  const first = await startChild(file);
  const db1 = tcb.init({ env: 'local', serviceUrl: first.url, secretId: 'local', secretKey: 'local', timeout: 5000 }).database();

  const acked: string[] = [];
  let failed = 0;
  let next = 0;
  let killed = false;
  let killedAt = -1;
  const died = new Promise<void>((r) => first.child.once('exit', () => r()));

  // 64 concurrent writers; the process is killed once 400 inserts are acknowledged, with
  // requests still in flight.
  const writer = async () => {
    while (!killed || next < killedAt + 200) {
      const n = next++;
      const key = `o${n}`;
      try {
        await db1.collection('orders').add({ _id: key, orderNo: `NO-${n}`, amount: n, createdAt: new Date() });
        acked.push(key);
        if (!killed && acked.length >= 400) {
          killed = true;
          killedAt = next;
          first.child.kill('SIGKILL');
        }
      } catch {
        failed++;
        if (killed) return;
      }
    }
  };
  await Promise.all(Array.from({ length: 64 }, writer));
  await died;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(400);
  expect(failed).toBeGreaterThan(0); // the storm really was cut mid-flight

  const second = await startChild(file);
  const db2 = tcb.init({ env: 'local', serviceUrl: second.url, secretId: 'local', secretKey: 'local' }).database();
  const _ = db2.command;
  const found = new Set<string>();
  for (let i = 0; i < acked.length; i += 500) {
    const batch = acked.slice(i, i + 500);
    const res = await db2
      .collection('orders')
      .where({ _id: _.in(batch) })
      .limit(1000)
      .get();
    for (const d of res.data as Array<{ _id: string; orderNo: string; createdAt: Date }>) {
      expect(d.orderNo).toBe(`NO-${d._id.slice(1)}`);
      expect(d.createdAt).toBeInstanceOf(Date);
      found.add(d._id);
    }
  }
  const missing = acked.filter((k) => !found.has(k));
  expect(missing).toEqual([]);

  // the unique index survived the crash and is enforced
  const dup = await db2
    .collection('orders')
    .add({ orderNo: 'NO-0' })
    .then(
      () => null,
      (e: { code?: string }) => e.code,
    );
  expect(dup).toBe('DATABASE_DUPLICATE_WRITE');
  const total = (await db2.collection('orders').count()).total as number;
  const groups = await db2
    .collection('orders')
    .aggregate()
    .group({ _id: '$orderNo', n: db2.command.aggregate.sum(1) })
    .match({ n: _.gt(1) })
    .limit(10)
    .end();
  expect(groups.data).toEqual([]);
  expect(total).toBeGreaterThanOrEqual(acked.length);
  second.child.kill('SIGTERM');
});
