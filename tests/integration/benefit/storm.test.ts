/**
 * The Friday 10:00 storm through real concurrent HTTP requests: stock 1,000, 5,000 members each
 * trying twice at the same moment. Exactly 1,000 claims, nobody with two, stock 0, and every
 * acknowledged claim is in the database with the code the member was shown.
 */
import type { ClaimView } from '../../../shared/benefit/schemas';
import { formatCode } from '../../../shared/benefit/code';
import type { TestCloud } from '../../scenarios/cloud';
import {
  claimAs,
  dropFacts,
  givenBenefitCloud,
  givenDrop,
  givenMembers,
  newRequestId,
  shuffle,
  storm,
  type CallOutcome,
} from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

function invariants(outcomes: Array<{ openid: string; out: CallOutcome<ClaimView> }>, facts: Awaited<ReturnType<typeof dropFacts>>) {
  const perMember = new Map<string, number>();
  for (const c of facts.claims) perMember.set(c.openid, (perMember.get(c.openid) ?? 0) + 1);
  const stored = new Map(facts.claims.map((c) => [c.openid, formatCode(c.code)]));
  const acked = outcomes.filter((o) => o.out.result.ok);
  return {
    claims: facts.claims.length,
    membersWithTwo: [...perMember.values()].filter((n) => n > 1).length,
    left: facts.left,
    ackedMissing: acked.filter((o) => o.out.result.ok && stored.get(o.openid) !== o.out.result.data.code).length,
    acked: acked.length,
  };
}

test('stock 1,000 × 5,000 members × 2 attempts at once: exactly 1,000 claims, none twice, stock 0', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 1000 });
  const members = await givenMembers(t, 5000);
  await t.setClock(new Date(opensAt));
  const attempts = shuffle([...members, ...members]).map((openid) => async () => ({ openid, out: await claimAs(t, openid, dropId) }));
  const outcomes = await storm(attempts, 250);

  const facts = await dropFacts(t, dropId);
  const inv = invariants(outcomes, facts);
  expect(inv).toMatchObject({ claims: 1000, membersWithTwo: 0, left: 0, ackedMissing: 0 });
  // A member's second attempt answers with the same claim (already claimed), so acks ≥ 1,000.
  const codes = outcomes.filter((o) => !o.out.result.ok).map((o) => (o.out.result.ok ? '' : o.out.result.error.code));
  expect(new Set(codes)).toEqual(new Set(['DROP_SOLD_OUT', 'DROP_LIMIT_REACHED']));
  expect(outcomes.filter((o) => o.out.result.ok).length).toBe(1000);
  expect(codes.filter((c) => c === 'DROP_LIMIT_REACHED').length).toBe(1000);
  // Once the last unit is gone (and for a member's second tap) nothing is written.
  expect(outcomes.filter((o) => !o.out.result.ok && o.out.db.writes !== 0)).toEqual([]);
  expect(outcomes.filter((o) => o.out.result.ok).every((o) => o.out.db.writes === 2)).toBe(true);
});

test('the same request sent three times at once by 300 members (stock 200) claims once per member', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 200 });
  const members = await givenMembers(t, 300);
  await t.setClock(new Date(opensAt));
  const ids = new Map(members.map((m) => [m, newRequestId()]));
  const attempts = shuffle([...members, ...members, ...members]).map((openid) => async () => ({
    openid,
    out: await claimAs(t, openid, dropId, { requestId: ids.get(openid) }),
  }));
  const outcomes = await storm(attempts, 300);
  const facts = await dropFacts(t, dropId);
  expect(invariants(outcomes, facts)).toMatchObject({ claims: 200, membersWithTwo: 0, left: 0, ackedMissing: 0 });
  // Every member gets one answer, three times: all three copies agree.
  for (const m of members) {
    const mine = outcomes
      .filter((o) => o.openid === m)
      .map((o) => JSON.stringify(o.out.result.ok ? o.out.result.data.code : o.out.result.error.code));
    expect(new Set(mine).size).toBe(1);
  }
});

test('limit 2 with stock split over 5 shard documents (stock 9,000), 300 members × 4 attempts: claims ≤ limit, stock conserved', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 9000, perMemberLimit: 2 });
  const members = await givenMembers(t, 300);
  await t.setClock(new Date(opensAt));
  const attempts = shuffle([...members, ...members, ...members, ...members]).map((openid) => async () => ({
    openid,
    out: await claimAs(t, openid, dropId),
  }));
  const outcomes = await storm(attempts, 300);
  const facts = await dropFacts(t, dropId);
  const inv = invariants(outcomes, facts);
  const perMember = new Map<string, number>();
  for (const c of facts.claims) perMember.set(c.openid, (perMember.get(c.openid) ?? 0) + 1);
  expect(Math.max(...perMember.values())).toBe(2);
  expect(inv.claims).toBe(600);
  expect(facts.left).toBe(9000 - 600);
  expect(inv.acked).toBe(600);
});
