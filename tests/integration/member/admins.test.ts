/**
 * 管理员管理: a union admin lists, appoints and removes the admins of unions in their subtree.
 * Checked through what the rights are for — the appointee's own admin actions succeed inside the
 * union and fail outside it, and stop once removed — and against the stored documents (users,
 * admin_audit, the union counter, notices, the card's history), including races, retries, the
 * admin limit, the root's last admin and 注销账号 afterwards.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { DELETED_STAFF_NAME, isTombstone } from '../../../shared/member/deletion';
import type {
  AdminAppointResult,
  AdminFindMemberResult,
  AdminImportResult,
  AdminListAdminsResult,
  AdminListApplicationsResult,
  AdminMemberHistoryResult,
  AdminRemoveResult,
  AdminSetStatusResult,
} from '../../../shared/member/schemas';
import { formatBusiness } from '../../../shared/time';
import { adminKeyOf } from '../../../cloudfunctions/member/lib/unionAdmins';
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import {
  as,
  callMember,
  givenAdminOf,
  givenApplicant,
  givenVerifiedMember,
  importCsv,
  memberRecords,
  newIdNumber,
  newOpenid,
} from '../../scenarios/member';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

const DISTRICT: As = { persona: 'district_admin' }; // 北仑区总工会 (nb-bl), 周*燕
const CITY: As = { persona: 'city_admin' }; // 宁波市总工会 (nb), 郑*强
const DISTRICT_OPENID = 'o_local_admin_beilun';
const CITY_OPENID = 'o_local_admin_city';
const PORT = 'nb-bl-xq-gw'; // 宁波北仑港务有限公司工会 (新碶街道, 北仑); givenVerifiedMember joins here
const PORT_NAME = '宁波北仑港务有限公司工会';
const JOINT = 'nb-bl-xq-lh'; // 新碶小微企业联合工会 (also 新碶, 北仑)
const NOT_FOUND_CARD = { ok: false, error: { code: 'NOT_FOUND', message: '未找到该会员卡，或该会员不在您管理的工会范围内' } };
const REASON = '已卸任工会主席，工作调动';

let serial = 0;
function rid(): string {
  serial++;
  return `admins_${process.pid}_${serial}_${Math.random().toString(36).slice(2, 8)}`;
}

function appoint(data: Record<string, unknown>, who: As, requestId = rid()) {
  return callMember<AdminAppointResult>(t, 'adminAppoint', data, who, requestId);
}
function remove(data: Record<string, unknown>, who: As, requestId = rid()) {
  return callMember<AdminRemoveResult>(t, 'adminRemove', data, who, requestId);
}
function list(unionId: string, who: As) {
  return t.call<AdminListAdminsResult>('member', 'adminListAdmins', { unionId }, who);
}
async function admins(unionId: string, who: As = CITY) {
  const res = await list(unionId, who);
  if (!res.ok) throw new Error(`adminListAdmins: ${res.error.code} ${res.error.message}`);
  return res.data.admins;
}

const { userDoc, noticesOf } = memberRecords(() => t);
async function auditOf(unionId: string) {
  return (await t.db.collection(C.adminAudit).where({ unionId }).orderBy('at', 'asc').get()).data as Array<Record<string, unknown>>;
}
async function adminUnionIdsOf(openid: string): Promise<string[]> {
  return ((await userDoc(openid)).adminUnionIds as string[]) ?? [];
}
async function openidsAdministering(unionId: string): Promise<string[]> {
  const res = await t.db.collection(C.users).where({ adminUnionIds: unionId }).limit(1000).get();
  return (res.data as Array<{ _id: string }>).map((u) => u._id).sort();
}
/** The card number of a seeded persona. */
async function cardOf(openid: string): Promise<string> {
  return (await userDoc(openid)).cardNo as string;
}

