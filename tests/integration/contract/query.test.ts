/**
 * Reads through the real SDK: add/get, query operators, RegExp, orderBy/skip/limit, projection,
 * count, aggregate, Date round-trip.
 */
import { startTestDb, type TestDb } from './helpers';

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t.close();
});

async function seed(docs: object[]): Promise<string> {
  const name = await t.newCollection('q');
  await t.db.collection(name).add(docs);
  return name;
}

const people = [
  { _id: 'p1', name: 'Alice', age: 30, city: 'Ningbo', tags: ['a', 'b'], extra: true },
  { _id: 'p2', name: 'bob', age: 25, city: 'Hangzhou', tags: ['b'] },
  { _id: 'p3', name: 'Carol', age: 35, city: 'Ningbo', tags: [] },
  { _id: 'p4', name: 'dave', age: 40, city: 'Shanghai', tags: ['c'], extra: false },
];
const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort();

test('add returns the id; doc().get returns the stored document', async () => {
  const name = await t.newCollection('add');
  const res = await t.db.collection(name).add({ title: 'hello', n: 1.5, nested: { x: [1, { y: 'z' }] } });
  expect(res.id).toMatch(/^[0-9a-f]{32}$/);
  const got = await t.db.collection(name).doc(res.id).get();
  expect(got.data).toEqual([{ _id: res.id, title: 'hello', n: 1.5, nested: { x: [1, { y: 'z' }] } }]);
});

test('add keeps given string and number _ids distinct', async () => {
  const name = await t.newCollection('ids');
  await t.db.collection(name).add([
    { _id: '1', kind: 'string' },
    { _id: 1, kind: 'number' },
  ]);
  expect((await t.db.collection(name).doc('1').get()).data[0].kind).toBe('string');
  expect((await t.db.collection(name).doc(1).get()).data[0].kind).toBe('number');
});

test('doc().get of a missing document returns an empty list', async () => {
  const name = await t.newCollection('missing');
  expect((await t.db.collection(name).doc('nope').get()).data).toEqual([]);
});

test('comparison operators gt gte lt lte neq in nin', async () => {
  const name = await seed(people);
  const _ = t.db.command;
  const c = t.db.collection(name);
  expect(ids(await c.where({ age: _.gt(30) }).get())).toEqual(['p3', 'p4']);
  expect(ids(await c.where({ age: _.gte(30) }).get())).toEqual(['p1', 'p3', 'p4']);
  expect(ids(await c.where({ age: _.lt(30) }).get())).toEqual(['p2']);
  expect(ids(await c.where({ age: _.lte(30) }).get())).toEqual(['p1', 'p2']);
  expect(ids(await c.where({ city: _.neq('Ningbo') }).get())).toEqual(['p2', 'p4']);
  expect(ids(await c.where({ city: _.in(['Hangzhou', 'Shanghai']) }).get())).toEqual(['p2', 'p4']);
  expect(ids(await c.where({ city: _.nin(['Hangzhou', 'Shanghai']) }).get())).toEqual(['p1', 'p3']);
});

test('logical operators and / or, field-level and chained commands', async () => {
  const name = await seed(people);
  const _ = t.db.command;
  const c = t.db.collection(name);
  expect(ids(await c.where(_.or([{ age: _.lt(28) }, { age: _.gt(38) }])).get())).toEqual(['p2', 'p4']);
  expect(ids(await c.where(_.and([{ city: 'Ningbo' }, { age: _.gt(31) }])).get())).toEqual(['p3']);
  expect(ids(await c.where({ age: _.gt(26).and(_.lt(36)) }).get())).toEqual(['p1', 'p3']);
  expect(ids(await c.where({ city: 'Ningbo', age: 30 }).get())).toEqual(['p1']);
});

test('exists and array equality', async () => {
  const name = await seed(people);
  const _ = t.db.command;
  const c = t.db.collection(name);
  expect(ids(await c.where({ extra: _.exists(true) }).get())).toEqual(['p1', 'p4']);
  expect(ids(await c.where({ extra: _.exists(false) }).get())).toEqual(['p2', 'p3']);
  expect(ids(await c.where({ tags: 'b' }).get())).toEqual(['p1', 'p2']);
});

test('db.RegExp and JS RegExp', async () => {
  const name = await seed(people);
  const c = t.db.collection(name);
  expect(ids(await c.where({ name: t.db.RegExp({ regexp: '^[a-c]', options: 'i' }) }).get())).toEqual(['p1', 'p2', 'p3']);
  expect(ids(await c.where({ name: /^[a-c]/ }).get())).toEqual(['p2']);
  expect(ids(await c.where({ name: /O/gi }).get())).toEqual(['p2', 'p3']);
});

