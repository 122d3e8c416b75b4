/**
 * First-come claim rules through the real SDK and local cloud: opening time, scope, verification,
 * required tags, per-member limit, same-request retries, pass forgery, request budget.
 */
import type { TestCloud } from '../../scenarios/cloud';
import {
  callBenefit,
  claimAs,
  givenBenefitCloud,
  givenDrop,
  givenMembers,
  newRequestId,
  OTHER_UNION,
  passFor,
} from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

/** The member's pass as the 福利 page gets it half an hour before the opening (a pass lives at most 2 h). */
async function passBeforeOpening(member: string, drop: { dropId: string; opensAt: number }): Promise<string> {
  await t.setClock(new Date(drop.opensAt - 30 * 60_000));
  return passFor(t, member, drop.dropId);
}

async function openDrop(o: Parameters<typeof givenDrop>[1]) {
  const drop = await givenDrop(t, o);
  await t.setClock(new Date(drop.opensAt + 1000));
  return drop;
}

afterEach(async () => {
  await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
});

test('an attempt before the opening is refused with the opening time and writes nothing', async () => {
  const { dropId } = await givenDrop(t, { stock: 5 });
  const [m] = await givenMembers(t, 1);
  const r = await claimAs(t, m, dropId);
  expect(r.result).toMatchObject({ ok: false, error: { code: 'DROP_NOT_OPEN' } });
  expect(r.db.writes).toBe(0);
});