describe('appointing', () => {
  it('the district appoints a member as admin of a grassroots union of the district: the appointee acts there and nowhere else', async () => {
    const chair = await givenVerifiedMember(t); // member of PORT
    const inPort = await givenVerifiedMember(t);
    const inJoint = await givenVerifiedMember(t, { unionId: JOINT });
    const waiting = await givenApplicant(t, { unionId: PORT });
    const me = as(chair.openid);

    // Before: not an admin at all.
    expect(await t.call('member', 'adminListApplications', { unionId: PORT }, me)).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });

    const res = await appoint({ cardNo: chair.cardNo.toLowerCase(), unionId: PORT }, DISTRICT);
    expect(res).toEqual({
      ok: true,
      data: {
        changed: true,
        union: { id: PORT, name: PORT_NAME, level: 'grassroots' },
        member: expect.objectContaining({ id: chair.memberId, cardNo: chair.cardNo, nameMasked: '张*明', status: 'active', claimed: true }),
      },
    });
    const user = await userDoc(chair.openid);
    expect(user.adminUnionIds).toEqual([PORT]);
    expect(user.actedAsAdminAt).toBeTruthy(); // named in admin_audit: 注销账号 must rewrite it
    expect(user).toMatchObject({ memberStatus: 'verified', unionId: PORT, cardNo: chair.cardNo }); // nothing else touched
    expect(await auditOf(PORT)).toEqual([
      expect.objectContaining({
        _id: `${PORT}_1`,
        kind: 'appoint',
        unionId: PORT,
        unionAncestors: ['nb', 'nb-bl', 'nb-bl-xq', PORT],
        openid: chair.openid,
        memberId: chair.memberId,
        cardNo: chair.cardNo,
        nameMasked: '张*明',
        reason: null,
        by: DISTRICT_OPENID,
        byName: '周*燕',
      }),
    ]);
    const notices = await noticesOf(chair.openid);
    expect(notices.map((n) => [n.title, n.link])).toEqual([['您已被设为工会管理员', '/packages/admin/dashboard/index']]);
    expect(notices[0].body).toContain(`您已被设为${PORT_NAME}的管理员（设置人：周*燕）`);

    // Inside the union: applications and members of PORT.
    const apps = await t.call<AdminListApplicationsResult>('member', 'adminListApplications', { unionId: PORT }, me);
    expect(apps.ok && apps.data.items.map((a) => a.id)).toContain(waiting.applicationId);
    expect(await t.call<AdminFindMemberResult>('member', 'adminFindMember', { cardNo: inPort.cardNo }, me)).toMatchObject({
      ok: true,
      data: { member: { id: inPort.memberId } },
    });
    // Outside it: a sibling union of the same street, the street, the district.
    expect(await t.call('member', 'adminFindMember', { cardNo: inJoint.cardNo }, me)).toEqual(NOT_FOUND_CARD);
    expect(await t.call('member', 'adminListApplications', { unionId: JOINT }, me)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_SCOPE' },
    });
    expect(await t.call('member', 'adminListApplications', { unionId: 'nb-bl' }, me)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_SCOPE' },
    });
    // …nor can the new admin appoint upward or sideways.
    expect(await appoint({ cardNo: inPort.cardNo, unionId: 'nb-bl-xq' }, me)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(await appoint({ cardNo: inPort.cardNo, unionId: JOINT }, me)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(await adminUnionIdsOf(inPort.openid)).toEqual([]);

    // The list: the unit admin set by hand at seed time (no card, no record) first, then the chair.
    const seen = await list(PORT, DISTRICT);
    if (!seen.ok) throw new Error(seen.error.message);
    expect(seen.data).toMatchObject({ union: { id: PORT }, isRoot: false, limit: 10 });
    const HANDLE = expect.stringMatching(/^[0-9a-f]{24}$/);
    expect(seen.data.admins).toEqual([
      {
        key: seen.data.admins[0].adminKey,
        nameMasked: '陈*华',
        cardNo: null,
        adminKey: HANDLE,
        since: null,
        sinceText: null,
        appointedBy: null,
        self: false,
      },
      {
        key: chair.cardNo,
        nameMasked: '张*明',
        cardNo: chair.cardNo,
        adminKey: HANDLE,
        since: expect.any(String),
        sinceText: expect.any(String),
        appointedBy: '周*燕',
        self: false,
      },
    ]);
    expect(seen.data.admins[1].sinceText).toBe(formatBusiness(seen.data.admins[1].since as string));
    // No openid at all, for any admin (the card-less 陈*华 included): no field is one, nothing contains one.
    const adminOpenids = await openidsAdministering(PORT);
    expect(adminOpenids).toHaveLength(2);
    for (const a of seen.data.admins) for (const value of Object.values(a)) expect(adminOpenids).not.toContain(value);
    const text = JSON.stringify(seen);
    for (const secret of [...adminOpenids, DISTRICT_OPENID, chair.idNumber, chair.realName, chair.phone])
      expect(text).not.toContain(secret);
    // Distinct handles, stable across calls.
    expect(new Set(seen.data.admins.map((a) => a.adminKey)).size).toBe(2);
    expect((await admins(PORT, DISTRICT)).map((a) => a.adminKey)).toEqual(seen.data.admins.map((a) => a.adminKey));
    // The chair sees the same list, marked as themselves.
    expect((await admins(PORT, me)).find((a) => a.cardNo === chair.cardNo)).toMatchObject({ self: true });
  });

  it('unions outside the caller subtree, unknown unions and cards of other districts are refused; nothing changes', async () => {
    const m = await givenVerifiedMember(t);
    const haishu = await givenAdminOf(t, 'nb-hs');
    const cases: Array<[Promise<unknown>, unknown]> = [
      [
        appoint({ cardNo: m.cardNo, unionId: 'nb-hs-nm-ly' }, DISTRICT),
        { ok: false, error: { code: 'OUT_OF_SCOPE', message: '该工会不在您管理的范围内：只能管理本级及下级工会的管理员' } },
      ],
      [appoint({ cardNo: m.cardNo, unionId: 'nb' }, DISTRICT), { ok: false, error: { code: 'OUT_OF_SCOPE' } }], // upward
      [
        appoint({ cardNo: m.cardNo, unionId: 'nb-bl-nowhere' }, DISTRICT),
        { ok: false, error: { code: 'NOT_FOUND', message: '工会组织不存在，请重新选择' } },
      ],
      // A 北仑 card for a 海曙 union, by the 海曙 admin: the card is not theirs to see.
      [appoint({ cardNo: m.cardNo, unionId: 'nb-hs-nm-ly' }, as(haishu.openid)), NOT_FOUND_CARD],
      [list('nb-hs', DISTRICT), { ok: false, error: { code: 'OUT_OF_SCOPE' } }],
      [list('nb', DISTRICT), { ok: false, error: { code: 'OUT_OF_SCOPE' } }],
      [list('nb-nowhere', DISTRICT), { ok: false, error: { code: 'NOT_FOUND' } }],
      [
        remove({ cardNo: await cardOf(DISTRICT_OPENID), unionId: 'nb-bl', reason: REASON }, as(haishu.openid)),
        { ok: false, error: { code: 'OUT_OF_SCOPE' } },
      ],
      [
        remove({ adminKey: adminKeyOf('nb-hs', haishu.openid), unionId: 'nb-hs', reason: REASON }, DISTRICT),
        { ok: false, error: { code: 'OUT_OF_SCOPE' } },
      ],
    ];
    for (const [call, expected] of cases) expect(await call).toMatchObject(expected as object);
    expect(await adminUnionIdsOf(m.openid)).toEqual([]);
    expect(await adminUnionIdsOf(haishu.openid)).toEqual(['nb-hs']);
    expect(await adminUnionIdsOf(DISTRICT_OPENID)).toEqual(['nb-bl']);
    expect(await auditOf('nb-hs-nm-ly')).toEqual([]);
    expect(await auditOf('nb-bl')).toEqual([]);
    expect(await noticesOf(m.openid)).toEqual([]);
  });

  it('an unclaimed card and a suspended card are refused, with the reason; reinstated, the card can be appointed', async () => {
    const idNumber = newIdNumber();
    const imported = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '韩立新', idNumber, unionCode: JOINT }]) },
      DISTRICT,
    );
    expect(imported).toMatchObject({ ok: true, data: { imported: 1 } });
    const record = (await t.db.collection(C.members).where({ nameMasked: '韩*新' }).limit(1).get()).data[0] as {
      _id: string;
      cardNo: string;
    };
    const unclaimed = await appoint({ cardNo: record.cardNo, unionId: JOINT }, DISTRICT);
    expect(unclaimed).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_CLAIMED' } });
    if (!unclaimed.ok) expect(unclaimed.error.message).toMatch(/^该会员尚未在小程序中绑定会员卡，暂不能设为管理员：请其先在小程序/);

    const m = await givenVerifiedMember(t, { unionId: JOINT });
    expect(
      await callMember<AdminSetStatusResult>(
        t,
        'adminSetStatus',
        { cardNo: m.cardNo, status: 'revoked', reason: '长期未缴会费' },
        DISTRICT,
        rid(),
      ),
    ).toMatchObject({ ok: true });
    expect(await appoint({ cardNo: m.cardNo, unionId: JOINT }, DISTRICT)).toEqual({
      ok: false,
      error: { code: 'MEMBER_SUSPENDED', message: '该会员卡已停用，不能设为管理员；如需设置，请先恢复会员卡' },
    });
    expect(await adminUnionIdsOf(m.openid)).toEqual([]);
    expect(await auditOf(JOINT)).toEqual([]);

    expect(
      await callMember<AdminSetStatusResult>(t, 'adminSetStatus', { cardNo: m.cardNo, status: 'active' }, DISTRICT, rid()),
    ).toMatchObject({ ok: true });
    expect(await appoint({ cardNo: m.cardNo, unionId: JOINT }, DISTRICT)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await adminUnionIdsOf(m.openid)).toEqual([JOINT]);
  });

  it('at most 10 admins per union, also when the last places are taken at the same instant', async () => {
    const union = 'nb-bl-dq-jl'; // 北仑汽车零部件厂工会
    // Four set by hand (count too), five appointed.
    await Promise.all([0, 1, 2, 3].map(() => givenAdminOf(t, union)));
    const members = [];
    for (let i = 0; i < 8; i++) members.push(await givenVerifiedMember(t, { unionId: union }));
    for (const m of members.slice(0, 5))
      expect(await appoint({ cardNo: m.cardNo, unionId: union }, DISTRICT)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await openidsAdministering(union)).toHaveLength(9);

    // Two different members for the last place at once: one gets it.
    const [a, b] = await Promise.all([
      appoint({ cardNo: members[5].cardNo, unionId: union }, DISTRICT),
      appoint({ cardNo: members[6].cardNo, unionId: union }, CITY),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const refused = [a, b].find((r) => !r.ok);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'ADMIN_LIMIT_REACHED',
        message: '「北仑汽车零部件厂工会」已有 10 位管理员（每个工会最多 10 位），请先移除不再任职的管理员',
      },
    });
    expect(await openidsAdministering(union)).toHaveLength(10);
    expect(await admins(union, DISTRICT)).toHaveLength(10);
    expect(await auditOf(union)).toHaveLength(6);

    // Full: refused, nothing changes.
    expect(await appoint({ cardNo: members[7].cardNo, unionId: union }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'ADMIN_LIMIT_REACHED' },
    });
    expect(await adminUnionIdsOf(members[7].openid)).toEqual([]);
    // An admin already there is told so, not refused.
    expect(await appoint({ cardNo: members[0].cardNo, unionId: union }, DISTRICT)).toMatchObject({ ok: true, data: { changed: false } });
    // A place freed: the next one is appointed.
    expect(await remove({ cardNo: members[0].cardNo, unionId: union, reason: REASON }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await appoint({ cardNo: members[7].cardNo, unionId: union }, DISTRICT)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await openidsAdministering(union)).toHaveLength(10);
  });

  it('racing appointments of one member apply once: different requestIds (several admins) and the same requestId (retries)', async () => {
    const union = 'nb-bl-xg-hx'; // 小港化工园区联合工会
    const extra = await Promise.all([givenAdminOf(t, 'nb-bl'), givenAdminOf(t, 'nb-bl-xg')]);
    const one = await givenVerifiedMember(t, { unionId: union });
    const callers: As[] = [DISTRICT, CITY, ...extra.map((a) => as(a.openid))];
    const results = await Promise.all(callers.map((c) => appoint({ cardNo: one.cardNo, unionId: union }, c)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.changed)).toHaveLength(1);
    expect(await adminUnionIdsOf(one.openid)).toEqual([union]);
    expect(await auditOf(union)).toHaveLength(1);
    expect(await noticesOf(one.openid)).toHaveLength(1);

    const two = await givenVerifiedMember(t, { unionId: union });
    const requestId = rid();
    const retries = await Promise.all([0, 1, 2].map(() => appoint({ cardNo: two.cardNo, unionId: union }, DISTRICT, requestId)));
    for (const r of retries) expect(r).toMatchObject({ ok: true, data: { changed: true, member: { cardNo: two.cardNo } } });
    const late = await appoint({ cardNo: two.cardNo, unionId: union }, DISTRICT, requestId);
    expect(late).toEqual(retries[0]);
    expect(await adminUnionIdsOf(two.openid)).toEqual([union]);
    const audit = await auditOf(union);
    expect(audit.map((a) => [a._id, a.openid])).toEqual([
      [`${union}_1`, one.openid],
      [`${union}_2`, two.openid],
    ]);
    expect(await noticesOf(two.openid)).toHaveLength(1);
    expect((await t.db.collection(C.counters).doc(`unionAdmins_${union}`).get()).data[0]).toMatchObject({
      value: 2,
      requestId,
      by: DISTRICT_OPENID,
    });
    // A new request for what is already so: told, nothing written.
    expect(await appoint({ cardNo: two.cardNo, unionId: union }, DISTRICT)).toMatchObject({ ok: true, data: { changed: false } });
    expect(await auditOf(union)).toHaveLength(2);
  });
});

