/**
 * Throughput benchmark: `npx tsx scripts/local-cloud/core/db/bench-engine.ts [--n 20000] [--concurrency 100]`.
 *
 * Three operations, each (a) on the engine directly with the exact bodies the SDK sends and
 * (b) through HTTP with the real @cloudbase/node-sdk at N concurrent requests:
 *   - `_id` get                 doc(id).get()
 *   - conditional decrement     where({ _id, stock: _.gt(0) }).update({ stock: _.inc(-1) })
 *   - insert with unique key    add({ orderNo }) into a collection with a unique index
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EJSON } from 'bson';
import tcb from '@cloudbase/node-sdk';
import { createEngine } from './engine';
import { startDbServer } from './server';

process.env.SILENCE = 'true';
// Without this the SDK probes metadata.tencentyun.com (30 ms timeout, failure not cached)
// before every request outside SCF; see node-sdk utils/metadata.ts.
process.env.TENCENTCLOUD = 'true';

const { values } = parseArgs({ options: { n: { type: 'string', default: '20000' }, concurrency: { type: 'string', default: '100' } } });
const N = Number(values.n);
const C = Number(values.concurrency);
const ej = (x: unknown) => EJSON.stringify(x, { relaxed: false });
const ITEMS = 1000;

function fmt(name: string, ops: number, ms: number): void {
  console.log(
    `${name.padEnd(44)} ${Math.round((ops / ms) * 1000)
      .toString()
      .padStart(9)} ops/s   (${ops} ops, ${ms.toFixed(0)} ms)`,
  );
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-bench-'));
  const t0 = performance.now();
  const engine = createEngine({
    file: path.join(dir, 'bench.sqlite'),
    collections: [{ name: 'items' }, { name: 'orders', indexes: [{ name: 'order_no', keys: { orderNo: 1 }, unique: true }] }],
  });
  console.log(`open: ${(performance.now() - t0).toFixed(1)} ms`);
  const ok = (r: object) => {
    if ('code' in r) throw new Error(JSON.stringify(r));
  };
  ok(
    engine.execute('database.insertDocument', {
      collectionName: 'items',
      data: Array.from({ length: ITEMS }, (_, i) => ej({ _id: `sku${i}`, stock: 1e9, name: `item ${i}`, price: i })),
    }),
  );

  // ---- engine direct ----
  let t = performance.now();
  for (let i = 0; i < N; i++) {
    ok(
      engine.execute('database.getDocument', {
        collectionName: 'items',
        query: ej({ _id: `sku${i % ITEMS}` }),
        queryType: 'DOC',
        multi: false,
      }),
    );
  }
  fmt('engine  _id get', N, performance.now() - t);

  t = performance.now();
  for (let i = 0; i < N; i++) {
    ok(
      engine.execute('database.modifyDocument', {
        collectionName: 'items',
        query: ej({ _id: `sku${i % ITEMS}`, stock: { $gt: 0 } }),
        data: ej({ $inc: { stock: -1 } }),
        queryType: 'WHERE',
        multi: true,
        merge: true,
        upsert: false,
      }),
    );
  }
  fmt('engine  conditional decrement', N, performance.now() - t);

  t = performance.now();
  for (let i = 0; i < N; i++) {
    ok(
      engine.execute('database.insertDocument', { collectionName: 'orders', data: [ej({ orderNo: `E-${i}`, amount: i, at: new Date() })] }),
    );
  }
  fmt('engine  insert (unique key)', N, performance.now() - t);

  // ---- HTTP + real SDK ----
  const server = await startDbServer({ engine, port: 0 });
  const db = tcb.init({ env: 'local', serviceUrl: server.url, secretId: 'local', secretKey: 'local' }).database();
  const _ = db.command;
  const run = async (name: string, op: (i: number) => Promise<unknown>) => {
    let next = 0;
    for (let i = 0; i < 200; i++) await op(N + 1_000_000 + i); // warm-up (sockets, JIT)
    const start = performance.now();
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (next < N) await op(next++);
      }),
    );
    fmt(`http+sdk ${name} (c=${C})`, N, performance.now() - start);
  };
  await run('_id get', (i) =>
    db
      .collection('items')
      .doc(`sku${i % ITEMS}`)
      .get(),
  );
  await run('conditional decrement', (i) =>
    db
      .collection('items')
      .where({ _id: `sku${i % ITEMS}`, stock: _.gt(0) })
      .update({ stock: _.inc(-1) }),
  );
  await run('insert (unique key)', (i) => db.collection('orders').add({ orderNo: `H-${i}`, amount: i, at: new Date() }));

  await server.close();
  engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
