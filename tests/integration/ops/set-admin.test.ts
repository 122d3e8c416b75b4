/**
 * `npm run ops:set-admin` (scripts/ops/set-admin.ts) against a local cloud's database with
 * --db-url: how a city that has just loaded its union tree makes its first admin, who can then
 * work in the 工会工作台 (checked through the functions), and how the right is taken away — by the
 * rules of 管理员管理 in the app: an `admin_audit` entry by 「平台运维人员」 that the app's list and
 * the card's history show, the union counter, the admin limit, the root's last admin, notices.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { as, givenApplicant, newOpenid } from '../../scenarios/member';
import { run as importUnions } from '../../../scripts/ops/import-unions';
import { run as setAdmin } from '../../../scripts/ops/set-admin';
import { newUserDoc } from '../../../cloudfunctions/member/lib/link';
import { C } from '../../../cloudfunctions/_lib/collections';
import { adminKeyOf } from '../../../cloudfunctions/member/lib/unionAdmins';
import {
  UNION_ADMIN_LIMIT,
  type AdminListAdminsResult,
  type AdminListApplicationsResult,
  type AdminMemberHistoryResult,
  type AdminReviewResult,
} from '../../../shared/member/schemas';
import type { HomeSummary } from '../../../shared/system/schemas';

let t: TestCloud;
let dir: string;

const TREE = [
  '工会编码,工会名称,级别,上级工会编码,类型,地址',
  'nb,宁波市总工会,市总工会,,,',
  'nb-bl,北仑区总工会,区县总工会,nb,,',
  'nb-bl-xq,新碶街道总工会,街道乡镇总工会,nb-bl,,',
  'nb-bl-xq-gw,宁波北仑港务有限公司工会,基层工会,nb-bl-xq,企业工会,',
  'nb-hs,海曙区总工会,区县总工会,nb,,',
].join('\n');

beforeAll(async () => {
  t = await givenLocalCloud({ seed: false });
  dir = mkdtempSync(join(tmpdir(), 'ops-admin-'));
  const file = join(dir, 'tree.csv');
  writeFileSync(file, TREE);
  const code = await importUnions([file, '--db-url', t.cloud.dbUrl, '--apply'], { out: () => {}, err: (l) => console.error(l) }, {});
  if (code !== 0) throw new Error('tree import failed');
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function admin(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await setAdmin([...args, '--db-url', t.cloud.dbUrl], { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out, err };
}

async function userDoc(openid: string): Promise<Record<string, unknown> | undefined> {
  return (await t.db.collection('users').doc(openid).get()).data[0] as Record<string, unknown> | undefined;
}
async function auditOf(unionId: string): Promise<Array<Record<string, unknown>>> {
  return (await t.db.collection(C.adminAudit).where({ unionId }).orderBy('at', 'asc').limit(100).get()).data as Array<
    Record<string, unknown>
  >;
}
async function counterOf(unionId: string): Promise<Record<string, unknown> | undefined> {
  return (await t.db.collection(C.counters).doc(`unionAdmins_${unionId}`).get()).data[0] as Record<string, unknown> | undefined;
}
async function noticesOf(openid: string): Promise<Array<{ title: string; body: string }>> {
  return (await t.db.collection(C.notifications).where({ openid }).orderBy('createdAt', 'asc').get()).data as Array<{
    title: string;
    body: string;
  }>;
}
async function adminsIn(unionId: string, who: string) {
  const res = await t.call<AdminListAdminsResult>('member', 'adminListAdmins', { unionId }, as(who));
  if (!res.ok) throw new Error(`adminListAdmins: ${res.error.code} ${res.error.message}`);
  return res.data.admins;
}
/** The handle the app's list gives an admin for adminRemove (their own, looked up as themselves). */
async function ownAdminKey(unionId: string, who: string): Promise<string> {
  return (await adminsIn(unionId, who)).find((a) => a.self)!.adminKey;
}
const OPS_NAME = '平台运维人员';
const REASON = '已调离北仑区总工会';

