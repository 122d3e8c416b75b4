/**
 * 撤回 (benefit.adminCancel): an admin in scope withdraws a drop until CANCEL_LEAD_MS before it
 * opens. Afterwards claims and registrations are refused (claims from the cached copy: 0 writes,
 * ≤ 1 read), no stock is taken, the draw timer never draws it, every registrant of a draw is told
 * once (also those whose registration raced with the withdrawal), and the admin's views keep
 * working. Too late, out of scope, not an admin, or a bad reason: refused, nothing changed.
 */
import { CANCEL_LEAD_MS, dropState } from '../../../shared/benefit/rules';
import type {
  AdminListResult,
  DrawProof,
  ExportCsvResult,
  FiguresResult,
  ListResult,
  MyClaimsResult,
} from '../../../shared/benefit/schemas';
import { C } from '../../../cloudfunctions/_lib/collections';
import { SETTLE_MS } from '../../../cloudfunctions/benefit/triggers/cancelNotices';
import type { TestCloud } from '../../scenarios/cloud';
import {
  callBenefit,
  cancelAs,
  claimAs,
  DISTRICT_ADMIN,
  dropFacts,
  fireBenefitTimer,
  givenAdmin,
  givenBenefitCloud,
  givenDrop,
  givenMembers,
  MEMBER_UNION,
  newRequestId,
  passFor,
  registerAs,
  storm,
} from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

async function dropDoc(dropId: string): Promise<Record<string, unknown>> {
  return (await t.db.collection(C.drops).doc(dropId).get()).data[0] as Record<string, unknown>;
}
async function auditOf(dropId: string): Promise<Array<Record<string, unknown>>> {
  return (await t.db.collection(C.dropAudit).where({ dropId }).get()).data as Array<Record<string, unknown>>;
}
async function cancelNoticesOf(openid: string, dropId: string): Promise<Array<{ title: string; body: string }>> {
  const res = await t.db.collection(C.notifications).where({ openid }).get();
  return (res.data as Array<{ _id: string; title: string; body: string }>).filter((n) => n._id.includes(`${dropId}_cancel`));
}
async function registrationOf(dropId: string, openid: string): Promise<{ result: string | null; explain: string | null } | undefined> {
  return (await t.db.collection(C.dropRegistrations).doc(`${dropId}_${openid}`).get()).data[0] as
    { result: string | null; explain: string | null } | undefined;
}