describe('removing', () => {
  it('the ex-admin next admin action is refused with NOT_UNION_ADMIN; audit, notice and the card history say who, when and why', async () => {
    const chair = await givenVerifiedMember(t, { unionId: 'nb-bl-dq-kd' });
    const me = as(chair.openid);
    expect(await appoint({ cardNo: chair.cardNo, unionId: 'nb-bl-dq-kd' }, CITY)).toMatchObject({ ok: true, data: { changed: true } });
    await new Promise((r) => setTimeout(r, 5)); // distinct instants in the history
    expect(await t.call('member', 'adminListApplications', {}, me)).toMatchObject({ ok: true });

    const res = await remove({ cardNo: chair.cardNo, unionId: 'nb-bl-dq-kd', reason: `  ${REASON} ` }, DISTRICT);
    expect(res).toEqual({
      ok: true,
      data: { changed: true, union: { id: 'nb-bl-dq-kd', name: '宁波凯达模具有限公司工会', level: 'grassroots' } },
    });
    expect(await adminUnionIdsOf(chair.openid)).toEqual([]);
    for (const action of ['adminListApplications', 'adminListAdmins', 'adminFindMember'] as const) {
      const data = action === 'adminFindMember' ? { cardNo: chair.cardNo } : action === 'adminListAdmins' ? { unionId: 'nb-bl-dq-kd' } : {};
      expect(await t.call('member', action, data, me)).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
    }
    expect((await auditOf('nb-bl-dq-kd')).map((a) => [a.kind, a.openid, a.reason, a.byName])).toEqual([
      ['appoint', chair.openid, null, '郑*强'],
      ['remove', chair.openid, REASON, '周*燕'],
    ]);
    const notices = await noticesOf(chair.openid);
    expect(notices.map((n) => n.title)).toEqual(['您已被设为工会管理员', '管理员身份已取消']);
    expect(notices[1].body).toBe(`您已不再是宁波凯达模具有限公司工会的管理员（操作人：周*燕），原因：${REASON}。如有疑问请联系上级工会。`);

    // Again: already so, nothing written.
    expect(await remove({ cardNo: chair.cardNo, unionId: 'nb-bl-dq-kd', reason: REASON }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    expect(await auditOf('nb-bl-dq-kd')).toHaveLength(2);
    expect(await noticesOf(chair.openid)).toHaveLength(2);

    const history = await t.call<AdminMemberHistoryResult>('member', 'adminMemberHistory', { cardNo: chair.cardNo }, DISTRICT);
    if (!history.ok) throw new Error(history.error.message);
    expect(history.data.entries.map((e) => [e.kind, e.title, e.byName, e.details])).toEqual([
      ['admin', '取消工会管理员', '周*燕', ['工会：宁波凯达模具有限公司工会', `原因：${REASON}`]],
      ['admin', '设为工会管理员', '郑*强', ['工会：宁波凯达模具有限公司工会']],
      ['created', '网上入会审核通过，发放会员卡', '周*燕', [`卡号：${chair.cardNo}`]],
    ]);
    expect(JSON.stringify(history)).not.toContain(chair.openid);
  });

  it('an admin without a card is removed by the adminKey the list gives; self-removal is allowed below the root', async () => {
    const handSet = await givenAdminOf(t, 'nb-bl-xg');
    const listed = (await admins('nb-bl-xg', DISTRICT)).find((a) => a.adminKey === adminKeyOf('nb-bl-xg', handSet.openid));
    expect(listed).toMatchObject({ cardNo: null, nameMasked: '管*员', since: null });
    expect(JSON.stringify(listed)).not.toContain(handSet.openid);
    expect(await remove({ adminKey: listed!.adminKey, unionId: 'nb-bl-xg', reason: REASON }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await adminUnionIdsOf(handSet.openid)).toEqual([]);
    expect((await userDoc(handSet.openid)).actedAsAdminAt).toBeTruthy();
    expect((await auditOf('nb-bl-xg')).at(-1)).toMatchObject({
      kind: 'remove',
      openid: handSet.openid,
      memberId: null,
      cardNo: null,
      nameMasked: '管*员',
    });

    // A co-admin of the district appointed by the city leaves on their own.
    const coAdmin = await givenVerifiedMember(t);
    expect(await appoint({ cardNo: coAdmin.cardNo, unionId: 'nb-bl' }, CITY)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await remove({ cardNo: coAdmin.cardNo, unionId: 'nb-bl', reason: '岗位调整' }, as(coAdmin.openid))).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await t.call('member', 'adminListApplications', {}, as(coAdmin.openid))).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
    expect((await noticesOf(coAdmin.openid)).map((n) => n.title)).toEqual(['您已被设为工会管理员']); // no notice to oneself
    const history = await t.call<AdminMemberHistoryResult>('member', 'adminMemberHistory', { cardNo: coAdmin.cardNo }, CITY);
    expect(history.ok && history.data.entries[0]).toMatchObject({
      kind: 'admin',
      title: '本人退出工会管理员',
      details: ['工会：北仑区总工会', '原因：岗位调整'],
    });
  });

  it('a forged key, a key of another union or an openid instead of a key is refused; nothing changes', async () => {
    const onlyJoint = await givenAdminOf(t, JOINT);
    const both = await givenAdminOf(t, JOINT);
    await t.db
      .collection(C.users)
      .doc(both.openid)
      .update({ adminUnionIds: [JOINT, PORT] });
    const keyOf = async (unionId: string, openid: string) =>
      (await admins(unionId, DISTRICT)).find((a) => a.adminKey === adminKeyOf(unionId, openid))!.adminKey;
    const jointKeys = [await keyOf(JOINT, onlyJoint.openid), await keyOf(JOINT, both.openid)];
    const portKey = await keyOf(PORT, both.openid);
    expect(portKey).not.toBe(jointKeys[1]); // per union: one person's keys cannot be linked or swapped
    const auditBefore = [await auditOf(JOINT), await auditOf(PORT)];
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '未找到该管理员，请刷新管理员列表后重试' } };
    const forged = jointKeys[0].slice(0, 23) + (jointKeys[0].endsWith('0') ? '1' : '0');
    const cases: Array<[Record<string, unknown>, unknown]> = [
      [{ adminKey: forged, unionId: JOINT, reason: REASON }, notFound],
      [{ adminKey: 'f'.repeat(24), unionId: JOINT, reason: REASON }, notFound],
      // Union A's key with union B (both in the caller's scope): not the admin of A, not even the one who is admin of both.
      [{ adminKey: jointKeys[0], unionId: PORT, reason: REASON }, notFound],
      [{ adminKey: jointKeys[1], unionId: PORT, reason: REASON }, notFound],
      [{ adminKey: portKey, unionId: JOINT, reason: REASON }, notFound],
      [
        { adminKey: onlyJoint.openid, unionId: JOINT, reason: REASON },
        { ok: false, error: { code: 'INVALID_ARGUMENT', message: '管理员格式不正确' } },
      ],
      [
        { openid: onlyJoint.openid, unionId: JOINT, reason: REASON },
        { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求包含不支持的字段 openid' } },
      ],
    ];
    for (const [data, expected] of cases) expect({ data, res: await remove(data, DISTRICT) }).toEqual({ data, res: expected });
    expect(await adminUnionIdsOf(onlyJoint.openid)).toEqual([JOINT]);
    expect(await adminUnionIdsOf(both.openid)).toEqual([JOINT, PORT]);
    expect([await auditOf(JOINT), await auditOf(PORT)]).toEqual(auditBefore);
    expect(await noticesOf(onlyJoint.openid)).toEqual([]);
    expect(await noticesOf(both.openid)).toEqual([]);

    // The right key with the right union removes exactly that right; a retry (same requestId) answers the same.
    const requestId = rid();
    expect(await remove({ adminKey: portKey, unionId: PORT, reason: REASON }, DISTRICT, requestId)).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await remove({ adminKey: portKey, unionId: PORT, reason: REASON }, DISTRICT, requestId)).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await adminUnionIdsOf(both.openid)).toEqual([JOINT]);
    expect((await auditOf(PORT)).filter((a) => a.openid === both.openid).map((a) => a.kind)).toEqual(['remove']);
    expect((await noticesOf(both.openid)).map((n) => n.title)).toEqual(['管理员身份已取消']);
    // Gone from the union: a new request with the old key finds no such admin.
    expect(await remove({ adminKey: portKey, unionId: PORT, reason: REASON }, DISTRICT)).toEqual(notFound);
  });

  it('a retry of a removal answers the same; racing removals of one admin apply once', async () => {
    const m = await givenVerifiedMember(t, { unionId: JOINT });
    expect(await appoint({ cardNo: m.cardNo, unionId: JOINT }, DISTRICT)).toMatchObject({ ok: true });
    const requestId = rid();
    const same = await Promise.all([0, 1].map(() => remove({ cardNo: m.cardNo, unionId: JOINT, reason: REASON }, DISTRICT, requestId)));
    const others = await Promise.all([remove({ cardNo: m.cardNo, unionId: JOINT, reason: REASON }, CITY)]);
    for (const r of same) expect(r).toMatchObject({ ok: true, data: { changed: true } });
    expect(others[0]).toMatchObject({ ok: true, data: { changed: false } });
    expect((await auditOf(JOINT)).filter((a) => a.openid === m.openid).map((a) => a.kind)).toEqual(['appoint', 'remove']);
    expect((await noticesOf(m.openid)).map((n) => n.title)).toEqual(['您已被设为工会管理员', '管理员身份已取消']);
  });

  it('the root union keeps at least one admin: its last admin cannot be removed, also when two remove each other at once', async () => {
    // Leave the city admin alone at the root (other tests may have added hand-set root admins).
    for (const a of await admins('nb', CITY)) {
      if (a.self) continue;
      expect(
        await remove({ ...(a.cardNo ? { cardNo: a.cardNo } : { adminKey: a.adminKey }), unionId: 'nb', reason: REASON }, CITY),
      ).toMatchObject({ ok: true });
    }
    const cityCard = await cardOf(CITY_OPENID);
    const lastOne = await remove({ cardNo: cityCard, unionId: 'nb', reason: REASON }, CITY);
    expect(lastOne).toEqual({
      ok: false,
      error: { code: 'LAST_ROOT_ADMIN', message: '不能移除「宁波市总工会」的最后一位管理员：请先设置另一位管理员，再移除' },
    });
    expect(await adminUnionIdsOf(CITY_OPENID)).toEqual(['nb']);
    expect(await list('nb', CITY)).toMatchObject({ ok: true, data: { isRoot: true, admins: [{ cardNo: cityCard, self: true }] } });

    // A second root admin; then each removes the other at the same moment: one of them stays.
    const second = await givenVerifiedMember(t);
    expect(await appoint({ cardNo: second.cardNo, unionId: 'nb' }, CITY)).toMatchObject({ ok: true, data: { changed: true } });
    const [x, y] = await Promise.all([
      remove({ cardNo: second.cardNo, unionId: 'nb', reason: REASON }, CITY),
      remove({ cardNo: cityCard, unionId: 'nb', reason: REASON }, as(second.openid)),
    ]);
    expect([x, y].filter((r) => r.ok && r.data.changed)).toHaveLength(1);
    expect([x, y].filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['LAST_ROOT_ADMIN']);
    const remaining = await openidsAdministering('nb');
    expect(remaining).toHaveLength(1);
    // Whoever remains cannot leave; with the city admin back, the other may go.
    const stayer = remaining[0] === CITY_OPENID ? CITY : as(second.openid);
    const stayerCard = remaining[0] === CITY_OPENID ? cityCard : second.cardNo;
    expect(await remove({ cardNo: stayerCard, unionId: 'nb', reason: REASON }, stayer)).toMatchObject({
      ok: false,
      error: { code: 'LAST_ROOT_ADMIN' },
    });
    if (remaining[0] !== CITY_OPENID) {
      expect(await appoint({ cardNo: cityCard, unionId: 'nb' }, stayer)).toMatchObject({ ok: true, data: { changed: true } });
      expect(await remove({ cardNo: second.cardNo, unionId: 'nb', reason: REASON }, CITY)).toMatchObject({
        ok: true,
        data: { changed: true },
      });
    }
    expect(await openidsAdministering('nb')).toEqual([CITY_OPENID]);
  });
});

