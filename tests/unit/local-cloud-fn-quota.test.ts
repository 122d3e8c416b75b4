/**
 * The function side of a quota profile (scripts/local-cloud/core/fnQuota.ts): instances × per-instance
 * concurrency, the scale-out rate, the ceiling and the month's calls, with the errCode/errMsg
 * wx.cloud.callFunction rejects with.
 */
import { FnQuota } from '../../scripts/local-cloud/core/fnQuota';
import { resolveQuota } from '../../scripts/local-cloud/core/quota';

const limits = { maxInstances: 4, perInstance: 2, scalePerMin: 60, scaleBurst: 1, provisioned: 1, callsPerMonth: Infinity };

afterEach(() => jest.useRealTimers());

test('warm instances serve perInstance calls each; more start at the scale-out rate; the ceiling refuses with -501004', () => {
  jest.useFakeTimers({ now: 1_000_000 });
  const q = new FnQuota(() => Date.now());
  q.set(limits);
  // 1 provisioned instance × 2.
  expect(q.admit('benefit', false)).toBeNull();
  expect(q.admit('benefit', false)).toBeNull();
  // Full: one instance may start at once (burst 1) …
  expect(q.admit('benefit', false)).toBeNull();
  expect(q.admit('benefit', false)).toBeNull();
  // … then the scale-out rate (60/min = one a second) refuses.
  const scale = q.admit('benefit', false);
  expect(scale).toMatchObject({ kind: 'scale', errCode: -501004 });
  expect(scale?.errMsg).toMatch(/^cloud\.callFunction:fail .*errCode: -501004.*429 ResourceLimit/);
  jest.advanceTimersByTime(1000);
  expect(q.admit('benefit', false)).toBeNull(); // a third instance
  expect(q.admit('benefit', false)).toBeNull();
  jest.advanceTimersByTime(1000);
  expect(q.admit('benefit', false)).toBeNull(); // the fourth, the ceiling
  expect(q.admit('benefit', false)).toBeNull();
  jest.advanceTimersByTime(60_000);
  expect(q.admit('benefit', false)).toMatchObject({
    kind: 'instances',
    errCode: -501004,
    errMsg: expect.stringContaining('432 ResourceLimitReached'),
  });
  // A timer invocation is never refused (SCF retries asynchronous invocations itself).
  expect(q.admit('benefit', true)).toBeNull();
  // A call that ends frees its place.
  q.leave('benefit');
  q.leave('benefit');
  expect(q.admit('benefit', false)).toBeNull();
  expect(q.snapshot()).toMatchObject({
    admitted: 10,
    refused: { scale: 1, instances: 1, calls: 0 },
    functions: { benefit: { instances: 4, peakRunning: 9 } },
  });
  // Other functions have their own instances.
  expect(q.admit('system', false)).toBeNull();
});

test("past the month's calls: -501003 until the next month (Asia/Shanghai)", () => {
  let now = Date.parse('2026-11-30T15:00:00Z'); // 23:00 on 30 November in Shanghai
  const q = new FnQuota(() => now);
  q.set({ ...limits, maxInstances: 100, provisioned: 100, callsPerMonth: 2 });
  expect(q.admit('system', false)).toBeNull();
  expect(q.admit('member', false)).toBeNull();
  expect(q.admit('system', false)).toMatchObject({
    kind: 'calls',
    errCode: -501003,
    errMsg: expect.stringContaining('EXCEED_REQUEST_LIMIT'),
  });
  now = Date.parse('2026-11-30T16:00:00Z'); // 00:00 on 1 December in Shanghai
  expect(q.admit('system', false)).toBeNull();
});

test('off admits everything; a profile is one setting plus per-number overrides', () => {
  const q = new FnQuota(() => Date.now());
  for (let i = 0; i < 1000; i++) expect(q.admit('benefit', false)).toBeNull();
  expect(resolveQuota(undefined)).toBeNull();
  expect(resolveQuota('off')).toBeNull();
  const p = resolveQuota('standard', {
    LOCAL_QUOTA_DB_QPS: '120',
    LOCAL_QUOTA_FN_PROVISIONED: '100',
    LOCAL_QUOTA_DB_READS_PER_DAY: 'none',
  });
  expect(p).toMatchObject({
    name: 'standard*',
    db: { qps: 120, connections: 500, readsPerDay: Infinity },
    fn: { provisioned: 100, maxInstances: 1000, scalePerMin: 500 },
  });
  expect(() => resolveQuota('gold')).toThrow(/expected off, base, standard/);
  expect(() => resolveQuota('base', { LOCAL_QUOTA_DB_QPS: '-1' })).toThrow(/LOCAL_QUOTA_DB_QPS/);
});
