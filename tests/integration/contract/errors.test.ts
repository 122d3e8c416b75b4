/**
 * Error behaviour through the real SDK: missing collections, unique indexes, error shape,
 * malformed requests, and per-invocation request counting.
 */
import http from 'node:http';
import { rejection, startTestDb, type TestDb } from './helpers';

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb({
    collections: [
      {
        name: 'members',
        indexes: [
          { name: 'phone_unique', keys: { phone: 1 }, unique: true },
          { name: 'by_org', keys: { org: 1, joinedAt: -1 } },
        ],
      },
    ],
  });
});
afterAll(async () => {
  await t.close();
});

function rawPost(body: string, query = 'env=local&seqId=raw-1'): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${t.server.url}?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('writing to a missing collection fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
  const err = await rejection(t.db.collection('does_not_exist').add({ a: 1 }));
  expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  const err2 = await rejection(t.db.collection('does_not_exist').doc('x').set({ a: 1 }));
  expect(err2.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  expect(t.engine.collections()).not.toContain('does_not_exist');
});

test('reading a missing collection fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
  const err = await rejection(t.db.collection('does_not_exist').get());
  expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
});

test('createCollection creates once, then fails with DATABASE_COLLECTION_ALREADY_EXIST', async () => {
  await t.db.createCollection('created_once');
  await t.db.collection('created_once').add({ ok: true });
  const err = await rejection(t.db.createCollection('created_once'));
  expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
});

test('errors surface as SDK errors with code, message and requestId', async () => {
  const err = await rejection(t.db.collection('does_not_exist').get());
  expect(err).toBeInstanceOf(Error);
  expect(typeof err.message).toBe('string');
  expect(err.message?.length).toBeGreaterThan(0);
  expect(typeof err.requestId).toBe('string');
  expect(err.requestId?.length).toBeGreaterThan(0);
});

test('unique index violation fails with DATABASE_DUPLICATE_WRITE and writes nothing', async () => {
  const c = t.db.collection('members');
  await c.add({ _id: 'm1', phone: '138', org: 'o1' });
  const err = await rejection(
    c.add([
      { _id: 'm2', phone: '139', org: 'o1' },
      { _id: 'm3', phone: '138', org: 'o1' },
    ]),
  );
  expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await c.where({ _id: t.db.command.in(['m2', 'm3']) }).get()).data).toEqual([]);
  // update into a duplicate is rejected too, the document keeps its value
  await c.add({ _id: 'm4', phone: '140', org: 'o2' });
  expect((await rejection(c.doc('m4').update({ phone: '138' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await c.doc('m4').get()).data[0].phone).toBe('140');
  // documents lacking the unique field may repeat (SQLite NULLs are distinct)
  await c.add([{ org: 'o3' }, { org: 'o3' }]);
  expect((await c.where({ org: 'o3' }).count()).total).toBe(2);
});

test('inserting an existing _id fails with DATABASE_DUPLICATE_WRITE', async () => {
  const name = await t.newCollection('dupid');
  await t.db.collection(name).add({ _id: 'x', v: 1 });
  expect((await rejection(t.db.collection(name).add({ _id: 'x', v: 2 }))).code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await t.db.collection(name).doc('x').get()).data[0].v).toBe(1);
});

test('indexed equality queries return the same results as scans (including arrays)', async () => {
  const c = t.db.collection('members');
  await c.add([
    { _id: 'i1', org: 'idx', joinedAt: 1 },
    { _id: 'i2', org: 'idx', joinedAt: 2 },
    { _id: 'i3', org: 'other' },
  ]);
  const ids = async (q: object) => (await c.where(q).get()).data.map((d: { _id: string }) => d._id).sort();
  expect(await ids({ org: 'idx' })).toEqual(['i1', 'i2']);
  expect(await ids({ org: t.db.command.in(['idx', 'other']) })).toEqual(['i1', 'i2', 'i3']);
  // an array value on the indexed field must still be found by element equality
  await c.add({ _id: 'i4', org: ['idx', 'multi'] });
  expect(await ids({ org: 'idx' })).toEqual(['i1', 'i2', 'i4']);
});

test('malformed requests get INVALID_PARAM error bodies, never a crash', async () => {
  const bad = await rawPost('{not json');
  expect(bad.status).toBe(200);
  expect(bad.json).toMatchObject({ code: 'INVALID_PARAM' });
  const unknown = await rawPost(JSON.stringify({ action: 'database.dropEverything', collectionName: 'members' }));
  expect(unknown.json).toMatchObject({ code: 'INVALID_PARAM' });
  expect(typeof unknown.json.requestId).toBe('string');
  const badEjson = await rawPost(JSON.stringify({ action: 'database.getDocument', collectionName: 'members', query: '{"a":' }));
  expect(badEjson.json).toMatchObject({ code: 'INVALID_PARAM' });
  const badOp = await rawPost(JSON.stringify({ action: 'database.getDocument', collectionName: 'members', query: '{"a":{"$bogus":1}}' }));
  expect(badOp.json).toMatchObject({ code: 'INVALID_PARAM' });
  expect(JSON.stringify(badOp.json)).not.toMatch(/\n\s+at /);
  // the server is still healthy
  expect((await t.db.collection('members').doc('m1').get()).data).toHaveLength(1);
});