describe('refusals', () => {
  it('a non-admin gets NOT_UNION_ADMIN for all three, anonymous UNAUTHENTICATED; nothing changes', async () => {
    const m = await givenVerifiedMember(t);
    const districtCard = await cardOf(DISTRICT_OPENID);
    for (const who of [as(m.openid), { persona: 'guest' }] as As[]) {
      expect(await list(PORT, who)).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
      expect(await appoint({ cardNo: m.cardNo, unionId: PORT }, who)).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
      expect(await remove({ cardNo: districtCard, unionId: 'nb-bl', reason: REASON }, who)).toMatchObject({
        ok: false,
        error: { code: 'NOT_UNION_ADMIN' },
      });
    }
    expect(await appoint({ cardNo: m.cardNo, unionId: PORT }, 'anonymous')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await adminUnionIdsOf(m.openid)).toEqual([]);
    expect(await adminUnionIdsOf(DISTRICT_OPENID)).toEqual(['nb-bl']);
  });

  it('bad input gets a structured Chinese error and changes nothing', async () => {
    const m = await givenVerifiedMember(t, { unionId: JOINT });
    const before = await auditOf(JOINT);
    const cases: Array<[string, Record<string, unknown>, string, string | RegExp]> = [
      ['adminAppoint', { cardNo: 'NB51-12', unionId: JOINT }, 'INVALID_ARGUMENT', '会员卡号格式不正确，应为 NB51 加 8 位数字'],
      ['adminAppoint', { cardNo: m.cardNo }, 'INVALID_ARGUMENT', '请填写工会组织'],
      ['adminAppoint', { unionId: JOINT }, 'INVALID_ARGUMENT', '请填写会员卡号'],
      ['adminAppoint', { cardNo: m.cardNo, unionId: 'nb bl' }, 'INVALID_ARGUMENT', /工会组织/],
      ['adminAppoint', { cardNo: m.cardNo, unionId: JOINT, openid: m.openid }, 'INVALID_ARGUMENT', /不支持的字段/],
      ['adminAppoint', { cardNo: 'NB5199999999', unionId: JOINT }, 'NOT_FOUND', '未找到该会员卡，或该会员不在您管理的工会范围内'],
      ['adminListAdmins', {}, 'INVALID_ARGUMENT', '请填写工会组织'],
      ['adminRemove', { unionId: JOINT, reason: REASON }, 'INVALID_ARGUMENT', '请指定要移除的管理员'],
      [
        'adminRemove',
        { cardNo: m.cardNo, adminKey: adminKeyOf(JOINT, m.openid), unionId: JOINT, reason: REASON },
        'INVALID_ARGUMENT',
        '请指定要移除的管理员',
      ],
      ['adminRemove', { openid: m.openid, unionId: JOINT, reason: REASON }, 'INVALID_ARGUMENT', '请求包含不支持的字段 openid'],
      ['adminRemove', { cardNo: m.cardNo, unionId: JOINT }, 'INVALID_ARGUMENT', '移除管理员须填写原因（2–100 个字），对方将看到这条原因'],
      ['adminRemove', { cardNo: m.cardNo, unionId: JOINT, reason: ' 走 ' }, 'INVALID_ARGUMENT', /^移除管理员须填写原因/],
      ['adminRemove', { cardNo: m.cardNo, unionId: JOINT, reason: '走'.repeat(101) }, 'INVALID_ARGUMENT', /移除原因/],
      [
        'adminRemove',
        { cardNo: 'NB51 0000', unionId: JOINT, reason: REASON },
        'INVALID_ARGUMENT',
        '会员卡号格式不正确，应为 NB51 加 8 位数字',
      ],
      ['adminRemove', { cardNo: 'NB5199999999', unionId: JOINT, reason: REASON }, 'NOT_FOUND', '未找到该管理员，请刷新管理员列表后重试'],
      [
        'adminRemove',
        { adminKey: adminKeyOf(JOINT, newOpenid('o_nobody')), unionId: JOINT, reason: REASON },
        'NOT_FOUND',
        '未找到该管理员，请刷新管理员列表后重试',
      ],
    ];
    for (const [action, data, code, message] of cases) {
      const res = await callMember(t, action, data, DISTRICT, rid());
      expect({ action, data, res }).toMatchObject({ action, data, res: { ok: false, error: { code } } });
      if (!res.ok) expect(res.error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    }
    expect(await auditOf(JOINT)).toEqual(before);
    expect(await adminUnionIdsOf(m.openid)).toEqual([]);
  });
});

describe('注销账号 after the admin rights are gone', () => {
  it('is blocked while an admin; once removed, the account goes and no admin record names the user any more', async () => {
    const chair = await givenVerifiedMember(t);
    const colleague = await givenVerifiedMember(t);
    const me = as(chair.openid);
    expect(await appoint({ cardNo: chair.cardNo, unionId: PORT }, DISTRICT)).toMatchObject({ ok: true });
    // The chair acts: appoints a colleague (named as `by`), then leaves on their own (the union counter's last caller).
    expect(await appoint({ cardNo: colleague.cardNo, unionId: PORT }, me)).toMatchObject({ ok: true, data: { changed: true } });
    const blocked = await t.call('member', 'deleteAccount', { confirm: '注销' }, me);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DELETION_BLOCKED' } });
    expect(await remove({ cardNo: chair.cardNo, unionId: PORT, reason: REASON }, me)).toMatchObject({ ok: true, data: { changed: true } });
    expect((await t.db.collection(C.counters).doc(`unionAdmins_${PORT}`).get()).data[0]).toMatchObject({ by: chair.openid });

    expect(await t.call('member', 'deleteAccount', { confirm: '注销' }, me)).toMatchObject({ ok: true, data: { status: 'done' } });
    const audit = await auditOf(PORT);
    expect(JSON.stringify(audit)).not.toContain(chair.openid);
    const aboutChair = audit.filter((a) => a.memberId === chair.memberId);
    expect(aboutChair.map((a) => a.kind)).toEqual(['appoint', 'remove']);
    for (const a of aboutChair) expect(a).toMatchObject({ nameMasked: DELETED_STAFF_NAME, cardNo: chair.cardNo });
    for (const a of aboutChair) expect(isTombstone(a.openid as string)).toBe(true);
    const byChair = audit.find((a) => a.openid === colleague.openid);
    expect(byChair).toMatchObject({ byName: DELETED_STAFF_NAME });
    expect(isTombstone(byChair?.by as string)).toBe(true);
    const counter = (await t.db.collection(C.counters).doc(`unionAdmins_${PORT}`).get()).data[0] as { by: string };
    expect(isTombstone(counter.by)).toBe(true);
    // The colleague stays an admin; the card's history still lists the chair's appointment (the card is kept).
    expect(await adminUnionIdsOf(colleague.openid)).toEqual([PORT]);
    const history = await t.call<AdminMemberHistoryResult>('member', 'adminMemberHistory', { cardNo: chair.cardNo }, DISTRICT);
    expect(history.ok && history.data.entries.filter((e) => e.kind === 'admin').map((e) => e.title)).toEqual([
      '本人退出工会管理员',
      '设为工会管理员',
    ]);
  });
});