test('a member outside the drop union, an unverified member and a member without the required tag are refused', async () => {
  const { dropId } = await openDrop({ stock: 5 });
  const [outsider] = await givenMembers(t, 1, { unionId: OTHER_UNION });
  const [pending] = await givenMembers(t, 1, { status: 'pending' });
  expect((await claimAs(t, outsider, dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_NOT_ELIGIBLE' } });
  expect((await claimAs(t, pending, dropId)).result).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_VERIFIED' } });

  const tagged = await openDrop({ stock: 5, requiredTags: ['frontline'] });
  const [plain] = await givenMembers(t, 1);
  const [frontline] = await givenMembers(t, 1, { tags: ['frontline'] });
  const refused = await claimAs(t, plain, tagged.dropId);
  expect(refused.result).toMatchObject({ ok: false, error: { code: 'DROP_NOT_ELIGIBLE', message: '本次福利仅限一线职工参与' } });
  expect((await claimAs(t, frontline, tagged.dropId)).result.ok).toBe(true);
});

test('a forged or borrowed pass does not skip the eligibility check', async () => {
  const drop = await givenDrop(t, { stock: 5 });
  const { dropId } = drop;
  const [member] = await givenMembers(t, 1);
  const [outsider] = await givenMembers(t, 1, { unionId: OTHER_UNION });
  const pass = await passBeforeOpening(member, drop);
  await t.setClock(new Date(drop.opensAt + 1000));
  const r = await claimAs(t, outsider, dropId, { pass });
  expect(r.result).toMatchObject({ ok: false, error: { code: 'DROP_NOT_ELIGIBLE' } });
});

test('a successful claim costs 2 database requests with the pass and returns a code', async () => {
  const drop = await givenDrop(t, { stock: 5 });
  const { dropId } = drop;
  const [m] = await givenMembers(t, 1);
  const pass = await passBeforeOpening(m, drop);
  await t.setClock(new Date(drop.opensAt + 1000));
  await claimAs(t, (await givenMembers(t, 1))[0], dropId); // loads the drop into instance memory
  const r = await claimAs(t, m, dropId, { pass });
  expect(r.result).toMatchObject({ ok: true, data: { status: 'issued', dropId } });
  if (r.result.ok) expect(r.result.data.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(r.db).toEqual({ total: 2, reads: 0, writes: 2 });
});

test('retrying with the same request id returns the same claim; a new request is told 已领取', async () => {
  const { dropId } = await openDrop({ stock: 5 });
  const [m] = await givenMembers(t, 1);
  const requestId = newRequestId();
  const first = await claimAs(t, m, dropId, { requestId });
  const again = await claimAs(t, m, dropId, { requestId });
  expect(first.result.ok).toBe(true);
  expect(again.result).toEqual(first.result);
  const other = await claimAs(t, m, dropId);
  expect(other.result).toMatchObject({ ok: false, error: { code: 'DROP_LIMIT_REACHED' } });
  const mine = await callBenefit<{ claims: unknown[] }>(t, 'myClaims', {}, { openid: m });
  expect(mine.result.ok && mine.result.data.claims).toHaveLength(1);
});

test('per-member limit 3: three claims, the fourth is refused, retries return the same claim', async () => {
  const { dropId } = await openDrop({ stock: 10, perMemberLimit: 3 });
  const [m] = await givenMembers(t, 1);
  const ids = [newRequestId(), newRequestId(), newRequestId()];
  const codes = new Set<string>();
  for (const requestId of ids) {
    const r = await claimAs(t, m, dropId, { requestId });
    expect(r.result.ok).toBe(true);
    if (r.result.ok) codes.add(r.result.data.code);
  }
  expect(codes.size).toBe(3);
  expect((await claimAs(t, m, dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_LIMIT_REACHED' } });
  const retry = await claimAs(t, m, dropId, { requestId: ids[1] });
  expect(retry.result.ok && codes.has(retry.result.data.code)).toBe(true);
});

test('sold out: 已抢完 with the time, no write and at most one read; a winner retrying still gets the claim', async () => {
  const { dropId } = await openDrop({ stock: 2 });
  const members = await givenMembers(t, 4);
  const requestId = newRequestId();
  // The pass first: the sold-out attempts below follow each other closely, within the half
  // second an instance trusts its "sold out" before re-reading the stock (SOLD_OUT_RECHECK_MS).
  const laterPass = await passFor(t, members[3], dropId);
  expect((await claimAs(t, members[0], dropId, { requestId })).result.ok).toBe(true);
  expect((await claimAs(t, members[1], dropId)).result.ok).toBe(true);
  const late = await claimAs(t, members[2], dropId);
  expect(late.result).toMatchObject({ ok: false, error: { code: 'DROP_SOLD_OUT' } });
  if (!late.result.ok) expect(late.result.error.message).toMatch(/^本次共 2 份，已于 \d\d:\d\d:\d\d 领完$/);
  const later = await claimAs(t, members[3], dropId, { pass: laterPass });
  expect(later.db.writes).toBe(0);
  expect(later.db.reads).toBeLessThanOrEqual(1);
  const retry = await claimAs(t, members[0], dropId, { requestId });
  expect(retry.result.ok).toBe(true);
});

test('a pass stands in for the membership check for at most 2 hours: a card suspended since then is refused', async () => {
  const drop = await givenDrop(t, { stock: 5 });
  const [early, fresh] = await givenMembers(t, 2);
  const old = await passFor(t, early, drop.dropId); // opened the 福利 page 3 hours before the opening
  // The union suspends the card (member.adminSetStatus sets this; tests/integration/member/status.test.ts).
  await t.db.collection('users').doc(early).update({ memberStatus: 'suspended' });
  const recent = await passBeforeOpening(fresh, drop);
  await t.setClock(new Date(drop.opensAt + 1000));
  const refused = await claimAs(t, early, drop.dropId, { pass: old });
  expect(refused.result).toEqual({
    ok: false,
    error: { code: 'MEMBER_NOT_VERIFIED', message: '您的会员卡已被所属工会停用，暂不能参与福利；如有疑问请联系所属工会' },
  });
  expect(refused.db.writes).toBe(0);
  // A pass from within the 2 hours still saves the read.
  const ok = await claimAs(t, fresh, drop.dropId, { pass: recent });
  expect(ok.result.ok).toBe(true);
  expect(ok.db.reads).toBe(0);
});
