/**
 * Writes through the real SDK: update operators, nested objects, set (upsert/replace), remove,
 * updateAndReturn, serverDate.
 */
import { startTestDb, type TestDb } from './helpers';

let t: TestDb;
let now = Date.parse('2025-03-04T05:06:07.000Z');
beforeAll(async () => {
  t = await startTestDb({ clock: () => now });
});
afterAll(async () => {
  await t.close();
});

async function coll(docs: object[] = []) {
  const name = await t.newCollection('w');
  if (docs.length) await t.db.collection(name).add(docs);
  return t.db.collection(name);
}
const one = async (c: { doc(id: string): { get(): Promise<{ data: object[] }> } }, id: string) => (await c.doc(id).get()).data[0];

test('update with _.inc, _.set, _.push and _.remove()', async () => {
  const _ = t.db.command;
  const c = await coll([{ _id: 'a', n: 1, obj: { x: 1, y: 2 }, arr: [1], gone: 'bye', keep: true }]);
  const res = await c.doc('a').update({ n: _.inc(4), obj: _.set({ z: 3 }), arr: _.push([2, 3]), gone: _.remove() });
  expect(res.updated).toBe(1);
  expect(await one(c, 'a')).toEqual({ _id: 'a', n: 5, obj: { z: 3 }, arr: [1, 2, 3], keep: true });
});

test('update with a plain nested object merges by dot path (does not replace the object)', async () => {
  const c = await coll([{ _id: 'a', profile: { name: 'x', age: 1 }, other: 1 }]);
  await c.doc('a').update({ profile: { age: 2, city: 'Ningbo' } });
  expect(await one(c, 'a')).toEqual({ _id: 'a', profile: { name: 'x', age: 2, city: 'Ningbo' }, other: 1 });
});

test('update reports updated: 0 when nothing matches or nothing changes', async () => {
  const c = await coll([{ _id: 'a', n: 1 }]);
  expect((await c.doc('zzz').update({ n: 2 })).updated).toBe(0);
  expect((await c.doc('a').update({ n: 1 })).updated).toBe(0);
});

test('where().update() updates every match', async () => {
  const _ = t.db.command;
  const c = await coll([
    { _id: 'a', g: 1, n: 0 },
    { _id: 'b', g: 1, n: 0 },
    { _id: 'c', g: 2, n: 0 },
  ]);
  const res = await c.where({ g: 1 }).update({ n: _.inc(1) });
  expect(res.updated).toBe(2);
  expect((await c.orderBy('_id', 'asc').get()).data.map((d: { n: number }) => d.n)).toEqual([1, 1, 0]);
});

test('conditional decrement only applies while the condition holds', async () => {
  const _ = t.db.command;
  const c = await coll([{ _id: 'sku', stock: 2 }]);
  const results = [];
  for (let i = 0; i < 4; i++) results.push((await c.where({ _id: 'sku', stock: _.gt(0) }).update({ stock: _.inc(-1) })).updated);
  expect(results).toEqual([1, 1, 0, 0]);
  expect((await one(c, 'sku')) as object).toEqual({ _id: 'sku', stock: 0 });
});

test('doc().set() upserts a missing document', async () => {
  const c = await coll();
  const res = await c.doc('new').set({ a: 1 });
  expect(res.upsertedId).toBe('new');
  expect(res.updated).toBe(0);
  expect(await one(c, 'new')).toEqual({ _id: 'new', a: 1 });
});

test('doc().set() replaces the whole existing document', async () => {
  const c = await coll([{ _id: 'a', old: 1, nested: { k: 1 } }]);
  const res = await c.doc('a').set({ fresh: 2 });
  expect(res.updated).toBe(1);
  expect(res.upsertedId).toBeUndefined();
  expect(await one(c, 'a')).toEqual({ _id: 'a', fresh: 2 });
});

test('doc().remove() deletes one document', async () => {
  const c = await coll([{ _id: 'a' }, { _id: 'b' }]);
  expect((await c.doc('a').remove()).deleted).toBe(1);
  expect((await c.doc('a').remove()).deleted).toBe(0);
  expect((await c.count()).total).toBe(1);
});

test('where().remove() deletes every match', async () => {
  const _ = t.db.command;
  const c = await coll([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  expect((await c.where({ n: _.gte(3) }).remove()).deleted).toBe(2);
  expect((await c.get()).data.map((d: { n: number }) => d.n).sort()).toEqual([1, 2]);
});

test('updateAndReturn returns the updated document', async () => {
  const _ = t.db.command;
  const c = await coll([
    { _id: 'a', n: 1, tag: 'x' },
    { _id: 'b', n: 1, tag: 'y' },
  ]);
  const res = await c.where({ tag: 'y' }).updateAndReturn({ n: _.inc(10) });
  expect(res.updated).toBe(1);
  expect(res.doc).toEqual({ _id: 'b', n: 11, tag: 'y' });
  const none = await c.where({ tag: 'nope' }).updateAndReturn({ n: 1 });
  expect(none.updated).toBe(0);
  expect(none.doc).toBeNull();
});

test('serverDate() is the server clock, with an optional offset, in add and update', async () => {
  now = Date.parse('2025-03-04T05:06:07.000Z');
  const c = await coll();
  const { id } = await c.add({ at: t.db.serverDate(), later: t.db.serverDate({ offset: 60_000 }) });
  const got = (await c.doc(id).get()).data[0];
  expect(got.at).toBeInstanceOf(Date);
  expect(got.at.toISOString()).toBe('2025-03-04T05:06:07.000Z');
  expect(got.later.toISOString()).toBe('2025-03-04T05:07:07.000Z');
  now += 1000;
  await c.doc(id).update({ touched: t.db.serverDate() });
  expect((await c.doc(id).get()).data[0].touched.toISOString()).toBe('2025-03-04T05:06:08.000Z');
  // serverDate also works inside query conditions
  const _ = t.db.command;
  expect((await c.where({ at: _.lt(t.db.serverDate()) }).count()).total).toBe(1);
});

test('updates cannot change _id', async () => {
  const c = await coll([{ _id: 'a', n: 1 }]);
  const raw = t.engine.execute('database.modifyDocument', {
    collectionName: c.name,
    query: JSON.stringify({ _id: 'a' }),
    data: JSON.stringify({ $set: { _id: 'b' } }),
    multi: false,
    merge: true,
  });
  expect(raw).toMatchObject({ code: 'INVALID_PARAM' });
  expect(await one(c, 'a')).toEqual({ _id: 'a', n: 1 });
});
