/**
 * 会员信息维护: a union admin changes a member's tags and moves a member to another union
 * (转会), and reads the card's history. Checked against the stored documents (member, linked
 * user, audit, notices) and through the other domains that read them (a tag-restricted benefit
 * drop, the member's card and home), not only the answers.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import type { ClaimView } from '../../../shared/benefit/schemas';
import type {
  AdminFindMemberResult,
  AdminImportResult,
  AdminMemberHistoryResult,
  AdminSetStatusResult,
  AdminUpdateMemberResult,
  Profile,
} from '../../../shared/member/schemas';
import type { HomeSummary } from '../../../shared/system/schemas';
import { formatBusiness } from '../../../shared/time';
import { callBenefit, givenDrop } from '../../scenarios/benefit';
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
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

const DISTRICT: As = { persona: 'district_admin' }; // 北仑区总工会 (nb-bl), 周*燕
const CITY: As = { persona: 'city_admin' }; // 宁波市总工会 (nb)
const PORT = 'nb-bl-xq-gw'; // 宁波北仑港务有限公司工会 (新碶街道), where givenVerifiedMember joins
const MOULD = 'nb-bl-dq-kd'; // 宁波凯达模具有限公司工会 (大碶街道, also 北仑)
const NOTE = '调入宁波凯达模具有限公司工作';
const NOT_FOUND = { ok: false, error: { code: 'NOT_FOUND', message: '未找到该会员卡，或该会员不在您管理的工会范围内' } };

let serial = 0;
function rid(): string {
  serial++;
  return `update_${process.pid}_${serial}_${Math.random().toString(36).slice(2, 8)}`;
}

function update(data: Record<string, unknown>, who: As, requestId = rid()) {
  return callMember<AdminUpdateMemberResult>(t, 'adminUpdateMember', data, who, requestId);
}
function history(cardNo: string, who: As) {
  return t.call<AdminMemberHistoryResult>('member', 'adminMemberHistory', { cardNo }, who);
}

const { memberDoc, userDoc, auditOf, noticesOf } = memberRecords(() => t);
async function ancestorsOf(unionId: string): Promise<string[]> {
  return ((await t.db.collection(C.unions).doc(unionId).get()).data[0] as { ancestors: string[] }).ancestors;
}
/** What must not move when a request is refused. */
async function snapshot(m: { memberId: string; openid: string }) {
  const member = await memberDoc(m.memberId);
  const user = await userDoc(m.openid);
  return {
    member: { unionId: member.unionId, unionAncestors: member.unionAncestors, tags: member.tags, infoVersion: member.infoVersion },
    user: { unionId: user.unionId, unionAncestors: user.unionAncestors, tags: user.tags, follows: user.follows },
    audit: (await auditOf(m.memberId)).length,
    notices: (await noticesOf(m.openid)).length,
  };
}