describe('the first admin of a fresh environment', () => {
  const openid = newOpenid('oFirstAdmin');

  it('before: the person is no admin', async () => {
    expect(await t.call('member', 'adminListApplications', {}, as(openid))).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
  });

  it('the dry run (the default) says what it would do and writes nothing', async () => {
    const res = await admin('--openid', openid, '--union', 'nb-bl');
    expect(res.code).toBe(0);
    expect(res.out).toContain('操作：授予「北仑区总工会」（nb-bl，区县总工会）的管理员身份（可管理该工会及其下级工会）');
    expect(res.out).toContain(
      '将新建用户记录（微信用户，未入会）。请确认 openid 无误：写错的 openid 不对应任何人，真正的用户不会获得权限。',
    );
    expect(res.out).toContain('记录：写入管理员变更记录，操作人为「平台运维人员」；该用户会收到站内消息「您已被设为工会管理员」');
    expect(res.out[res.out.length - 1]).toBe('这是试运行（dry run），未写入任何数据。确认无误后加 --apply 执行。');
    // The openid is printed masked only.
    expect(res.out.join('\n')).not.toContain(openid);
    expect(await userDoc(openid)).toBeUndefined();
    expect(await auditOf('nb-bl')).toEqual([]);
    expect(await counterOf('nb-bl')).toBeUndefined();
  });

  it('--apply creates the users document in the shape the functions create, with the admin right, the audit entry, the counter and a notice', async () => {
    const res = await admin('--openid', openid, '--union', 'nb-bl', '--apply');
    expect(res.code).toBe(0);
    expect(res.out).toContain('已新建用户记录并授予。');
    const doc = await userDoc(openid);
    const shape = newUserDoc(openid, '微信用户', new Date());
    // actedAsAdminAt as the in-app appointment sets it: the audit entry names this user, and
    // 注销账号 rewrites the admin records only of users so marked.
    expect(doc).toEqual({
      _id: openid,
      ...shape,
      adminUnionIds: ['nb-bl'],
      actedAsAdminAt: expect.any(Date),
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await auditOf('nb-bl')).toEqual([
      {
        _id: 'nb-bl_1',
        kind: 'appoint',
        unionId: 'nb-bl',
        unionAncestors: ['nb', 'nb-bl'],
        openid,
        memberId: null,
        cardNo: null,
        nameMasked: '微信用户',
        reason: null,
        by: 'ops',
        byName: OPS_NAME,
        at: expect.any(Date),
        requestId: expect.stringMatching(/^ops_[0-9a-f]{24}$/),
      },
    ]);
    expect(await counterOf('nb-bl')).toEqual({
      _id: 'unionAdmins_nb-bl',
      value: 1,
      by: 'ops',
      requestId: expect.stringMatching(/^ops_/),
      updatedAt: expect.any(Date),
    });
    expect(await noticesOf(openid)).toEqual([
      expect.objectContaining({
        title: '您已被设为工会管理员',
        body: '您已被设为北仑区总工会的管理员（设置人：平台运维人员）。可在「我的」→「工会工作台」办理本工会及下级工会的入会审核、会员管理等事务。如有疑问请联系上级工会。',
      }),
    ]);
  });

  it('the app’s 管理员管理 lists the admin as set by 平台运维人员', async () => {
    const [only, ...rest] = await adminsIn('nb-bl', openid);
    expect(rest).toEqual([]);
    const audit = (await auditOf('nb-bl'))[0];
    // No card: an opaque adminKey is the handle adminRemove needs; no openid, not even the caller's own.
    expect(only).toEqual({
      key: adminKeyOf('nb-bl', openid),
      nameMasked: '微信用户',
      cardNo: null,
      adminKey: adminKeyOf('nb-bl', openid),
      since: (audit.at as Date).toISOString(),
      sinceText: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      appointedBy: OPS_NAME,
      self: true,
    });
  });

  it('the new admin works in the 工会工作台 of that union’s subtree: sees and approves a join application', async () => {
    const home = await t.call<HomeSummary>('system', 'homeSummary', {}, as(openid));
    expect(home.ok && home.data.viewer).toMatchObject({ role: 'union_admin', unionName: '北仑区总工会' });
    const applicant = await givenApplicant(t, { unionId: 'nb-bl-xq-gw' });
    const list = await t.call<AdminListApplicationsResult>('member', 'adminListApplications', { status: 'pending' }, as(openid));
    expect(list.ok && list.data.items.map((a) => a.id)).toEqual([applicant.applicationId]);
    const review = await t.call<AdminReviewResult>(
      'member',
      'adminReview',
      { applicationId: applicant.applicationId, decision: 'approve' },
      as(openid),
    );
    expect(review.ok && review.data.application.status).toBe('approved');
  });

  it('granting again changes nothing: no second audit entry, counter or notice', async () => {
    const before = await userDoc(openid);
    const res = await admin('--openid', openid, '--union', 'nb-bl', '--apply');
    expect(res.code).toBe(0);
    expect(res.out[res.out.length - 1]).toBe('该用户已是「北仑区总工会」（nb-bl，区县总工会）的管理员，无需修改。');
    expect(await userDoc(openid)).toEqual(before);
    expect((await auditOf('nb-bl')).length).toBe(1);
    expect((await counterOf('nb-bl'))!.value).toBe(1);
    expect((await noticesOf(openid)).length).toBe(1);
  });

  it('a member appointed by ops: the card’s history and the list in the app show 平台运维人员', async () => {
    const applicant = await givenApplicant(t, { unionId: 'nb-bl-xq-gw' });
    const review = await t.call<AdminReviewResult>(
      'member',
      'adminReview',
      { applicationId: applicant.applicationId, decision: 'approve' },
      as(openid),
    );
    const cardNo = review.ok ? review.data.application.cardNo! : '';
    expect(cardNo).toMatch(/^NB51\d{8}$/);

    const res = await admin('--openid', applicant.openid, '--union', 'nb-bl-xq-gw', '--apply');
    expect(res.code).toBe(0);
    expect(res.out).toContain('已授予。');
    expect(await auditOf('nb-bl-xq-gw')).toEqual([
      expect.objectContaining({
        kind: 'appoint',
        openid: applicant.openid,
        memberId: applicant.applicationId,
        cardNo,
        by: 'ops',
        byName: OPS_NAME,
      }),
    ]);

    const history = await t.call<AdminMemberHistoryResult>('member', 'adminMemberHistory', { cardNo }, as(openid));
    expect(history.ok && history.data.entries[0]).toMatchObject({
      kind: 'admin',
      byName: OPS_NAME,
      title: '设为工会管理员',
      details: ['工会：宁波北仑港务有限公司工会'],
    });
    // A member is listed by card number; their openid is not given out.
    expect(await adminsIn('nb-bl-xq-gw', openid)).toEqual([
      expect.objectContaining({
        key: cardNo,
        cardNo,
        adminKey: adminKeyOf('nb-bl-xq-gw', applicant.openid),
        appointedBy: OPS_NAME,
        self: false,
      }),
    ]);
  });

  it('--revoke needs a reason (the removed admin reads it)', async () => {
    for (const extra of [[], ['--reason', ' 走 ']]) {
      const res = await admin('--openid', openid, '--union', 'nb-bl', '--revoke', ...extra);
      expect(res.code).toBe(2);
      expect(res.err[0].split('\n')[0]).toBe('撤销须用 --reason 写明原因（2–100 个字），对方将在站内消息中看到');
    }
    const grant = await admin('--openid', openid, '--union', 'nb-bl', '--reason', REASON);
    expect(grant.code).toBe(2);
    expect(grant.err[0].split('\n')[0]).toBe('--reason 只用于 --revoke');
  });

  it('--revoke: dry run first, then the right is gone, audited and told, and the functions refuse', async () => {
    const dry = await admin('--openid', openid, '--union', 'nb-bl', '--revoke', '--reason', REASON);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('该工会现有管理员 1 人（每个工会最多 10 人）');
    expect(dry.out).toContain(`原因：${REASON}（对方将在站内消息中看到）`);
    expect(dry.out).toContain('之后管理的工会：无（不再是管理员，工会工作台入口随之消失）');
    expect(dry.out).toContain('提示：撤销后该工会没有管理员，只能由上级工会的管理员管理（或再用本工具任命）。');
    expect((await userDoc(openid))!.adminUnionIds).toEqual(['nb-bl']);
    expect((await auditOf('nb-bl')).length).toBe(1);

    const res = await admin('--openid', openid, '--union', 'nb-bl', '--revoke', '--reason', REASON, '--apply');
    expect(res.code).toBe(0);
    expect(res.out[res.out.length - 1]).toBe('已撤销，已通知该用户。');
    const doc = await userDoc(openid);
    expect(doc!.adminUnionIds).toEqual([]);
    expect(doc!.actedAsAdminAt).toBeInstanceOf(Date); // kept: 注销账号 still scrubs what this admin did
    expect(await t.call('member', 'adminListApplications', {}, as(openid))).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
    expect((await auditOf('nb-bl'))[1]).toMatchObject({
      _id: 'nb-bl_2',
      kind: 'remove',
      openid,
      reason: REASON,
      by: 'ops',
      byName: OPS_NAME,
    });
    expect((await counterOf('nb-bl'))!.value).toBe(2);
    expect((await noticesOf(openid)).map((n) => n.body)).toContain(
      `您已不再是北仑区总工会的管理员（操作人：平台运维人员），原因：${REASON}。如有疑问请联系上级工会。`,
    );

    const again = await admin('--openid', openid, '--union', 'nb-bl', '--revoke', '--reason', REASON, '--apply');
    expect(again.out[again.out.length - 1]).toBe('该用户不是「北仑区总工会」（nb-bl，区县总工会）的管理员，无需修改。');
    expect((await auditOf('nb-bl')).length).toBe(2);
  });
});

describe('the root union (市总工会) keeps an admin', () => {
  const first = newOpenid('oRootA');
  const second = newOpenid('oRootB');
  // The in-app message (LAST_ROOT_ADMIN), the same whether the check before or inside the transaction refuses.
  const refusal = '不能移除「宁波市总工会」的最后一位管理员：请先设置另一位管理员，再移除。未写入任何数据。';

  it('its last admin cannot be revoked, in the dry run or with --apply', async () => {
    expect((await admin('--openid', first, '--union', 'nb', '--apply')).code).toBe(0);
    const before = await userDoc(first);
    for (const apply of [[], ['--apply']]) {
      const res = await admin('--openid', first, '--union', 'nb', '--revoke', '--reason', '换届', ...apply);
      expect(res.code).toBe(1);
      expect(res.err).toEqual([refusal]);
    }
    expect(await userDoc(first)).toEqual(before);
    expect((await auditOf('nb')).map((a) => a.kind)).toEqual(['appoint']);
  });

  it('with a second admin the first can go; the second is then the last', async () => {
    expect((await admin('--openid', second, '--union', 'nb', '--apply')).code).toBe(0);
    expect((await admin('--openid', first, '--union', 'nb', '--revoke', '--reason', '换届', '--apply')).code).toBe(0);
    const res = await admin('--openid', second, '--union', 'nb', '--revoke', '--reason', '换届', '--apply');
    expect(res.code).toBe(1);
    expect(res.err).toEqual([refusal]);
    expect((await userDoc(second))!.adminUnionIds).toEqual(['nb']);
    // The in-app rule agrees: the root admin cannot remove themselves either.
    expect(
      await t.call('member', 'adminRemove', { adminKey: await ownAdminKey('nb', second), unionId: 'nb', reason: '换届' }, as(second)),
    ).toMatchObject({
      ok: false,
      error: { code: 'LAST_ROOT_ADMIN' },
    });
    expect((await auditOf('nb')).map((a) => a.kind)).toEqual(['appoint', 'appoint', 'remove']);
  });

  it('ops and the app removing the two root admins at the same moment: one change applies, one admin stays', async () => {
    const third = newOpenid('oRootC');
    expect((await admin('--openid', third, '--union', 'nb', '--apply')).code).toBe(0);
    // Ops revokes one, the other removes themselves in the app. Both may pass the checks made
    // before the transaction (each sees another admin); the union counter makes the later
    // transaction see the earlier one's commit.
    const thirdKey = await ownAdminKey('nb', third);
    const [viaOps, viaApp] = await Promise.all([
      admin('--openid', second, '--union', 'nb', '--revoke', '--reason', '换届', '--apply'),
      t.call('member', 'adminRemove', { adminKey: thirdKey, unionId: 'nb', reason: '换届' }, as(third)),
    ]);
    const applied = [viaOps.code === 0, viaApp.ok].filter(Boolean).length;
    expect(applied).toBe(1);
    if (viaOps.code !== 0) expect(viaOps.err).toEqual([refusal]);
    else expect(viaApp).toMatchObject({ ok: false, error: { code: 'LAST_ROOT_ADMIN' } });
    const left = (await t.db.collection(C.users).where({ adminUnionIds: 'nb' }).get()).data as Array<{ _id: string }>;
    expect(left.length).toBe(1);
    expect((await auditOf('nb')).length).toBe(5); // appoint, appoint, remove, appoint, and one remove
    expect((await counterOf('nb'))!.value).toBe(5);
  });
});

describe('the admin limit', () => {
  it(`at most ${UNION_ADMIN_LIMIT} admins per union, as in the app; an existing admin is still a no-op`, async () => {
    const union = 'nb-bl-xq';
    const openids = Array.from({ length: UNION_ADMIN_LIMIT }, (_, i) => newOpenid(`oCap${i}`));
    for (const o of openids) expect((await admin('--openid', o, '--union', union, '--apply')).code).toBe(0);
    expect((await counterOf(union))!.value).toBe(UNION_ADMIN_LIMIT);

    const extra = newOpenid('oCapExtra');
    const refusal = `「新碶街道总工会」已有 ${UNION_ADMIN_LIMIT} 位管理员（每个工会最多 ${UNION_ADMIN_LIMIT} 位），请先移除不再任职的管理员。未写入任何数据。`;
    for (const apply of [[], ['--apply']]) {
      const res = await admin('--openid', extra, '--union', union, ...apply);
      expect(res.code).toBe(1);
      expect(res.err).toEqual([refusal]);
    }
    expect(await userDoc(extra)).toBeUndefined();
    expect((await auditOf(union)).length).toBe(UNION_ADMIN_LIMIT);
    expect((await counterOf(union))!.value).toBe(UNION_ADMIN_LIMIT);
    expect((await admin('--openid', openids[0], '--union', union, '--apply')).out.pop()).toBe(
      '该用户已是「新碶街道总工会」（nb-bl-xq，街道乡镇总工会）的管理员，无需修改。',
    );

    // One place freed (by ops here): the next appointment fits.
    expect((await admin('--openid', openids[0], '--union', union, '--revoke', '--reason', '岗位调整', '--apply')).code).toBe(0);
    expect((await admin('--openid', extra, '--union', union, '--apply')).code).toBe(0);
    expect((await adminsIn(union, extra)).length).toBe(UNION_ADMIN_LIMIT);
  });
});

describe('an existing user', () => {
  it('keeps everything else (follows, name) and gains a second union', async () => {
    const openid = newOpenid('oExisting');
    // The person opened the app and followed a union: content's follow created the users document.
    expect(await t.call('content', 'follow', { unionId: 'nb-hs', follow: true }, as(openid))).toMatchObject({ ok: true });
    await admin('--openid', openid, '--union', 'nb-bl', '--apply');
    const before = await userDoc(openid);
    const res = await admin('--openid', openid, '--union', 'nb-hs', '--apply');
    expect(res.code).toBe(0);
    expect(res.out).toContain('现在管理的工会：北仑区总工会（nb-bl）');
    expect(res.out).toContain('该工会现有管理员 0 人（每个工会最多 10 人）');
    expect(res.out[res.out.length - 1]).toBe('已授予。');
    expect(await userDoc(openid)).toEqual({ ...before, adminUnionIds: ['nb-bl', 'nb-hs'], updatedAt: expect.any(Date) });
    expect((await userDoc(openid))!.follows).toEqual(['nb-hs']);
  });

  it('can lose the right to a union no longer in the database (audited under its code)', async () => {
    const openid = newOpenid('oGone');
    await t.db.collection(C.users).add({ _id: openid, ...newUserDoc(openid, '微信用户', new Date()), adminUnionIds: ['nb-gone', 'nb-hs'] });
    const res = await admin('--openid', openid, '--union', 'nb-gone', '--revoke', '--reason', '工会已撤销', '--apply');
    expect(res.code).toBe(0);
    expect(res.out).toContain('操作：撤销「nb-gone」（数据库中没有这个工会）的管理员身份');
    expect((await userDoc(openid))!.adminUnionIds).toEqual(['nb-hs']);
    expect(await auditOf('nb-gone')).toEqual([
      expect.objectContaining({ kind: 'remove', openid, unionAncestors: [], reason: '工会已撤销', by: 'ops' }),
    ]);
  });

  it('whose card is suspended is refused, as in the app', async () => {
    const openid = newOpenid('oSuspended');
    await t.db.collection(C.users).add({ _id: openid, ...newUserDoc(openid, '陈*海', new Date()), memberStatus: 'suspended' });
    const before = await userDoc(openid);
    const res = await admin('--openid', openid, '--union', 'nb-hs', '--apply');
    expect(res.code).toBe(1);
    expect(res.err).toEqual([
      '该用户的会员卡已停用，不能设为管理员；如需设置，请先在工会工作台「会员卡管理」中恢复会员卡。未写入任何数据。',
    ]);
    expect(await userDoc(openid)).toEqual(before);
  });
});

describe('refusals', () => {
  it('an unknown union → exit 1, no users document', async () => {
    const openid = newOpenid('oNobody');
    const res = await admin('--openid', openid, '--union', 'nb-xx', '--apply');
    expect(res.code).toBe(1);
    expect(res.err).toEqual([
      '工会编码「nb-xx」不存在：请先导入工会组织（npm run ops:import-unions），或检查编码是否正确。未写入任何数据。',
    ]);
    expect(await userDoc(openid)).toBeUndefined();
  });

  it('bad arguments → exit 2 with the usage', async () => {
    for (const args of [
      ['--union', 'nb-bl'],
      ['--openid', 'o x', '--union', 'nb-bl'],
      ['--openid', 'oAbcdefgh', '--union', 'nb/bl'],
      ['--openid', 'oAbcdefgh', '--union', 'nb-bl', '--force'],
    ]) {
      const res = await admin(...args);
      expect(res.code).toBe(2);
      expect(res.err.join('\n')).toContain('用法：set-admin');
    }
  });

  it('without --db-url the environment must name a CloudBase environment and keys', async () => {
    const err: string[] = [];
    const code = await setAdmin(
      ['--openid', 'oAbcdefgh', '--union', 'nb-bl'],
      { out: () => {}, err: (l) => err.push(l) },
      { TCB_ENV_ID: 'env-1' },
    );
    expect(code).toBe(2);
    expect(err[0]).toContain('TENCENTCLOUD_SECRETID');
  });
});

describe('an admin appointed by ops, in the app', () => {
  it('another admin removes them with the adminKey the list gives (no openid travels); the key works for that union only', async () => {
    const boss = newOpenid('oOpsBoss'); // a root admin, scope: everything
    const o = newOpenid('oOpsKey');
    expect((await admin('--openid', boss, '--union', 'nb', '--apply')).code).toBe(0);
    expect((await admin('--openid', o, '--union', 'nb-hs', '--apply')).code).toBe(0);
    const listed = await adminsIn('nb-hs', boss);
    expect(JSON.stringify(listed)).not.toContain(o);
    const row = listed.find((a) => a.adminKey === adminKeyOf('nb-hs', o))!;
    expect(row).toMatchObject({ cardNo: null, appointedBy: OPS_NAME, self: false });

    // Another union in the caller's scope: not found, nothing changed.
    expect(await t.call('member', 'adminRemove', { adminKey: row.adminKey, unionId: 'nb-bl', reason: '岗位调整' }, as(boss))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未找到该管理员，请刷新管理员列表后重试' },
    });
    expect((await userDoc(o))!.adminUnionIds).toEqual(['nb-hs']);

    expect(await t.call('member', 'adminRemove', { adminKey: row.adminKey, unionId: 'nb-hs', reason: '岗位调整' }, as(boss))).toMatchObject(
      {
        ok: true,
        data: { changed: true, union: { id: 'nb-hs' } },
      },
    );
    expect((await userDoc(o))!.adminUnionIds).toEqual([]);
    expect((await auditOf('nb-hs')).filter((a) => a.openid === o).map((a) => [a.kind, a.by, a.reason])).toEqual([
      ['appoint', 'ops', null],
      ['remove', boss, '岗位调整'],
    ]);
    expect((await noticesOf(o)).map((n) => n.title)).toEqual(['您已被设为工会管理员', '管理员身份已取消']);
  });
});
