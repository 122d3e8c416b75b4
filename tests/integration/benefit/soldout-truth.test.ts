/**
 * A sold-out sentence must be true. After the reconcile timer returns a unit taken without a
 * claim (a crash between the two writes), an instance that had learnt "sold out" offers the unit
 * again to the next attempts instead of answering 已抢完 until its 10-second reload of the drop.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { SOLD_OUT_RECHECK_MS } from '../../../cloudfunctions/benefit/lib/stock';
import type { TestCloud } from '../../scenarios/cloud';
import { claimAs, dropFacts, fireBenefitTimer, givenBenefitCloud, givenDrop, givenMembers } from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

test('units returned by the reconcile timer are taken by the next attempts, not refused as 已抢完', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 3 });
  const [a, b, c, d] = await givenMembers(t, 4);
  await t.setClock(new Date(opensAt + 1000));
  expect((await claimAs(t, a, dropId)).result.ok).toBe(true);
  expect((await claimAs(t, b, dropId)).result.ok).toBe(true);
  // A crash between "take a unit" and "insert the claim": the last unit is taken, no claim.
  const _ = t.db.command;
  await t.db
    .collection(C.dropStock)
    .where({ _id: `${dropId}_s0`, left: 1 })
    .update({ left: _.inc(-1), taken: _.inc(1), lastTakenAt: new Date(opensAt + 2000) });
  // The instance learns it is sold out (its take matches nothing).
  const refused = await claimAs(t, c, dropId);
  expect(refused.result).toMatchObject({ ok: false, error: { code: 'DROP_SOLD_OUT' } });

  // Past the quiet period the timer returns the unit.
  await t.setClock(new Date(opensAt + 3 * 60_000));
  const fired = (await fireBenefitTimer(t, 'reconcile')) as { data: { returned: number } };
  expect(fired.data.returned).toBe(1);
  expect((await dropFacts(t, dropId)).left).toBe(1);
  // Within the drop's 10-second reload, older than the sold-out re-check: the unit is offered.
  await new Promise((r) => setTimeout(r, SOLD_OUT_RECHECK_MS + 100));
  const next = await claimAs(t, d, dropId);
  expect(next.result.ok).toBe(true);
  expect(next.db.writes).toBe(2);
  const facts = await dropFacts(t, dropId);
  expect(facts).toMatchObject({ left: 0 });
  expect(facts.claims).toHaveLength(3);
});