describe('tags', () => {
  it('new tags reach the member record, the user and benefit eligibility: a tag-restricted drop refuses, then accepts, then refuses again', async () => {
    const m = await givenVerifiedMember(t); // declared 一线职工
    const forModelWorkers = await givenDrop(t, { stock: 5, title: '劳模专享 体检套餐', requiredTags: ['model_worker'] });
    const forHazardous = await givenDrop(t, { stock: 5, title: '高危岗位 防护用品', requiredTags: ['hazardous'] });
    const forModelWorkersLater = await givenDrop(t, { stock: 5, title: '劳模专享 疗养体验', requiredTags: ['model_worker'] });
    try {
      await t.setClock(new Date(Math.max(forModelWorkers.opensAt, forHazardous.opensAt, forModelWorkersLater.opensAt) + 1000));
      const before = await callBenefit<ClaimView>(t, 'claim', { dropId: forModelWorkers.dropId }, as(m.openid));
      expect(before.result).toEqual({ ok: false, error: { code: 'DROP_NOT_ELIGIBLE', message: '本次福利仅限劳动模范参与' } });

      // Labels and short forms are accepted; the stored set is normalized (table order, no repeats).
      const res = await update({ cardNo: m.cardNo, tags: ['劳模', 'frontline', '劳动模范'] }, DISTRICT);
      expect(res).toMatchObject({
        ok: true,
        data: { changed: true, member: { id: m.memberId, tags: ['frontline', 'model_worker'], union: { id: PORT } } },
      });
      expect(await memberDoc(m.memberId)).toMatchObject({
        tags: ['frontline', 'model_worker'],
        unionId: PORT,
        infoVersion: 1,
        infoChangedByName: '周*燕',
        infoNote: null,
      });
      expect((await userDoc(m.openid)).tags).toEqual(['frontline', 'model_worker']);
      expect(await t.call<Profile>('member', 'profile', {}, as(m.openid))).toMatchObject({
        ok: true,
        data: { tags: ['frontline', 'model_worker'] },
      });

      const accepted = await callBenefit<ClaimView>(t, 'claim', { dropId: forModelWorkers.dropId }, as(m.openid));
      expect(accepted.result).toMatchObject({ ok: true, data: { dropId: forModelWorkers.dropId } });

      // 劳模 removed, 高危岗位 added (codes this time).
      expect(await update({ cardNo: m.cardNo, tags: ['hazardous', 'frontline'], note: '岗位调整' }, DISTRICT)).toMatchObject({
        ok: true,
        data: { changed: true, member: { tags: ['frontline', 'hazardous'] } },
      });
      const refused = await callBenefit<ClaimView>(t, 'claim', { dropId: forModelWorkersLater.dropId }, as(m.openid));
      expect(refused.result).toMatchObject({ ok: false, error: { code: 'DROP_NOT_ELIGIBLE' } });
      const hazardous = await callBenefit<ClaimView>(t, 'claim', { dropId: forHazardous.dropId }, as(m.openid));
      expect(hazardous.result).toMatchObject({ ok: true, data: { dropId: forHazardous.dropId } });
    } finally {
      await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
    }

    const audit = await auditOf(m.memberId);
    expect(audit.map((a) => [a._id, a.kind, a.tagsAdded, a.tagsRemoved, a.fromUnionId, a.note])).toEqual([
      [`${m.memberId}_u1`, 'update', ['model_worker'], [], null, null],
      [`${m.memberId}_u2`, 'update', ['hazardous'], ['model_worker'], null, '岗位调整'],
    ]);
    const notices = await noticesOf(m.openid);
    expect(notices.map((n) => n.title)).toEqual(['会员标签已更新', '会员标签已更新']);
    expect(notices[0].body).toContain('您的会员标签已更新为：一线职工、劳动模范');
    expect(notices[1].body).toContain('说明：岗位调整');
    expect(notices[0].link).toBe('/packages/member/card/index');
  });

  it('the same tags again change nothing; an imported record nobody has claimed changes without touching any user', async () => {
    const m = await givenVerifiedMember(t);
    expect(await update({ cardNo: m.cardNo, tags: ['一线职工'] }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: false, member: { tags: ['frontline'] } },
    });
    expect(await auditOf(m.memberId)).toEqual([]);
    expect(await noticesOf(m.openid)).toEqual([]);

    const idNumber = newIdNumber();
    const imported = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '冯一帆', idNumber, unionCode: PORT }]) },
      DISTRICT,
    );
    expect(imported).toMatchObject({ ok: true, data: { imported: 1 } });
    const record = (await t.db.collection(C.members).where({ nameMasked: '冯*帆' }).limit(1).get()).data[0] as {
      _id: string;
      cardNo: string;
    };
    expect(await update({ cardNo: record.cardNo, tags: ['leader'] }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: true, member: { tags: ['leader'], claimed: false } },
    });
    expect(await memberDoc(record._id)).toMatchObject({ tags: ['leader'], openid: null });
  });
});