test('first-come: withdrawn before opening, every claim after the opening is refused from the cached copy and no stock is taken', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 5, title: '周五话费 20 元' });
  const members = await givenMembers(t, 3);
  // The members opened the 福利 page (list primes the instance's copy) and tapped early.
  const passes = await Promise.all(members.map((m) => passFor(t, m, dropId)));
  expect((await claimAs(t, members[0], dropId, { pass: passes[0] })).result).toMatchObject({ ok: false, error: { code: 'DROP_NOT_OPEN' } });

  const requestId = newRequestId();
  const first = await cancelAs(t, dropId, '  商家临时停止供货，下周重新发布 ', { requestId });
  if (!first.result.ok) throw new Error(first.result.error.message);
  expect(first.result.data).toMatchObject({
    dropId,
    title: '周五话费 20 元',
    cancelled: { reason: '商家临时停止供货，下周重新发布', by: '周*燕' },
  });
  // A retry of the same request, and a second cancel with another reason, answer the same.
  expect((await cancelAs(t, dropId, '商家临时停止供货，下周重新发布', { requestId })).result).toEqual(first.result);
  expect((await cancelAs(t, dropId, '另一个原因')).result).toEqual(first.result);

  const doc = await dropDoc(dropId);
  expect(doc).toMatchObject({
    status: 'cancelled',
    cancelledBy: 'o_local_admin_beilun',
    cancelReason: '商家临时停止供货，下周重新发布',
    cancelRequestId: requestId,
  });
  expect(new Date(doc.cancelledAt as string).getTime()).toBe(first.result.data.cancelled.at);
  const audit = await auditOf(dropId);
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({
    action: 'cancel',
    by: 'o_local_admin_beilun',
    byName: '周*燕',
    reason: '商家临时停止供货，下周重新发布',
    requestId,
  });

  await t.setClock(new Date(opensAt + 1000));
  for (const [i, m] of members.entries()) {
    const attempt = await claimAs(t, m, dropId, { pass: passes[i] });
    expect(attempt.result).toMatchObject({
      ok: false,
      error: { code: 'DROP_CANCELLED', message: '该福利已被发布工会撤回（原因：商家临时停止供货，下周重新发布）' },
    });
    expect(attempt.db.writes).toBe(0);
    expect(attempt.db.reads).toBeLessThanOrEqual(1);
  }
  // Without a pass too (no member read needed to refuse).
  expect((await claimAs(t, members[1], dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_CANCELLED' } });
  const facts = await dropFacts(t, dropId);
  expect(facts).toEqual({ claims: [], left: 5 });

  // Members no longer see it; the admin sees 已撤回 with who and why, and can no longer withdraw it.
  const list = await callBenefit<ListResult>(t, 'list', {}, { openid: members[0] });
  expect(list.result.ok && list.result.data.drops.map((d) => d.id)).not.toContain(dropId);
  const admin = await callBenefit<AdminListResult>(t, 'adminList', {}, DISTRICT_ADMIN);
  const row = admin.result.ok ? admin.result.data.drops.find((d) => d.id === dropId) : undefined;
  expect(row).toMatchObject({ cancelled: { reason: '商家临时停止供货，下周重新发布', by: '周*燕' }, cancellableUntil: null });
  const fig = await callBenefit<FiguresResult>(t, 'figures', { dropId }, DISTRICT_ADMIN);
  expect(fig.result.ok && fig.result.data).toMatchObject({ claims: 0, stock: 5, cancelled: { reason: '商家临时停止供货，下周重新发布' } });
  const csv = await callBenefit<ExportCsvResult>(t, 'exportCsv', { dropId }, DISTRICT_ADMIN);
  expect(csv.result.ok && csv.result.data.rows).toBe(0);
});

test('draw: registrants are told once (retries and repeated timer runs add nothing), the draw timer never draws it', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 2, mode: 'draw', kind: 'park', title: '方特乐园门票' });
  const registrants = await givenMembers(t, 4);
  const [bystander, late] = await givenMembers(t, 2);
  for (const m of registrants) expect((await registerAs(t, m, dropId)).result.ok).toBe(true);

  const admin = await callBenefit<AdminListResult>(t, 'adminList', {}, DISTRICT_ADMIN);
  const row = admin.result.ok ? admin.result.data.drops.find((d) => d.id === dropId) : undefined;
  expect(row?.cancellableUntil).toBe(opensAt - CANCEL_LEAD_MS);

  const requestId = newRequestId();
  const reason = '场馆临时检修，改期另行通知';
  const cancel = await cancelAs(t, dropId, reason, { requestId });
  if (!cancel.result.ok) throw new Error(cancel.result.error.message);
  expect((await registerAs(t, late, dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_CANCELLED' } });
  expect((await registerAs(t, registrants[0], dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_CANCELLED' } });

  await fireBenefitTimer(t, 'draw');
  expect((await cancelAs(t, dropId, reason, { requestId })).result).toEqual(cancel.result); // the admin retries
  await fireBenefitTimer(t, 'draw');
  const sentence = `“方特乐园门票”已撤回：${reason}`;
  for (const m of registrants) {
    expect(await cancelNoticesOf(m, dropId)).toEqual([expect.objectContaining({ title: '福利已撤回', body: `您报名的${sentence}` })]);
    expect(await registrationOf(dropId, m)).toMatchObject({ result: 'cancelled', explain: sentence });
  }
  expect(await cancelNoticesOf(late, dropId)).toEqual([]);
  expect(await cancelNoticesOf(bystander, dropId)).toEqual([]);

  // Finished once the settle time has passed; then the opening comes and goes without a draw.
  await t.setClock(new Date(cancel.result.data.cancelled.at + SETTLE_MS + 1000));
  await fireBenefitTimer(t, 'draw');
  expect((await dropDoc(dropId)).cancelNoticesDoneAt).toBeTruthy();
  await t.setClock(new Date(opensAt + 1000));
  await fireBenefitTimer(t, 'draw');
  await fireBenefitTimer(t, 'draw');
  expect(await dropDoc(dropId)).toMatchObject({ status: 'cancelled', drawnAt: null, winners: null });
  expect((await t.db.collection(C.dropClaims).where({ dropId }).get()).data).toHaveLength(0);
  const proof = await callBenefit<DrawProof>(t, 'drawProof', { dropId }, { openid: registrants[0] });
  expect(proof.result.ok && proof.result.data).toMatchObject({ seed: null, winners: [], drawnAt: null });
  for (const m of registrants) expect(await cancelNoticesOf(m, dropId)).toHaveLength(1);

  // Registrants see 已撤回 with the reason (福利 tab and 我的福利); others no longer see the drop.
  const mine = await callBenefit<ListResult>(t, 'list', {}, { openid: registrants[1] });
  const card = mine.result.ok ? mine.result.data.drops.find((d) => d.id === dropId) : undefined;
  expect(card?.cancelled?.reason).toBe(reason);
  expect(dropState(card!, opensAt + 2000)).toMatchObject({ state: 'cancelled', label: '已撤回', action: null });
  const other = await callBenefit<ListResult>(t, 'list', {}, { openid: bystander });
  expect(other.result.ok && other.result.data.drops.map((d) => d.id)).not.toContain(dropId);
  const myClaims = await callBenefit<MyClaimsResult>(t, 'myClaims', {}, { openid: registrants[1] });
  expect(myClaims.result.ok && myClaims.result.data.registrations.find((r) => r.dropId === dropId)).toMatchObject({
    result: 'cancelled',
    explain: sentence,
  });
  const fig = await callBenefit<FiguresResult>(t, 'figures', { dropId }, DISTRICT_ADMIN);
  expect(fig.result.ok && fig.result.data).toMatchObject({ registrations: 4, claims: 0, cancelled: { reason } });
});

test('too late (within the lead time, or after the draw): refused, nothing changed, the drop runs as published', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 3, title: '0元看大片' });
  const [member] = await givenMembers(t, 1);
  const before = await dropDoc(dropId);

  await t.setClock(new Date(opensAt - CANCEL_LEAD_MS + 1000));
  const late = await cancelAs(t, dropId, '发布错了时间');
  expect(late.result).toMatchObject({
    ok: false,
    error: { code: 'DROP_CANCEL_TOO_LATE', message: '福利已开始或即将开始（开始前 5 分钟内不能撤回）' },
  });
  expect(await dropDoc(dropId)).toEqual(before);
  expect(await auditOf(dropId)).toEqual([]);
  const admin = await callBenefit<AdminListResult>(t, 'adminList', {}, DISTRICT_ADMIN);
  expect(admin.result.ok && admin.result.data.drops.find((d) => d.id === dropId)).toMatchObject({
    cancelled: null,
    cancellableUntil: null,
  });

  await t.setClock(new Date(opensAt + 1000));
  expect((await claimAs(t, member, dropId)).result.ok).toBe(true);
  expect((await cancelAs(t, dropId, '发布错了时间')).result).toMatchObject({ ok: false, error: { code: 'DROP_CANCEL_TOO_LATE' } });

  // A draw that has been drawn cannot be withdrawn either.
  const draw = await givenDrop(t, { stock: 1, mode: 'draw', title: '健身房半价卡' });
  const [registrant] = await givenMembers(t, 1);
  expect((await registerAs(t, registrant, draw.dropId)).result.ok).toBe(true);
  await t.setClock(new Date(draw.opensAt + 1000));
  await fireBenefitTimer(t, 'draw');
  expect((await cancelAs(t, draw.dropId, '发布错了时间')).result).toMatchObject({ ok: false, error: { code: 'DROP_CANCEL_TOO_LATE' } });
  expect(await dropDoc(draw.dropId)).toMatchObject({ status: 'drawn', winners: 1 });
  expect(await auditOf(draw.dropId)).toEqual([]);
});

test('only an admin whose subtree holds the drop may withdraw it, with a 2–100 character reason', async () => {
  const { dropId } = await givenDrop(t, { stock: 3, title: '周五流量包 5GB' });
  const before = await dropDoc(dropId);
  const below = await givenAdmin(t, 'o_test_admin_gangwu', [MEMBER_UNION]); // a union under the drop's union
  const elsewhere = await givenAdmin(t, 'o_test_admin_haishu_cancel', ['nb-hs']);
  const [member] = await givenMembers(t, 1);

  expect((await cancelAs(t, dropId, '发布错了', { as: below })).result).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  expect((await cancelAs(t, dropId, '发布错了', { as: elsewhere })).result).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  expect((await cancelAs(t, dropId, '发布错了', { as: { openid: member } })).result).toMatchObject({
    ok: false,
    error: { code: 'NOT_UNION_ADMIN' },
  });
  expect((await cancelAs(t, dropId, '发布错了', { as: { persona: 'member' } })).result).toMatchObject({
    ok: false,
    error: { code: 'NOT_UNION_ADMIN' },
  });
  for (const reason of ['', '错', '    ', ' 错 ', '很'.repeat(101)]) {
    expect((await cancelAs(t, dropId, reason)).result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  }
  expect((await callBenefit(t, 'adminCancel', { dropId }, DISTRICT_ADMIN)).result).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '请填写撤回原因' },
  });
  expect(await dropDoc(dropId)).toEqual(before);
  expect(await auditOf(dropId)).toEqual([]);

  // The city admin (above the drop's union) may.
  const city = await cancelAs(t, dropId, '发布错了', { as: { persona: 'city_admin' } });
  expect(city.result).toMatchObject({ ok: true, data: { cancelled: { reason: '发布错了' } } });
});