test('nested field queries with dot paths and nested objects', async () => {
  const name = await seed([
    { _id: 'n1', a: { b: { c: 1 } } },
    { _id: 'n2', a: { b: { c: 2 } } },
  ]);
  const _ = t.db.command;
  const c = t.db.collection(name);
  expect(ids(await c.where({ 'a.b.c': 2 }).get())).toEqual(['n2']);
  expect(ids(await c.where({ a: { b: { c: _.lt(2) } } }).get())).toEqual(['n1']);
});

test('orderBy (multiple keys), skip and limit', async () => {
  const name = await seed(people);
  const c = t.db.collection(name);
  const res = await c.orderBy('city', 'asc').orderBy('age', 'desc').get();
  expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['p2', 'p3', 'p1', 'p4']);
  const page = await c.orderBy('age', 'asc').skip(1).limit(2).get();
  expect(page.data.map((d: { _id: string }) => d._id)).toEqual(['p1', 'p3']);
});

test('get returns 100 documents by default and at most 1000', async () => {
  const name = await t.newCollection('limits');
  const c = t.db.collection(name);
  const docs = Array.from({ length: 1200 }, (_, i) => ({ i }));
  for (let k = 0; k < docs.length; k += 400) await c.add(docs.slice(k, k + 400));
  expect((await c.get()).data).toHaveLength(100);
  expect((await c.limit(5).get()).data).toHaveLength(5);
  // The SDK clamps limit(1500) to 1000 client-side; the server enforces the same cap.
  expect((await c.limit(1500).get()).data).toHaveLength(1000);
  const raw = t.engine.execute('database.getDocument', { collectionName: name, limit: 5000 }) as { data: { list: string[] } };
  expect(raw.data.list).toHaveLength(1000);
  expect((await c.skip(1100).limit(1000).get()).data).toHaveLength(100);
  expect((await c.count()).total).toBe(1200);
});

test('field() projection includes or excludes fields (_id included by default)', async () => {
  const name = await seed(people);
  const c = t.db.collection(name);
  const inc = await c.where({ _id: 'p1' }).field({ name: true, age: true }).get();
  expect(inc.data).toEqual([{ _id: 'p1', name: 'Alice', age: 30 }]);
  const exc = await c.doc('p2').field({ tags: false, city: false }).get();
  expect(exc.data).toEqual([{ _id: 'p2', name: 'bob', age: 25 }]);
});

test('count with and without a condition', async () => {
  const name = await seed(people);
  const _ = t.db.command;
  const c = t.db.collection(name);
  expect((await c.count()).total).toBe(4);
  expect((await c.where({ age: _.gte(35) }).count()).total).toBe(2);
});

test('aggregate match group sort limit project', async () => {
  const name = await seed(people);
  const $ = t.db.command.aggregate;
  const res = await t.db
    .collection(name)
    .aggregate()
    .match({ age: t.db.command.gte(25) })
    .group({ _id: '$city', total: $.sum('$age'), n: $.sum(1) })
    .sort({ total: -1 })
    .limit(2)
    .project({ _id: 0, city: '$_id', total: 1, n: 1 })
    .end();
  expect(res.data).toEqual([
    { city: 'Ningbo', total: 65, n: 2 },
    { city: 'Shanghai', total: 40, n: 1 },
  ]);
});

test('aggregate without a $limit stage returns at most 20 results (CloudBase default)', async () => {
  const name = await t.newCollection('agg20');
  await t.db.collection(name).add(Array.from({ length: 30 }, (_, i) => ({ i })));
  expect((await t.db.collection(name).aggregate().match({}).end()).data).toHaveLength(20);
  expect((await t.db.collection(name).aggregate().match({}).limit(25).end()).data).toHaveLength(25);
});

test('Date values round-trip and can be compared in queries', async () => {
  const name = await t.newCollection('dates');
  const c = t.db.collection(name);
  const d1 = new Date('2024-01-02T03:04:05.678Z');
  const d2 = new Date('1960-06-01T00:00:00.000Z');
  await c.add([
    { _id: 'd1', at: d1, list: [d1] },
    { _id: 'd2', at: d2 },
  ]);
  const got = (await c.doc('d1').get()).data[0];
  expect(got.at).toBeInstanceOf(Date);
  expect(got.at.getTime()).toBe(d1.getTime());
  expect(got.list[0].getTime()).toBe(d1.getTime());
  expect(ids(await c.where({ at: t.db.command.lt(new Date('2000-01-01')) }).get())).toEqual(['d2']);
  expect(ids(await c.where({ at: d1 }).get())).toEqual(['d1']);
});