describe('transfer (转会)', () => {
  it('the district admin moves a member between two unions of the district: member, user, follows, card, home, scope and notice follow', async () => {
    const m = await givenVerifiedMember(t);
    // A follow the member made themselves (another district) must survive the transfer.
    expect(await t.call('content', 'follow', { unionId: 'nb-hs', follow: true }, as(m.openid))).toMatchObject({ ok: true });
    const portAdmin = await givenAdminOf(t, PORT);
    const mouldAdmin = await givenAdminOf(t, MOULD);

    const res = await update({ cardNo: m.cardNo, unionId: MOULD, note: `  ${NOTE} ` }, DISTRICT);
    expect(res).toEqual({
      ok: true,
      data: {
        changed: true,
        member: expect.objectContaining({
          id: m.memberId,
          cardNo: m.cardNo,
          union: { id: MOULD, name: '宁波凯达模具有限公司工会', level: 'grassroots' },
          tags: ['frontline'],
          status: 'active',
        }),
      },
    });
    const chain = ['nb', 'nb-bl', 'nb-bl-dq', MOULD];
    expect(await ancestorsOf(MOULD)).toEqual(chain);
    expect(await memberDoc(m.memberId)).toMatchObject({
      unionId: MOULD,
      unionAncestors: chain,
      cardNo: m.cardNo,
      infoNote: NOTE,
      infoVersion: 1,
    });
    const user = await userDoc(m.openid);
    expect(user).toMatchObject({ unionId: MOULD, unionAncestors: chain, memberStatus: 'verified', memberId: m.memberId, cardNo: m.cardNo });
    // Old chain and own follows kept; the new chain added.
    expect(user.follows).toEqual(['nb', 'nb-bl', 'nb-bl-xq', PORT, 'nb-hs', 'nb-bl-dq', MOULD]);

    const audit = await auditOf(m.memberId);
    expect(audit).toEqual([
      expect.objectContaining({
        _id: `${m.memberId}_u1`,
        kind: 'update',
        fromUnionId: PORT,
        toUnionId: MOULD,
        unionId: MOULD,
        tagsBefore: null,
        tagsAfter: null,
        note: NOTE,
        byName: '周*燕',
      }),
    ]);
    const notices = await noticesOf(m.openid);
    expect(notices.map((n) => n.title)).toEqual(['会员关系已转移']);
    expect(notices[0].body).toContain('您的会员关系已转至宁波凯达模具有限公司工会（原：宁波北仑港务有限公司工会）');
    expect(notices[0].body).toContain(NOTE);

    // The member's card and home show the new union.
    expect(await t.call<Profile>('member', 'profile', {}, as(m.openid))).toMatchObject({
      ok: true,
      data: {
        union: { id: MOULD },
        card: { cardNo: m.cardNo, union: { id: MOULD, name: '宁波凯达模具有限公司工会' } },
        unionChain: chain.map((id) => ({ id })),
      },
    });
    expect(await t.call<HomeSummary>('system', 'homeSummary', {}, as(m.openid))).toMatchObject({
      ok: true,
      data: { viewer: { unionName: '宁波凯达模具有限公司工会' } },
    });

    // Scope follows the member: the old grassroots admin no longer finds the card, the new one does.
    expect(await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, as(portAdmin.openid))).toEqual(NOT_FOUND);
    expect(await t.call<AdminFindMemberResult>('member', 'adminFindMember', { cardNo: m.cardNo }, as(mouldAdmin.openid))).toMatchObject({
      ok: true,
      data: { member: { union: { id: MOULD } } },
    });
  });

  it('tags and union in one request; a street union as target gets the shorter chain exactly', async () => {
    const m = await givenVerifiedMember(t);
    const res = await update(
      { cardNo: m.cardNo, unionId: 'nb-bl-xg', tags: ['near_retirement'], note: '原单位关闭，转入小港街道总工会' },
      DISTRICT,
    );
    expect(res).toMatchObject({
      ok: true,
      data: { changed: true, member: { union: { id: 'nb-bl-xg', level: 'street' }, tags: ['near_retirement'] } },
    });
    expect(await memberDoc(m.memberId)).toMatchObject({ unionAncestors: ['nb', 'nb-bl', 'nb-bl-xg'], tags: ['near_retirement'] });
    expect(await userDoc(m.openid)).toMatchObject({ unionAncestors: ['nb', 'nb-bl', 'nb-bl-xg'], tags: ['near_retirement'] });
    expect((await auditOf(m.memberId))[0]).toMatchObject({
      fromUnionId: PORT,
      toUnionId: 'nb-bl-xg',
      tagsAdded: ['near_retirement'],
      tagsRemoved: ['frontline'],
    });
    const [notice] = await noticesOf(m.openid);
    expect(notice.title).toBe('会员关系已转移');
    expect(notice.body).toContain('会员标签同时更新为：临近退休');
  });

  it('a target outside the admin subtree is refused and nothing changes; the common ancestor (city) may move across districts', async () => {
    const m = await givenVerifiedMember(t);
    const before = await snapshot(m);
    const outside = await update({ cardNo: m.cardNo, unionId: 'nb-hs-nm-ly', note: NOTE }, DISTRICT);
    expect(outside).toEqual({
      ok: false,
      error: { code: 'OUT_OF_SCOPE', message: '转入的工会不在您管理的范围内；跨区（县）转会请由双方共同的上级工会办理' },
    });
    // A grassroots admin reaches the member but not a sibling union.
    const portAdmin = await givenAdminOf(t, PORT);
    expect(await update({ cardNo: m.cardNo, unionId: MOULD, note: NOTE }, as(portAdmin.openid))).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_SCOPE' },
    });
    expect(await snapshot(m)).toEqual(before);

    const moved = await update({ cardNo: m.cardNo, unionId: 'nb-hs-nm-ly', note: '调入海曙商贸楼宇工作' }, CITY);
    expect(moved).toMatchObject({ ok: true, data: { changed: true, member: { union: { id: 'nb-hs-nm-ly' } } } });
    expect(await userDoc(m.openid)).toMatchObject({ unionId: 'nb-hs-nm-ly', unionAncestors: ['nb', 'nb-hs', 'nb-hs-nm', 'nb-hs-nm-ly'] });
    // Now outside 北仑: the district admin gets NOT_FOUND; 海曙 finds it.
    expect(await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, DISTRICT)).toEqual(NOT_FOUND);
    const haishu = await givenAdminOf(t, 'nb-hs');
    expect(await t.call('member', 'adminFindMember', { cardNo: m.cardNo }, as(haishu.openid))).toMatchObject({ ok: true });
  });

  it('an admin of another district gets NOT_FOUND for tags and transfer; a non-admin NOT_UNION_ADMIN; nothing changes', async () => {
    const m = await givenVerifiedMember(t);
    const before = await snapshot(m);
    const haishu = await givenAdminOf(t, 'nb-hs');
    expect(await update({ cardNo: m.cardNo, tags: ['model_worker'] }, as(haishu.openid))).toEqual(NOT_FOUND);
    expect(await update({ cardNo: m.cardNo, unionId: 'nb-hs-nm-ly', note: NOTE }, as(haishu.openid))).toEqual(NOT_FOUND);
    expect(await update({ cardNo: m.cardNo, tags: ['model_worker'] }, as(m.openid))).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
    expect(await update({ cardNo: m.cardNo, tags: ['model_worker'] }, 'anonymous')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await snapshot(m)).toEqual(before);
  });

  it('several admins making the same transfer at once: applied once, one audit entry, one notice', async () => {
    const m = await givenVerifiedMember(t);
    const extra = await Promise.all([givenAdminOf(t, 'nb-bl'), givenAdminOf(t, 'nb-bl'), givenAdminOf(t, 'nb')]);
    const callers: As[] = [DISTRICT, CITY, ...extra.map((a) => as(a.openid))];
    const results = await Promise.all(
      callers.map((c, i) => update({ cardNo: m.cardNo, unionId: MOULD, tags: ['frontline', 'model_worker'], note: `${NOTE}（${i}）` }, c)),
    );
    expect(results.every((r) => r.ok && r.data.member.union.id === MOULD)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.changed)).toHaveLength(1);
    const audit = await auditOf(m.memberId);
    expect(audit).toHaveLength(1);
    expect(await memberDoc(m.memberId)).toMatchObject({
      unionId: MOULD,
      infoVersion: 1,
      infoNote: audit[0].note,
      tags: ['frontline', 'model_worker'],
    });
    expect(await noticesOf(m.openid)).toHaveLength(1);
  });

  it('a retry with the same requestId answers the same change and applies nothing twice', async () => {
    const m = await givenVerifiedMember(t);
    const requestId = rid();
    const first = await update({ cardNo: m.cardNo, unionId: MOULD, note: NOTE }, DISTRICT, requestId);
    expect(first).toMatchObject({ ok: true, data: { changed: true } });
    const retries = await Promise.all([0, 1].map(() => update({ cardNo: m.cardNo, unionId: MOULD, note: NOTE }, DISTRICT, requestId)));
    for (const r of retries) expect(r).toEqual(first);
    expect(await auditOf(m.memberId)).toHaveLength(1);
    expect(await noticesOf(m.openid)).toHaveLength(1);
    expect(await memberDoc(m.memberId)).toMatchObject({ infoVersion: 1 });
    // A new request for what is already so: told, nothing written.
    expect(await update({ cardNo: m.cardNo, unionId: MOULD, note: NOTE }, DISTRICT)).toMatchObject({
      ok: true,
      data: { changed: false, member: { union: { id: MOULD } } },
    });
    expect(await auditOf(m.memberId)).toHaveLength(1);
  });

  it('bad input gets a structured error and changes nothing', async () => {
    const m = await givenVerifiedMember(t);
    const before = await snapshot(m);
    const cases: Array<[Record<string, unknown>, string, string | RegExp]> = [
      [{ cardNo: m.cardNo }, 'INVALID_ARGUMENT', '请指定要修改的职工标签或转入的工会'],
      [{ cardNo: m.cardNo, note: NOTE }, 'INVALID_ARGUMENT', '请指定要修改的职工标签或转入的工会'],
      [{ cardNo: m.cardNo, tags: ['劳模', '领导'] }, 'INVALID_ARGUMENT', /^不认识的职工标签「领导」，可选：一线职工、高危岗位、劳动模范/],
      [{ cardNo: m.cardNo, tags: 'frontline' }, 'INVALID_ARGUMENT', /职工标签/],
      [{ cardNo: m.cardNo, unionId: MOULD }, 'INVALID_ARGUMENT', '转会须填写说明（2–100 个字），如：调入新单位工作，会员将看到这条说明'],
      [{ cardNo: m.cardNo, unionId: MOULD, note: '  调 ' }, 'INVALID_ARGUMENT', /^转会须填写说明/],
      [{ cardNo: m.cardNo, tags: ['frontline', 'hazardous'], note: '调' }, 'INVALID_ARGUMENT', '说明请填写 2–100 个字'],
      [{ cardNo: m.cardNo, unionId: MOULD, note: '调'.repeat(101) }, 'INVALID_ARGUMENT', /说明/],
      [{ cardNo: m.cardNo, unionId: 'nb-bl', note: NOTE }, 'UNION_NOT_ELIGIBLE', '会员只能转入基层工会或街道（乡镇）总工会，请重新选择'],
      [{ cardNo: m.cardNo, unionId: 'nb', note: NOTE }, 'OUT_OF_SCOPE', /转入的工会不在您管理的范围内/],
      [{ cardNo: m.cardNo, unionId: 'nb-bl-nowhere', note: NOTE }, 'NOT_FOUND', '转入的工会不存在，请重新选择'],
      [{ cardNo: m.cardNo, unionId: 'nb-bl xq', note: NOTE }, 'INVALID_ARGUMENT', /转入工会/],
      [{ cardNo: 'NB51-12', tags: ['frontline'] }, 'INVALID_ARGUMENT', '会员卡号格式不正确，应为 NB51 加 8 位数字'],
      [{ cardNo: m.cardNo, tags: ['frontline'], requestId: 'x' }, 'INVALID_ARGUMENT', /不支持的字段/],
    ];
    for (const [data, code, message] of cases) {
      const res = await update(data, DISTRICT);
      expect(res).toMatchObject({ ok: false, error: { code } });
      if (!res.ok) expect(res.error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    }
    // The city admin reaches 北仑 and the education union, but a 产业工会 holds no members.
    expect(await update({ cardNo: m.cardNo, unionId: 'nb-jy', note: NOTE }, CITY)).toMatchObject({
      ok: false,
      error: { code: 'UNION_NOT_ELIGIBLE' },
    });
    expect(await snapshot(m)).toEqual(before);
  });

  it('a suspended card is refused until it is reinstated', async () => {
    const m = await givenVerifiedMember(t);
    await callMember<AdminSetStatusResult>(
      t,
      'adminSetStatus',
      { cardNo: m.cardNo, status: 'revoked', reason: '已调离本单位' },
      DISTRICT,
      rid(),
    );
    const before = await snapshot(m);
    expect(await update({ cardNo: m.cardNo, unionId: MOULD, note: NOTE }, DISTRICT)).toEqual({
      ok: false,
      error: { code: 'MEMBER_SUSPENDED', message: '该会员卡已停用，请先恢复会员卡，再修改标签或转会' },
    });
    expect(await update({ cardNo: m.cardNo, tags: ['model_worker'] }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_SUSPENDED' },
    });
    expect(await snapshot(m)).toEqual(before);
    await callMember<AdminSetStatusResult>(t, 'adminSetStatus', { cardNo: m.cardNo, status: 'active' }, DISTRICT, rid());
    expect(await update({ cardNo: m.cardNo, unionId: MOULD, note: NOTE }, DISTRICT)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await userDoc(m.openid)).toMatchObject({ memberStatus: 'verified', unionId: MOULD });
  });
});

