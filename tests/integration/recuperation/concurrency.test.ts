/**
 * Concurrent approvals through real HTTP calls to the local cloud: the unit's yearly places and
 * the batch capacity are never exceeded, and the counters end consistent with the roster.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import {
  approveAllAtOnce,
  codes,
  countApproved,
  givenApplications,
  givenBatch,
  givenLocalCloud,
  givenMembers,
  givenUnit,
  GANGWU,
  LIANHE,
  UNIT_ADMIN,
  type TestCloud,
} from '../../scenarios/recuperation';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t?.close();
});

it('12 simultaneous approvals against a quota of 5 approve exactly 5', async () => {
  await givenUnit(t, GANGWU, { quota: 5 });
  const batch = await givenBatch(t, { capacity: 50 });
  const ids = await givenApplications(t, await givenMembers(t, 12), batch.id);

  const results = await approveAllAtOnce(t, ids, UNIT_ADMIN);

  expect(codes(results)).toEqual({ ok: 5, RECU_QUOTA_FULL: 7 });
  expect(await countApproved(t, { unionId: GANGWU, batchId: batch.id })).toBe(5);
  const b = (await t.db.collection(C.recuBatches).doc(batch.id).get()).data[0];
  expect(b.seatsLeft).toBe(45);
});

it('16 simultaneous approvals from two units against a batch of 6 seats approve exactly 6', async () => {
  await givenUnit(t, LIANHE, { quota: 10, ownership: 'other', staffCount: 60 });
  const batch = await givenBatch(t, { capacity: 6 });
  const gw = await givenApplications(t, await givenMembers(t, 8), batch.id);
  const lh = await givenApplications(t, await givenMembers(t, 8, { unionId: LIANHE }), batch.id);
  // Make room in 港务's year (the first test used its 5 places).
  await givenUnit(t, GANGWU, { quota: 20 });

  const results = await approveAllAtOnce(t, [...gw, ...lh]);

  expect(codes(results)).toEqual({ ok: 6, RECU_BATCH_FULL: 10 });
  expect(await countApproved(t, { batchId: batch.id })).toBe(6);
  const b = (await t.db.collection(C.recuBatches).doc(batch.id).get()).data[0];
  expect(b.seatsLeft).toBe(0);
  // Places refused for lack of seats were given back to each unit's year.
  const year = Number(batch.startDate.slice(0, 4));
  const counters = await t.db
    .collection(C.recuCounters)
    .where({ unionId: t.db.command.in([GANGWU, LIANHE]), year })
    .get();
  const approvedPerUnit = Object.fromEntries(
    (counters.data as Array<{ unionId: string; approved: number }>).map((c) => [c.unionId, c.approved]),
  );
  expect(approvedPerUnit[GANGWU] + approvedPerUnit[LIANHE]).toBe(5 + 6);
});

it('leaders approved all at once never exceed the leader share of the batch', async () => {
  await givenUnit(t, LIANHE, { quota: 40, ownership: 'other', staffCount: 120, leaderShareNum: 1, leaderShareDen: 5 });
  const batch = await givenBatch(t, { capacity: 40 });
  const workers = await givenApplications(t, await givenMembers(t, 10, { unionId: LIANHE }), batch.id);
  expect(codes(await approveAllAtOnce(t, workers))).toEqual({ ok: 10 });
  const leaders = await givenApplications(t, await givenMembers(t, 6, { unionId: LIANHE, tags: ['leader'] }), batch.id);

  const results = await approveAllAtOnce(t, leaders);

  // 10 workers allow 2 leaders (2 of 12 ≤ 1/5); a third would need 15 people in all.
  expect(codes(results)).toEqual({ ok: 2, RECU_LEADER_SHARE: 4 });
  const refused = results.find((r) => !r.ok);
  expect(refused && !refused.ok && refused.error.message).toContain('五分之一');
});

it('two admins approving the same application at once take one place', async () => {
  const batch = await givenBatch(t, { capacity: 5 });
  const [id] = await givenApplications(t, await givenMembers(t, 1), batch.id);
  const results = await Promise.all([
    t.call('recuperation', 'adminDecide', { applicationId: id, decision: 'approve' }, UNIT_ADMIN),
    t.call('recuperation', 'adminDecide', { applicationId: id, decision: 'approve' }, { persona: 'district_admin' }),
    t.call('recuperation', 'adminDecide', { applicationId: id, decision: 'approve' }, { persona: 'city_admin' }),
  ]);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(results.filter((r) => r.ok && !(r.data as { alreadyDecided: boolean }).alreadyDecided)).toHaveLength(1);
  const b = (await t.db.collection(C.recuBatches).doc(batch.id).get()).data[0];
  expect(b.seatsLeft).toBe(4);
});
