/**
 * `npm run ops:set-admin` (scripts/ops/set-admin.ts) against a local cloud's database with
 * --db-url: how a city that has just loaded its union tree makes its first admin, who can then
 * work in the 工会工作台 (checked through the functions), and how the right is taken away.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { as, givenApplicant, newOpenid } from '../../scenarios/member';
import { run as importUnions } from '../../../scripts/ops/import-unions';
import { run as setAdmin } from '../../../scripts/ops/set-admin';
import { newUserDoc } from '../../../cloudfunctions/member/lib/link';
import type { AdminListApplicationsResult, AdminReviewResult } from '../../../shared/member/schemas';
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

describe('the first admin of a fresh environment', () => {
  const openid = newOpenid('oFirstAdmin');

  it('before: the person is no admin', async () => {
    expect(await t.call('member', 'adminListApplications', {}, as(openid))).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
  });

  it('the dry run (the default) says what it would do and writes nothing', async () => {
    const res = await admin('--openid', openid, '--union', 'nb-bl');
    expect(res.code).toBe(0);
    expect(res.out).toContain('操作：授予「北仑区总工会」（nb-bl，区县总工会）的管理员身份（可管理该工会及其下级工会）');
    expect(res.out).toContain('将新建用户记录（微信用户，未入会）。请确认 openid 无误：写错的 openid 不对应任何人，真正的用户不会获得权限。');
    expect(res.out[res.out.length - 1]).toBe('这是试运行（dry run），未写入任何数据。确认无误后加 --apply 执行。');
    // The openid is printed masked only.
    expect(res.out.join('\n')).not.toContain(openid);
    expect(await userDoc(openid)).toBeUndefined();
  });

  it('--apply creates the users document in the shape the functions create, with the admin right', async () => {
    const res = await admin('--openid', openid, '--union', 'nb-bl', '--apply');
    expect(res.code).toBe(0);
    expect(res.out).toContain('已新建用户记录并授予。');
    const doc = await userDoc(openid);
    const shape = newUserDoc(openid, '微信用户', new Date());
    expect(doc).toEqual({ _id: openid, ...shape, adminUnionIds: ['nb-bl'], createdAt: expect.any(Date), updatedAt: expect.any(Date) });
  });

  it('the new admin works in the 工会工作台 of that union’s subtree: sees and approves a join application', async () => {
    const home = await t.call<HomeSummary>('system', 'homeSummary', {}, as(openid));
    expect(home.ok && home.data.viewer).toMatchObject({ role: 'union_admin', unionName: '北仑区总工会' });
    const applicant = await givenApplicant(t, { unionId: 'nb-bl-xq-gw' });
    const list = await t.call<AdminListApplicationsResult>('member', 'adminListApplications', { status: 'pending' }, as(openid));
    expect(list.ok && list.data.items.map((a) => a.id)).toEqual([applicant.applicationId]);
    const review = await t.call<AdminReviewResult>('member', 'adminReview', { applicationId: applicant.applicationId, decision: 'approve' }, as(openid));
    expect(review.ok && review.data.application.status).toBe('approved');
  });

  it('granting again changes nothing', async () => {
    const before = await userDoc(openid);
    const res = await admin('--openid', openid, '--union', 'nb-bl', '--apply');
    expect(res.code).toBe(0);
    expect(res.out[res.out.length - 1]).toBe('该用户已是「北仑区总工会」（nb-bl，区县总工会）的管理员，无需修改。');
    expect(await userDoc(openid)).toEqual(before);
  });

  it('--revoke: dry run first, then the right is gone and the functions refuse', async () => {
    const dry = await admin('--openid', openid, '--union', 'nb-bl', '--revoke');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('该工会现有管理员 1 人');
    expect(dry.out).toContain('之后管理的工会：无（不再是管理员，工会工作台入口随之消失）');
    expect(dry.out).toContain('提示：撤销后该工会没有管理员，只能由上级工会的管理员管理（或再用本工具任命）。');
    expect((await userDoc(openid))!.adminUnionIds).toEqual(['nb-bl']);

    const res = await admin('--openid', openid, '--union', 'nb-bl', '--revoke', '--apply');
    expect(res.code).toBe(0);
    expect(res.out[res.out.length - 1]).toBe('已撤销。');
    const doc = await userDoc(openid);
    expect(doc!.adminUnionIds).toEqual([]);
    expect(doc!.actedAsAdminAt).toBeInstanceOf(Date); // kept: 注销账号 still scrubs what this admin did
    expect(await t.call('member', 'adminListApplications', {}, as(openid))).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });

    const again = await admin('--openid', openid, '--union', 'nb-bl', '--revoke', '--apply');
    expect(again.out[again.out.length - 1]).toBe('该用户不是「北仑区总工会」（nb-bl，区县总工会）的管理员，无需修改。');
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
    expect(res.out).toContain('该工会现有管理员 0 人');
    expect(res.out[res.out.length - 1]).toBe('已授予。');
    expect(await userDoc(openid)).toEqual({ ...before, adminUnionIds: ['nb-bl', 'nb-hs'], updatedAt: expect.any(Date) });
    expect((await userDoc(openid))!.follows).toEqual(['nb-hs']);
  });
});

describe('refusals', () => {
  it('an unknown union → exit 1, no users document', async () => {
    const openid = newOpenid('oNobody');
    const res = await admin('--openid', openid, '--union', 'nb-xx', '--apply');
    expect(res.code).toBe(1);
    expect(res.err).toEqual(['工会编码「nb-xx」不存在：请先导入工会组织（npm run ops:import-unions），或检查编码是否正确。未写入任何数据。']);
    expect(await userDoc(openid)).toBeUndefined();
  });

  it('bad arguments → exit 2 with the usage', async () => {
    for (const args of [['--union', 'nb-bl'], ['--openid', 'o x', '--union', 'nb-bl'], ['--openid', 'oAbcdefgh', '--union', 'nb/bl'], ['--openid', 'oAbcdefgh', '--union', 'nb-bl', '--force']]) {
      const res = await admin(...args);
      expect(res.code).toBe(2);
      expect(res.err.join('\n')).toContain('用法：set-admin');
    }
  });

  it('without --db-url the environment must name a CloudBase environment and keys', async () => {
    const err: string[] = [];
    const code = await setAdmin(['--openid', 'oAbcdefgh', '--union', 'nb-bl'], { out: () => {}, err: (l) => err.push(l) }, { TCB_ENV_ID: 'env-1' });
    expect(code).toBe(2);
    expect(err[0]).toContain('TENCENTCLOUD_SECRETID');
  });
});
