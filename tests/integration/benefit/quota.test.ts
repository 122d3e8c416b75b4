/**
 * The claim under CloudBase's quota (a tight profile in the local cloud): refusals of database
 * requests and of function calls at any step leave the invariants whole — no oversell, nobody
 * twice, no acknowledged claim lost — and members retrying as the app does all get a final answer.
 */
import type { ClaimView } from '../../../shared/benefit/schemas';
import { formatCode } from '../../../shared/benefit/code';
import { resolveQuota } from '../../../scripts/local-cloud/core/quota';
import type { TestCloud } from '../../scenarios/cloud';
import { claimAs, dropFacts, fireBenefitTimer, givenBenefitCloud, givenDrop, givenMembers, passFor } from '../../scenarios/benefit';
import { tapAsApp } from '../../scenarios/appClient';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});
afterEach(async () => {
  await t.cloud.quota.set(null);
  await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
});

test('tight quota (DB 25 QPS, 6 instances): 150 members tapping at once for 40 units — 40 claims, none twice, every acknowledged claim stored, everyone answered', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 40 });
  const members = await givenMembers(t, 150);
  await t.setClock(new Date(opensAt - 60_000));
  const passes = new Map<string, string>();
  for (const m of members) passes.set(m, await passFor(t, m, dropId));
  await t.setClock(new Date(opensAt));
  await t.cloud.quota.set(resolveQuota('base', { LOCAL_QUOTA_DB_QPS: '25', LOCAL_QUOTA_FN_INSTANCES: '6' }));

  const taps = await Promise.all(
    members.map(async (openid) => ({
      openid,
      out: await tapAsApp<ClaimView>(t.cloud.appUrl, 'benefit', 'claim', { dropId, pass: passes.get(openid) }, openid, 120_000),
    })),
  );
  const stats = await t.cloud.quota.stats();
  await t.cloud.quota.set(null);

  // The quota really refused, at the function and at the database.
  expect(stats.fn.refused.instances).toBeGreaterThan(0);
  expect(stats.db.refused.rate).toBeGreaterThan(0);
  expect(stats.db.peakQps).toBeLessThanOrEqual(25);
  // Everyone got a final answer: claimed or sold out.
  const codes = taps.map((x) => (x.out.result.ok ? 'ok' : x.out.result.error.code));
  expect(new Set(codes)).toEqual(new Set(['ok', 'DROP_SOLD_OUT']));
  const facts = await dropFacts(t, dropId);
  const stored = new Map(facts.claims.map((c) => [c.openid, formatCode(c.code)]));
  const acked = taps.filter((x) => x.out.result.ok);
  expect(acked).toHaveLength(40);
  expect(facts.claims).toHaveLength(40);
  expect(stored.size).toBe(40); // nobody twice
  expect(acked.filter((x) => x.out.result.ok && stored.get(x.openid) !== x.out.result.data.code)).toEqual([]);
  // No unit lost either: once the stock has been quiet, claims + left = stock.
  await t.setClock(new Date(opensAt + 5 * 60_000));
  await fireBenefitTimer(t, 'reconcile');
  const after = await dropFacts(t, dropId);
  expect(after.claims.length + after.left).toBe(40);
  expect(after.claims).toHaveLength(40);
});

test('a refusal between the two writes (the claim insert) acknowledges nothing, keeps no claim without its unit, and the retry claims once', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 3 });
  const [m] = await givenMembers(t, 1);
  const pass = await passFor(t, m, dropId);
  await t.setClock(new Date(opensAt + 1000));
  // Prime the instance's copy of the drop (so the claim's only writes are take + insert).
  await claimAs(t, 'nobody_warm_1', dropId).catch(() => undefined);
  // One write left today: the take passes, the insert is refused (EXCEED_REQUEST_LIMIT is not retried).
  await t.cloud.quota.set(resolveQuota('standard', { LOCAL_QUOTA_DB_WRITES_PER_DAY: '1' }));
  const requestId = 'quotaretry0000000001';
  const refused = await claimAs(t, m, dropId, { pass, requestId });
  expect(refused.result).toMatchObject({ ok: false, error: { code: 'QUOTA_EXHAUSTED' } });
  await t.cloud.quota.set(null);
  let facts = await dropFacts(t, dropId);
  expect(facts.claims).toHaveLength(0);
  expect(facts.claims.length + facts.left).toBeLessThanOrEqual(3); // a unit may wait for the reconcile timer, never a claim for a unit
  // The same tap again (same request id): claimed once.
  const retry = await claimAs(t, m, dropId, { pass, requestId });
  expect(retry.result.ok).toBe(true);
  const again = await claimAs(t, m, dropId, { pass, requestId });
  expect(again.result.ok && retry.result.ok && again.result.data.code === retry.result.data.code).toBe(true);
  facts = await dropFacts(t, dropId);
  expect(facts.claims).toHaveLength(1);
  // The unit taken by the refused attempt comes back.
  await t.setClock(new Date(opensAt + 5 * 60_000));
  await fireBenefitTimer(t, 'reconcile');
  facts = await dropFacts(t, dropId);
  expect(facts.claims.length + facts.left).toBe(3);
});

test('a database quota refusal outlasting the retries answers BUSY, not INTERNAL, and changes nothing', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 3 });
  const [m] = await givenMembers(t, 1);
  await t.setClock(new Date(opensAt + 1000));
  await t.cloud.quota.set(resolveQuota('standard', { LOCAL_QUOTA_DB_QPS: '0' }));
  const r = await claimAs(t, m, dropId);
  expect(r.result).toEqual({ ok: false, error: { code: 'BUSY', message: '参与的人较多，正在排队，请稍候' } });
  await t.cloud.quota.set(null);
  const facts = await dropFacts(t, dropId);
  expect(facts).toMatchObject({ claims: [], left: 3 });
});

test('a function call past the quota is refused as wx.cloud.callFunction reports it (HTTP 429 {errCode, errMsg} on the H5 path)', async () => {
  await t.cloud.quota.set(resolveQuota('base', { LOCAL_QUOTA_FN_INSTANCES: '0' }));
  const res = await t.post('/api/functions/system', JSON.stringify({ action: 'serverTime', data: {} }));
  expect(res.status).toBe(429);
  expect(res.json).toEqual({
    errCode: -501004,
    errMsg: expect.stringMatching(/^cloud\.callFunction:fail .*EXCEED_CONCURRENT_REQUEST_LIMIT.*432 ResourceLimitReached/),
  });
  await t.cloud.quota.set(resolveQuota('base', { LOCAL_QUOTA_FN_CALLS_PER_MONTH: '0' }));
  const month = await t.post('/api/functions/system', JSON.stringify({ action: 'serverTime', data: {} }));
  expect(month).toMatchObject({ status: 429, json: { errCode: -501003 } });
  await t.cloud.quota.set(null);
  expect((await t.post('/api/functions/system', JSON.stringify({ action: 'serverTime', data: {} }))).status).toBe(200);
});
