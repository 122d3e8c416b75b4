/**
 * 疗休养申请 resent with the same request id (its answer was lost): the first answer again and no
 * second write, also when the resend races the original. Another request id keeps today's
 * refusal (RECU_DUPLICATE: one application per member per year).
 */
import { createHash } from 'node:crypto';
import { C } from '../../../cloudfunctions/_lib/collections';
import type { ApplyResult } from '../../../shared/recuperation/schemas';
import { DISTRICT_ADMIN, givenBatch, givenLocalCloud, givenMembers, givenUnit, GANGWU, type TestCloud } from '../../scenarios/recuperation';
import { newRequestId, send, sendTwiceAtOnce } from '../../scenarios/repeats';

let t: TestCloud;
let batchId: string;
beforeAll(async () => {
  t = await givenLocalCloud();
  await givenUnit(t, GANGWU, { quota: 10 });
  batchId = (await givenBatch(t, { capacity: 30 })).id;
});
afterAll(async () => {
  await t?.close();
});

const applicationsOf = async (openid: string) =>
  (await t.db.collection(C.recuApplications).where({ openid }).get()).data as Array<Record<string, unknown>>;

it('the same request id twice: both ok with the same application, the resend writes nothing', async () => {
  const [member] = await givenMembers(t, 1);
  const requestId = newRequestId();
  const first = await send<ApplyResult>(t, 'recuperation', 'apply', { batchId }, { openid: member }, requestId);
  expect(first.result).toMatchObject({ ok: true, data: { application: { status: 'pending' } } });
  const stored = await applicationsOf(member);
  const again = await send<ApplyResult>(t, 'recuperation', 'apply', { batchId }, { openid: member }, requestId);
  expect(again.result).toEqual(first.result);
  expect(again.writes).toBe(0);
  expect(await applicationsOf(member)).toEqual(stored);
});

it('another request id is refused as a second application of the year; another member with the same id files their own', async () => {
  const [member, other] = await givenMembers(t, 2);
  const requestId = newRequestId();
  expect((await send(t, 'recuperation', 'apply', { batchId }, { openid: member }, requestId)).result).toMatchObject({ ok: true });
  expect((await send(t, 'recuperation', 'apply', { batchId }, { openid: member }, newRequestId())).result).toMatchObject({
    ok: false,
    error: { code: 'RECU_DUPLICATE' },
  });
  expect((await send(t, 'recuperation', 'apply', { batchId }, { openid: other }, requestId)).result).toMatchObject({ ok: true });
  expect(await applicationsOf(member)).toHaveLength(1);
  expect(await applicationsOf(other)).toHaveLength(1);
});

it('the same request sent twice at once: one application, both ok with it', async () => {
  const [member] = await givenMembers(t, 1);
  const [x, y] = await sendTwiceAtOnce<ApplyResult>(t, 'recuperation', 'apply', { batchId }, { openid: member }, newRequestId());
  expect(x.result).toMatchObject({ ok: true, data: { application: { status: 'pending' } } });
  expect(y.result).toEqual(x.result);
  expect(await applicationsOf(member)).toHaveLength(1);
});

it('a nomination resent by the same admin is answered again; the member sending that request id is refused as usual', async () => {
  const [member] = await givenMembers(t, 1);
  const user = (await t.db.collection(C.users).doc(member).get()).data[0] as { unionId: string; unionAncestors: string[] };
  const memberId = createHash('sha256').update(`repeat:${member}`).digest('hex');
  await t.db.collection(C.members).add({
    _id: memberId,
    cardNo: `NB5199${String(Date.now()).slice(-6)}`,
    status: 'active',
    nameMasked: '职*工',
    nameHash: 'x',
    idMasked: '3302**********0011',
    phoneMasked: null,
    phoneHash: null,
    employer: '港务公司',
    unionId: user.unionId,
    unionAncestors: user.unionAncestors,
    tags: ['frontline'],
    source: 'import',
    openid: member,
    joinedAt: new Date(),
    createdBy: 'seed',
  });
  await t.db.collection(C.users).doc(member).update({ memberId });
  const requestId = newRequestId();
  const first = await send(t, 'recuperation', 'adminNominate', { batchId, memberId }, DISTRICT_ADMIN, requestId);
  expect(first.result).toMatchObject({ ok: true, data: { applicant: { source: 'nominated', status: 'pending' } } });
  const stored = await applicationsOf(member);
  const again = await send(t, 'recuperation', 'adminNominate', { batchId, memberId }, DISTRICT_ADMIN, requestId);
  expect(again.result).toEqual(first.result);
  // The application is not written again, and the member is told once (the notice's dedupe key refuses the second).
  expect(await applicationsOf(member)).toEqual(stored);
  expect((await t.db.collection(C.notifications).where({ openid: member, category: 'recuperation' }).count()).total).toBe(1);
  expect((await send(t, 'recuperation', 'adminNominate', { batchId, memberId }, DISTRICT_ADMIN, newRequestId())).result).toMatchObject({
    ok: false,
    error: { code: 'RECU_DUPLICATE' },
  });
  expect((await send(t, 'recuperation', 'apply', { batchId }, { openid: member }, requestId)).result).toMatchObject({
    ok: false,
    error: { code: 'RECU_DUPLICATE' },
  });
  expect(await applicationsOf(member)).toHaveLength(1);
});