describe('adminMemberHistory', () => {
  it('lists status changes, tag changes, the transfer and the creation, newest first, in Beijing time, names masked', async () => {
    const m = await givenVerifiedMember(t);
    const step = async (p: Promise<{ ok: boolean }>) => {
      expect(await p).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 5)); // distinct instants
    };
    await step(callMember(t, 'adminSetStatus', { cardNo: m.cardNo, status: 'revoked', reason: '长期未缴会费' }, DISTRICT, rid()));
    await step(callMember(t, 'adminSetStatus', { cardNo: m.cardNo, status: 'active' }, CITY, rid()));
    await step(update({ cardNo: m.cardNo, tags: ['model_worker', 'hazardous'] }, DISTRICT));
    await step(update({ cardNo: m.cardNo, unionId: MOULD, note: NOTE }, DISTRICT));

    const res = await history(m.cardNo.toLowerCase(), DISTRICT);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.member).toMatchObject({ id: m.memberId, union: { id: MOULD }, tags: ['hazardous', 'model_worker'], status: 'active' });
    const entries = res.data.entries;
    expect(entries.map((e) => [e.kind, e.title, e.byName, e.details])).toEqual([
      ['update', '转会', '周*燕', ['工会：宁波北仑港务有限公司工会 → 宁波凯达模具有限公司工会', `说明：${NOTE}`]],
      ['update', '修改标签', '周*燕', ['标签：增加 高危岗位、劳动模范；去掉 一线职工（现为：高危岗位、劳动模范）']],
      ['status', '恢复会员卡', '郑*强', ['状态：已停用 → 有效']],
      ['status', '停用会员卡', '周*燕', ['状态：有效 → 已停用', '原因：长期未缴会费']],
      ['created', '网上入会审核通过，发放会员卡', '周*燕', [`卡号：${m.cardNo}`]],
    ]);
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const e of entries) {
      expect(e.atText).toBe(formatBusiness(e.at));
      // Beijing time: the wall clock is UTC + 8 h.
      expect(e.atText).toBe(new Date(Date.parse(e.at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
    }
    const text = JSON.stringify(res);
    for (const secret of ['o_local_admin_beilun', 'o_local_admin_city', m.openid, m.idNumber, m.realName, m.phone])
      expect(text).not.toContain(secret);

    // Same scope rule as adminFindMember.
    const haishu = await givenAdminOf(t, 'nb-hs');
    expect(await history(m.cardNo, as(haishu.openid))).toEqual(NOT_FOUND);
    const portAdmin = await givenAdminOf(t, PORT); // the member's former union
    expect(await history(m.cardNo, as(portAdmin.openid))).toEqual(NOT_FOUND);
    expect(await history(m.cardNo, as(m.openid))).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
    expect(await history('NB5199999999', DISTRICT)).toEqual(NOT_FOUND);
  });

  it('an imported card: the creation names the importing admin by a masked id when no name is on file; at most 50 entries', async () => {
    const importer = newOpenid('o_importer');
    await t.db
      .collection(C.users)
      .doc(importer)
      .set({
        openid: importer,
        nameMasked: '',
        memberStatus: 'none',
        unionId: null,
        unionAncestors: [],
        tags: [],
        cardNo: null,
        adminUnionIds: ['nb-bl'],
        follows: [],
      });
    const idNumber = newIdNumber();
    expect(
      await t.call('member', 'adminImport', { csv: importCsv([{ realName: '褚小兰', idNumber, unionCode: PORT }]) }, as(importer)),
    ).toMatchObject({ ok: true, data: { imported: 1 } });
    const record = (await t.db.collection(C.members).where({ nameMasked: '褚*兰' }).limit(1).get()).data[0] as {
      _id: string;
      cardNo: string;
    };

    const fresh = await history(record.cardNo, DISTRICT);
    expect(fresh).toMatchObject({
      ok: true,
      data: { member: { claimed: false }, entries: [{ kind: 'created', title: '批量导入，发放会员卡' }] },
    });
    const by = fresh.ok ? fresh.data.entries[0].byName : '';
    expect(by).toBe(`管理员 ${importer.slice(0, 4)}****${importer.slice(-4)}`);
    expect(JSON.stringify(fresh)).not.toContain(importer);

    // 60 alternating tag changes: the newest 50 come back.
    for (let i = 0; i < 60; i++) {
      expect(await update({ cardNo: record.cardNo, tags: i % 2 === 0 ? ['frontline'] : [] }, DISTRICT)).toMatchObject({
        ok: true,
        data: { changed: true },
      });
    }
    const full = await history(record.cardNo, DISTRICT);
    if (!full.ok) throw new Error(full.error.message);
    expect(full.data.entries).toHaveLength(50);
    expect(full.data.entries.every((e) => e.kind === 'update')).toBe(true);
    expect(full.data.entries[0].id).toBe(`${record._id}_u60`);
    expect(full.data.entries[0].details).toEqual(['标签：去掉 一线职工（现为：无）']);
  });
});