test('a withdrawal racing with 50 registrations: every registration is either refused or told', async () => {
  const { dropId } = await givenDrop(t, { stock: 10, mode: 'draw', title: '周末亲子游' });
  const members = await givenMembers(t, 60);
  let done = 0;
  let cancelCall = undefined as ReturnType<typeof cancelAs> | undefined;
  const outcomes = await storm(
    members.slice(0, 50).map((m) => async () => {
      const r = await registerAs(t, m, dropId);
      if (++done === 15) cancelCall = cancelAs(t, dropId, '名额调整，改为下周发放'); // mid-storm
      return { m, r };
    }),
    10,
  );
  if (!cancelCall) throw new Error('the withdrawal was never sent');
  const cancel = await cancelCall;
  if (!cancel.result.ok) throw new Error(cancel.result.error.message);
  // After the answer every new registration is refused.
  for (const m of members.slice(50))
    expect((await registerAs(t, m, dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_CANCELLED' } });

  await fireBenefitTimer(t, 'draw');
  await t.setClock(new Date(cancel.result.data.cancelled.at + SETTLE_MS + 1000));
  await fireBenefitTimer(t, 'draw');
  await fireBenefitTimer(t, 'draw');

  let accepted = 0;
  for (const { m, r } of outcomes) {
    const reg = await registrationOf(dropId, m);
    const notices = await cancelNoticesOf(m, dropId);
    if (r.result.ok) {
      accepted++;
      expect(reg).toMatchObject({ result: 'cancelled' });
      expect(notices).toHaveLength(1);
    } else {
      expect(r.result).toMatchObject({ ok: false, error: { code: 'DROP_CANCELLED' } });
      expect(reg).toBeUndefined();
      expect(notices).toHaveLength(0);
    }
  }
  expect(accepted).toBeGreaterThanOrEqual(15);
  expect(accepted).toBeLessThan(50);
  const pending = await t.db.collection(C.dropRegistrations).where({ dropId, result: null }).count();
  expect(pending.total).toBe(0);
  expect((await dropDoc(dropId)).cancelNoticesDoneAt).toBeTruthy();
});