test('requests are counted per invocation from the seqId', async () => {
  t.engine.stats.take('inv42');
  await rawPost(JSON.stringify({ action: 'database.getDocument', collectionName: 'members' }), 'env=local&seqId=inv42-1');
  await rawPost(JSON.stringify({ action: 'database.calculateDocument', collectionName: 'members' }), 'env=local&seqId=inv42-2');
  await rawPost(
    JSON.stringify({ action: 'database.insertDocument', collectionName: 'members', data: ['{"x":1}'] }),
    'env=local&seqId=inv42-3',
  );
  await rawPost(JSON.stringify({ action: 'database.getDocument', collectionName: 'members' }), 'env=local&seqId=other-1');
  expect(t.engine.stats.take('inv42')).toEqual({ reads: 2, writes: 1, total: 3 });
  expect(t.engine.stats.take('inv42')).toEqual({ reads: 0, writes: 0, total: 0 });
  expect(t.engine.stats.totals().total).toBeGreaterThan(3);
});

test('the SDK seqId (TCB_SEQID listed in TCB_CONTEXT_KEYS) is attributed to the invocation', async () => {
  // node-sdk tracing.ts: seqId = `${TCB_SEQID}-${eventId}`; TCB_SEQID is only read from
  // process.env when TCB_CONTEXT_KEYS names it (utils/tcbcontext.ts), as SCF does.
  const saved = { keys: process.env.TCB_CONTEXT_KEYS, seq: process.env.TCB_SEQID };
  process.env.TCB_CONTEXT_KEYS = 'TCB_SEQID';
  process.env.TCB_SEQID = 'invSdk7';
  try {
    t.engine.stats.take('invSdk7');
    await t.db.collection('members').doc('m1').get();
    await t.db.collection('members').doc('m1').update({ seen: true });
    expect(t.engine.stats.take('invSdk7')).toEqual({ reads: 1, writes: 1, total: 2 });
  } finally {
    for (const [k, v] of [
      ['TCB_CONTEXT_KEYS', saved.keys],
      ['TCB_SEQID', saved.seq],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test('the SDK also reaches the server through TCB_CONTEXT_CNFG {"URL": …} (no serviceUrl)', async () => {
  const saved = process.env.TCB_CONTEXT_CNFG;
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: t.server.url });
  try {
    const tcb = (await import('@cloudbase/node-sdk')).default;
    const db = tcb.init({ env: 'local', secretId: 'local', secretKey: 'local' }).database();
    expect((await db.collection('members').doc('m1').get()).data[0]._id).toBe('m1');
  } finally {
    if (saved === undefined) delete process.env.TCB_CONTEXT_CNFG;
    else process.env.TCB_CONTEXT_CNFG = saved;
  }
});

test('legacy transaction actions (getInTransaction / updateDocInTransaction / deleteDocInTransaction)', async () => {
  const name = await t.newCollection('legacy');
  await t.db.collection(name).add({ _id: 'a', n: 1 });
  const ex = (action: string, body: object) => t.engine.execute(action, { collectionName: name, ...body }) as Record<string, unknown>;
  const { transactionId } = ex('database.startTransaction', {}) as { transactionId: string };
  expect(JSON.parse(ex('database.getInTransaction', { transactionId, _id: 'a' }).data as string)).toEqual({ _id: 'a', n: 1 });
  expect(ex('database.updateDocInTransaction', { transactionId, _id: 'a', data: '{"$set":{"n":{"$numberInt":"2"}}}' }).updated).toBe('1');
  const up = ex('database.updateDocInTransaction', { transactionId, _id: 'b', data: '{"m":{"$numberInt":"3"}}', upsert: true });
  expect(JSON.parse(up.upserted as string)).toEqual([{ _id: 'b' }]);
  expect(ex('database.deleteDocInTransaction', { transactionId, _id: 'a' }).deleted).toBe('1');
  expect((await t.db.collection(name).doc('a').get()).data).toHaveLength(1); // not committed yet
  expect(ex('database.commitTransaction', { transactionId })).not.toHaveProperty('code');
  expect((await t.db.collection(name).doc('a').get()).data).toEqual([]);
  expect((await t.db.collection(name).doc('b').get()).data).toEqual([{ _id: 'b', m: 3 }]);
});
