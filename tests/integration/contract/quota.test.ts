/**
 * The database side of a quota profile, through the real SDK: past the QPS, past the concurrent
 * connections and past the day's reads/writes the request is refused with CloudBase's code
 * (thrown by the SDK as an error carrying `code`, `message`, `requestId`) and changes nothing.
 */
import http from 'node:http';
import { DbQuota } from '../../../scripts/local-cloud/core/db/quota';
import { QUOTA_PRESETS } from '../../../scripts/local-cloud/core/quota';
import { rejection, startTestDb, type TestDb } from './helpers';

let t: TestDb;
let businessNow = Date.parse('2026-11-27T02:00:00Z');
const quota = new DbQuota(() => businessNow);
const unlimited = { qps: Infinity, connections: Infinity, readsPerDay: Infinity, writesPerDay: Infinity };

beforeAll(async () => {
  t = await startTestDb({ quota });
});
afterAll(async () => {
  await t.close();
});
afterEach(() => quota.set(null));

const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);
const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok');

test('past the QPS a request is refused with EXCEED_RATELIMIT, writes nothing, and the next second is served', async () => {
  const coll = await t.newCollection('qps');
  quota.set({ ...unlimited, qps: 5 });
  const results = await settle(Array.from({ length: 12 }, (_, i) => t.db.collection(coll).doc(`d${i}`).set({ i })));
  const codes = results.map(codeOf);
  expect(codes.filter((c) => c === 'ok')).toHaveLength(5);
  expect(codes.filter((c) => c === 'EXCEED_RATELIMIT')).toHaveLength(7);
  const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect(refusal.reason).toMatchObject({ code: 'EXCEED_RATELIMIT', message: expect.stringContaining('5 per second') });
  expect(typeof refusal.reason.requestId).toBe('string');
  quota.set(null);
  // Only the accepted writes happened.
  const stored = await t.db.collection(coll).count();
  expect(stored.total).toBe(5);
  quota.set({ ...unlimited, qps: 5 });
  await settle(Array.from({ length: 5 }, () => t.db.collection(coll).count()));
  expect(await rejection(t.db.collection(coll).count())).toMatchObject({ code: 'EXCEED_RATELIMIT' });
  await new Promise((r) => setTimeout(r, 1100));
  expect((await t.db.collection(coll).count()).total).toBe(5);
  expect(quota.snapshot()).toMatchObject({ accepted: 6, refused: { rate: 1 }, peakQps: 5 });
});

test('past the concurrent connections a request is refused with EXCEED_CONCURRENT_REQUEST_LIMIT until one is answered', async () => {
  const coll = await t.newCollection('conn');
  quota.set({ ...unlimited, connections: 2 });
  // Two requests whose bodies have not finished arriving hold both connections.
  const held = [0, 1].map(() => {
    const req = http.request(`${t.server.url}?env=local&seqId=held`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('error', () => undefined); // destroyed below on purpose
    req.write(JSON.stringify({ action: 'database.calculateDocument', collectionName: coll, query: '{}', queryType: 'WHERE' }).slice(0, 10));
    return { req };
  });
  await new Promise((r) => setTimeout(r, 100));
  const err = await rejection(t.db.collection(coll).add({ a: 1 }));
  expect(err).toMatchObject({ code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', message: expect.stringContaining('(2)') });
  for (const h of held) h.req.destroy();
  await new Promise((r) => setTimeout(r, 100));
  await t.db.collection(coll).add({ a: 2 });
  quota.set(null);
  const docs = await t.db.collection(coll).get();
  expect(docs.data.map((d: { a: number }) => d.a)).toEqual([2]);
});

test("the day's reads and writes: past them EXCEED_REQUEST_LIMIT until the next day (Asia/Shanghai)", async () => {
  const coll = await t.newCollection('daily');
  quota.set({ ...unlimited, readsPerDay: 2, writesPerDay: 1 });
  await t.db.collection(coll).add({ a: 1 });
  expect(await rejection(t.db.collection(coll).add({ a: 2 }))).toMatchObject({
    code: 'EXCEED_REQUEST_LIMIT',
    message: expect.stringContaining('writes of the day'),
  });
  await t.db.collection(coll).count();
  await t.db.collection(coll).get();
  expect(await rejection(t.db.collection(coll).get())).toMatchObject({
    code: 'EXCEED_REQUEST_LIMIT',
    message: expect.stringContaining('reads of the day'),
  });
  businessNow += 24 * 3600_000;
  expect((await t.db.collection(coll).count()).total).toBe(1);
  expect(quota.snapshot().refused).toEqual({ rate: 0, connections: 0, reads: 1, writes: 1 });
});

test('the base preset carries WeChat’s documented base quota', () => {
  expect(QUOTA_PRESETS.base.db).toEqual({ qps: 30, connections: 20, readsPerDay: 50_000, writesPerDay: 30_000 });
  expect(QUOTA_PRESETS.base.fn).toMatchObject({ maxInstances: 20, perInstance: 1, callsPerMonth: 200_000 });
  expect(QUOTA_PRESETS.standard.db.qps).toBe(500);
});
