/**
 * 会员卡管理: a union admin finds a member of their subtree by card number and suspends
 * (停用, reason required) or reinstates (恢复) the card. Suspension reaches everything that
 * trusts the membership: card verification, new QR tokens, member-only actions in other
 * functions (a benefit drop claim, day-care). Scope, races and retries are checked against the
 * stored documents, not only the answers.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import type { ClaimView, ListResult } from '../../../shared/benefit/schemas';
import type {
  AdminFindMemberResult,
  AdminImportResult,
  AdminSetStatusResult,
  CardTokenResult,
  ClaimResult,
  Profile,
  VerifyCardResult,
} from '../../../shared/member/schemas';
import { callBenefit, givenDrop } from '../../scenarios/benefit';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import {
  as,
  callMember,
  givenAdminOf,
  givenVerifiedMember,
  importCsv,
  newIdNumber,
  newOpenid,
  memberRecords,
} from '../../scenarios/member';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
  await t.close();
});

const DISTRICT = { persona: 'district_admin' }; // 北仑区总工会 (nb-bl), 周*燕
const CITY = { persona: 'city_admin' }; // 宁波市总工会 (nb), above 北仑
const REASON = '已调离本单位，会籍转出';

let serial = 0;
function rid(): string {
  serial++;
  return `status_${process.pid}_${serial}_${Math.random().toString(36).slice(2, 8)}`;
}

function setStatus(data: Record<string, unknown>, who: Parameters<TestCloud['call']>[3], requestId = rid()) {
  return callMember<AdminSetStatusResult>(t, 'adminSetStatus', data, who ?? 'anonymous', requestId);
}

const { memberDoc, userDoc, auditOf, noticesOf } = memberRecords(() => t);
async function tokenFor(openid: string): Promise<CardTokenResult> {
  const res = await t.call<CardTokenResult>('member', 'cardToken', {}, as(openid));
  if (!res.ok) throw new Error(`cardToken failed: ${res.error.code}`);
  return res.data;
}

describe('adminFindMember', () => {
  it('finds a member of the subtree by card number (typed with spaces, lower case), masked', async () => {
    const m = await givenVerifiedMember(t);
    const typed = m.cardNo.toLowerCase().replace(/(.{4})/g, '$1 ');
    const res = await t.call<AdminFindMemberResult>('member', 'adminFindMember', { cardNo: typed }, DISTRICT);
    expect(res).toEqual({
      ok: true,
      data: {
        member: {
          id: m.memberId,
          cardNo: m.cardNo,
          nameMasked: '张*明',
          union: { id: 'nb-bl-xq-gw', name: '宁波北仑港务有限公司工会', level: 'grassroots' },
          status: 'active',
          claimed: true,
          lastChange: null,
        },
      },
    });
    // Full-width characters from a Chinese keyboard are accepted too.
    const fullWidth = m.cardNo.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await t.call('member', 'adminFindMember', { cardNo: fullWidth }, DISTRICT)).toMatchObject({
      ok: true,
      data: { member: { cardNo: m.cardNo } },
    });
    // The city admin is above 北仑: in scope too.
    expect(await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, CITY)).toMatchObject({
      ok: true,
      data: { member: { id: m.memberId } },
    });
  });

  it('an imported record nobody has claimed shows as not claimed', async () => {
    const idNumber = newIdNumber();
    const imported = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '孙立', idNumber, unionCode: 'nb-bl-xq-gw' }]) },
      DISTRICT,
    );
    expect(imported).toMatchObject({ ok: true, data: { imported: 1 } });
    const card = (await t.db.collection(C.members).where({ nameMasked: '孙*' }).limit(1).get()).data[0] as { cardNo: string };
    const res = await t.call<AdminFindMemberResult>('member', 'adminFindMember', { cardNo: card.cardNo }, DISTRICT);
    expect(res).toMatchObject({ ok: true, data: { member: { cardNo: card.cardNo, nameMasked: '孙*', claimed: false, status: 'active' } } });
  });

  it('a card of another union answers exactly like an unknown card; bad format and non-admins are refused', async () => {
    const m = await givenVerifiedMember(t);
    const haishu = await givenAdminOf(t, 'nb-hs');
    const outOfScope = await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, as(haishu.openid));
    const unknown = await t.call('member', 'adminFindMember', { cardNo: 'NB5199999999' }, as(haishu.openid));
    expect(outOfScope).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该会员卡，或该会员不在您管理的工会范围内' } });
    expect(unknown).toEqual(outOfScope);
    // A grassroots admin elsewhere in 北仑 does not see the port's members either.
    const sibling = await givenAdminOf(t, 'nb-bl-xq-lh');
    expect(await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, as(sibling.openid))).toEqual(outOfScope);

    expect(await t.call('member', 'adminFindMember', { cardNo: 'NB51-12' }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, as(m.openid))).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
    expect(await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, 'anonymous')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('adminSetStatus', () => {
  it('suspending reaches verification, tokens, the profile and member-only actions; reinstating restores them', async () => {
    const m = await givenVerifiedMember(t);
    const before = await userDoc(m.openid);
    const oldToken = await tokenFor(m.openid);
    const { dropId, opensAt } = await givenDrop(t, { stock: 5, title: '停用测试 流量包' });

    const res = await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: `  ${REASON} ` }, DISTRICT);
    expect(res).toMatchObject({
      ok: true,
      data: {
        changed: true,
        member: { id: m.memberId, status: 'revoked', lastChange: { status: 'revoked', byName: '周*燕', reason: REASON } },
      },
    });

    // Card verification and new tokens.
    expect(await t.call<VerifyCardResult>('member', 'verifyCard', { token: oldToken.token }, DISTRICT)).toMatchObject({
      ok: true,
      data: { result: 'revoked', member: null },
    });
    expect(await t.call('member', 'cardToken', {}, as(m.openid))).toEqual({
      ok: false,
      error: { code: 'CARD_REVOKED', message: `该会员卡已停用（原因：${REASON}），如有疑问请联系所属工会` },
    });

    // The member's own view: suspended, the card shown as 已停用 with the reason.
    const profile = await t.call<Profile>('member', 'profile', {}, as(m.openid));
    expect(profile).toMatchObject({
      ok: true,
      data: { memberStatus: 'suspended', card: { cardNo: m.cardNo, status: 'revoked', revokedReason: REASON } },
    });

    // Stored: the member's who/when/why, the user's status (everything else kept), one audit entry.
    const stored = await memberDoc(m.memberId);
    expect(stored).toMatchObject({ status: 'revoked', statusChangedReason: REASON, statusVersion: 1, statusChangedByName: '周*燕' });
    expect(stored.statusChangedAt).toBeTruthy();
    expect(typeof stored.statusChangedBy).toBe('string');
    const user = await userDoc(m.openid);
    expect(user).toMatchObject({
      memberStatus: 'suspended',
      memberId: m.memberId,
      cardNo: m.cardNo,
      unionId: before.unionId,
      unionAncestors: before.unionAncestors,
      follows: before.follows,
      tags: before.tags,
    });
    const audit = await auditOf(m.memberId);
    expect(audit).toEqual([
      expect.objectContaining({
        _id: `${m.memberId}_1`,
        cardNo: m.cardNo,
        from: 'active',
        to: 'revoked',
        reason: REASON,
        by: stored.statusChangedBy,
        unionId: 'nb-bl-xq-gw',
      }),
    ]);
    const notices = await noticesOf(m.openid);
    expect(notices).toEqual([expect.objectContaining({ title: '会员卡已停用', link: '/packages/member/card/index' })]);
    expect(notices[0].body).toContain(REASON);

    // Member-only actions elsewhere read users.memberStatus and refuse.
    await t.setClock(new Date(opensAt + 1000));
    const list = await t.call<ListResult>('benefit', 'list', {}, as(m.openid));
    const card = list.ok ? list.data.drops.find((d) => d.id === dropId) : undefined;
    expect(card).toMatchObject({ pass: null, ineligible: expect.any(String) });
    const refused = await callBenefit<ClaimView>(t, 'claim', { dropId }, as(m.openid));
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_VERIFIED' } });
    expect(await t.call('daycare', 'consent', { agree: true }, as(m.openid))).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_NOT_VERIFIED' },
    });
    expect((await t.db.collection(C.dropClaims).where({ dropId, openid: m.openid }).count()).total).toBe(0);

    // Reinstate by member id (the page's way), no reason needed.
    const back = await setStatus({ memberId: m.memberId, status: 'active' }, DISTRICT);
    expect(back).toMatchObject({
      ok: true,
      data: { changed: true, member: { status: 'active', lastChange: { status: 'active', byName: '周*燕', reason: null } } },
    });
    expect(await userDoc(m.openid)).toMatchObject({
      memberStatus: 'verified',
      memberId: m.memberId,
      cardNo: m.cardNo,
      follows: before.follows,
    });
    expect(await t.call<Profile>('member', 'profile', {}, as(m.openid))).toMatchObject({
      ok: true,
      data: { memberStatus: 'verified', card: { status: 'active', revokedReason: null } },
    });
    const fresh = await tokenFor(m.openid);
    expect(await t.call<VerifyCardResult>('member', 'verifyCard', { token: fresh.token }, DISTRICT)).toMatchObject({
      ok: true,
      data: { result: 'valid' },
    });
    const claimed = await callBenefit<ClaimView>(t, 'claim', { dropId }, as(m.openid));
    expect(claimed.result).toMatchObject({ ok: true, data: { dropId } });
    expect(await t.call('daycare', 'consent', { agree: true }, as(m.openid))).toMatchObject({ ok: true });
    expect((await auditOf(m.memberId)).map((a) => [a.from, a.to])).toEqual([
      ['active', 'revoked'],
      ['revoked', 'active'],
    ]);
    expect((await noticesOf(m.openid)).map((n) => n.title)).toEqual(['会员卡已停用', '会员卡已恢复']);
    await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
  });

  it('a reason of 2–200 characters is required to suspend; without one nothing changes', async () => {
    const m = await givenVerifiedMember(t);
    for (const data of [
      { cardNo: m.cardNo, status: 'revoked' },
      { cardNo: m.cardNo, status: 'revoked', reason: '  ' },
      { cardNo: m.cardNo, status: 'revoked', reason: ' 走 ' },
    ]) {
      expect(await setStatus(data, DISTRICT)).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '停用会员卡须填写原因（2–200 个字），会员将看到这条原因' },
      });
    }
    expect(await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: '离'.repeat(201) }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await setStatus({ status: 'revoked', reason: REASON }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请指定要操作的会员卡' },
    });
    expect(await setStatus({ cardNo: m.cardNo, status: 'lost', reason: REASON }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await memberDoc(m.memberId)).toMatchObject({ status: 'active' });
    expect(await userDoc(m.openid)).toMatchObject({ memberStatus: 'verified' });
    expect(await auditOf(m.memberId)).toEqual([]);
  });

  it('an admin of another union gets NOT_FOUND and a non-admin NOT_UNION_ADMIN; nothing changes', async () => {
    const m = await givenVerifiedMember(t);
    const haishu = await givenAdminOf(t, 'nb-hs');
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '未找到该会员卡，或该会员不在您管理的工会范围内' } };
    expect(await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: REASON }, as(haishu.openid))).toEqual(notFound);
    expect(await setStatus({ memberId: m.memberId, status: 'revoked', reason: REASON }, as(haishu.openid))).toEqual(notFound);
    // A member cannot suspend anyone (not even themselves), nor can another member.
    expect(await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: REASON }, as(m.openid))).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
    expect(await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: REASON }, { persona: 'member' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
    expect(await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: REASON }, 'anonymous')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });

    const stored = await memberDoc(m.memberId);
    expect(stored.status).toBe('active');
    expect(stored.statusChangedAt).toBeUndefined();
    expect(await userDoc(m.openid)).toMatchObject({ memberStatus: 'verified' });
    expect(await auditOf(m.memberId)).toEqual([]);
    expect(await noticesOf(m.openid)).toEqual([]);
    expect((await tokenFor(m.openid)).cardNo).toBe(m.cardNo);
  });

  it('several admins suspending at once: applied once, one audit entry, one notice', async () => {
    const m = await givenVerifiedMember(t);
    const extra = await Promise.all([givenAdminOf(t, 'nb-bl'), givenAdminOf(t, 'nb-bl-xq'), givenAdminOf(t, 'nb-bl-xq-gw')]);
    const callers = [DISTRICT, CITY, ...extra.map((a) => as(a.openid))];
    const results = await Promise.all(
      callers.map((c, i) => setStatus({ cardNo: m.cardNo, status: 'revoked', reason: `${REASON}（${i}）` }, c)),
    );
    expect(results.every((r) => r.ok && r.data.member.status === 'revoked')).toBe(true);
    const winners = results.filter((r) => r.ok && r.data.changed);
    expect(winners).toHaveLength(1);
    // Every answer shows the one change that was applied.
    const applied = winners[0].ok ? winners[0].data.member.lastChange : null;
    for (const r of results) expect(r.ok && r.data.member.lastChange).toEqual(applied);

    const audit = await auditOf(m.memberId);
    expect(audit).toHaveLength(1);
    expect(audit[0].reason).toBe(applied?.reason);
    expect(await memberDoc(m.memberId)).toMatchObject({ status: 'revoked', statusVersion: 1, statusChangedReason: applied?.reason });
    expect(await userDoc(m.openid)).toMatchObject({ memberStatus: 'suspended' });
    expect(await noticesOf(m.openid)).toHaveLength(1);
  });

  it('a retry with the same requestId answers the same change and applies nothing twice', async () => {
    const m = await givenVerifiedMember(t);
    const requestId = rid();
    const first = await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: REASON }, DISTRICT, requestId);
    expect(first).toMatchObject({ ok: true, data: { changed: true } });
    // The answer was lost: the page retries with the same id (twice at once, a double tap).
    const retries = await Promise.all(
      [0, 1].map(() => setStatus({ cardNo: m.cardNo, status: 'revoked', reason: REASON }, DISTRICT, requestId)),
    );
    for (const r of retries) expect(r).toEqual(first);
    expect(await auditOf(m.memberId)).toHaveLength(1);
    expect(await noticesOf(m.openid)).toHaveLength(1);
    expect(await memberDoc(m.memberId)).toMatchObject({ statusVersion: 1 });

    // A new request for the same status is told it was already done, and changes nothing.
    expect(await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: '再次停用' }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: false, member: { lastChange: { reason: REASON } } },
    });

    // Reinstating twice with one requestId: one change.
    const again = rid();
    const r1 = await setStatus({ memberId: m.memberId, status: 'active' }, CITY, again);
    const r2 = await setStatus({ memberId: m.memberId, status: 'active' }, CITY, again);
    expect(r1).toMatchObject({ ok: true, data: { changed: true, member: { status: 'active' } } });
    expect(r2).toEqual(r1);
    expect(await auditOf(m.memberId)).toHaveLength(2);
    expect(await userDoc(m.openid)).toMatchObject({ memberStatus: 'verified' });
    expect((await noticesOf(m.openid)).map((n) => n.title)).toEqual(['会员卡已停用', '会员卡已恢复']);
  });

  it('a suspended member cannot lift it by applying or claiming again', async () => {
    const m = await givenVerifiedMember(t);
    await setStatus({ cardNo: m.cardNo, status: 'revoked', reason: REASON }, DISTRICT);
    expect(await t.call('member', 'apply', m.request, as(m.openid))).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } });
    const reclaim = await t.call<ClaimResult>(
      'member',
      'claim',
      { realName: m.realName, idNumber: m.idNumber, consent: true },
      as(m.openid),
    );
    expect(reclaim).toMatchObject({ ok: true, data: { card: { status: 'revoked', revokedReason: REASON } } });
    expect(await userDoc(m.openid)).toMatchObject({ memberStatus: 'suspended' });
    expect(await t.call('member', 'cardToken', {}, as(m.openid))).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } });
  });

  it('an imported card suspended before anyone claimed it links as suspended, and reinstating verifies the user', async () => {
    const idNumber = newIdNumber();
    await t.call('member', 'adminImport', { csv: importCsv([{ realName: '钱多多', idNumber, unionCode: 'nb-bl-xq-gw' }]) }, DISTRICT);
    const record = (await t.db.collection(C.members).where({ nameMasked: '钱*多' }).limit(1).get()).data[0] as {
      _id: string;
      cardNo: string;
    };
    expect(await setStatus({ cardNo: record.cardNo, status: 'revoked', reason: REASON }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: true, member: { claimed: false } },
    });

    const worker = newOpenid('o_worker');
    const claimed = await t.call<ClaimResult>('member', 'claim', { realName: '钱多多', idNumber, consent: true }, as(worker));
    expect(claimed).toMatchObject({ ok: true, data: { card: { cardNo: record.cardNo, status: 'revoked' } } });
    expect(await userDoc(worker)).toMatchObject({ memberStatus: 'suspended', memberId: record._id });
    expect(await t.call('member', 'cardToken', {}, as(worker))).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } });

    expect(await setStatus({ cardNo: record.cardNo, status: 'active' }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: true, member: { claimed: true } },
    });
    expect(await userDoc(worker)).toMatchObject({ memberStatus: 'verified' });
    expect((await tokenFor(worker)).cardNo).toBe(record.cardNo);
    expect((await noticesOf(worker)).map((n) => n.title)).toEqual(['会员卡已恢复']);
  });
});
