/**
 * Demo data for the local cloud, written through the real SDK on first start: a Ningbo-like
 * union tree, the demo personas and a few notices. Runs once per data folder (a marker in
 * system_meta); delete the data folder (or run `npm run reset`) to seed again.
 */
import { pastDaytime } from './seedTime';
import tcb from '@cloudbase/node-sdk';
import { C } from '../../../cloudfunctions/_lib/collections';
import { PERSONAS } from './personas';
import { seedMembership } from './seedMembers';
import { seedContent } from './seedContent';
import { seedRecuperation } from './seedRecuperation';
import { seedDaycare } from './seedDaycare';
import { seedBenefit } from './seedBenefit';
import { seedHome } from './seedHome';

export const SEED_VERSION = 5;

type Level = 'city' | 'district' | 'industry' | 'street' | 'grassroots';
interface UnionSeed {
  _id: string;
  name: string;
  level: Level;
  parentId: string | null;
  kind?: 'enterprise' | 'joint';
  address?: string;
}

export const UNION_TREE: UnionSeed[] = [
  { _id: 'nb', name: '宁波市总工会', level: 'city', parentId: null, address: '宁波市海曙区解放南路' },
  { _id: 'nb-bl', name: '北仑区总工会', level: 'district', parentId: 'nb', address: '宁波市北仑区新碶街道' },
  { _id: 'nb-bl-xq', name: '新碶街道总工会', level: 'street', parentId: 'nb-bl', address: '北仑区新碶街道' },
  { _id: 'nb-bl-xq-gw', name: '宁波北仑港务有限公司工会', level: 'grassroots', kind: 'enterprise', parentId: 'nb-bl-xq' },
  { _id: 'nb-bl-xq-lh', name: '新碶小微企业联合工会', level: 'grassroots', kind: 'joint', parentId: 'nb-bl-xq' },
  { _id: 'nb-bl-dq', name: '大碶街道总工会', level: 'street', parentId: 'nb-bl', address: '北仑区大碶街道' },
  { _id: 'nb-bl-dq-jl', name: '北仑汽车零部件厂工会', level: 'grassroots', kind: 'enterprise', parentId: 'nb-bl-dq' },
  { _id: 'nb-bl-xg', name: '小港街道总工会', level: 'street', parentId: 'nb-bl', address: '北仑区小港街道' },
  { _id: 'nb-hs', name: '海曙区总工会', level: 'district', parentId: 'nb', address: '宁波市海曙区' },
  { _id: 'nb-hs-nm', name: '南门街道总工会', level: 'street', parentId: 'nb-hs', address: '海曙区南门街道' },
  { _id: 'nb-hs-nm-ly', name: '海曙商贸楼宇联合工会', level: 'grassroots', kind: 'joint', parentId: 'nb-hs-nm' },
  { _id: 'nb-jy', name: '宁波市教育工会', level: 'industry', parentId: 'nb' },
  // Membership (v2): more districts, streets and grassroots unions for the join-form pickers.
  { _id: 'nb-bl-xg-hx', name: '小港化工园区联合工会', level: 'grassroots', kind: 'joint', parentId: 'nb-bl-xg' },
  { _id: 'nb-bl-dq-kd', name: '宁波凯达模具有限公司工会', level: 'grassroots', kind: 'enterprise', parentId: 'nb-bl-dq' },
  { _id: 'nb-hs-sj', name: '石碶街道总工会', level: 'street', parentId: 'nb-hs', address: '海曙区石碶街道' },
  { _id: 'nb-hs-sj-wl', name: '石碶物流园联合工会', level: 'grassroots', kind: 'joint', parentId: 'nb-hs-sj' },
  { _id: 'nb-yz', name: '鄞州区总工会', level: 'district', parentId: 'nb', address: '宁波市鄞州区' },
  { _id: 'nb-yz-sn', name: '首南街道总工会', level: 'street', parentId: 'nb-yz', address: '鄞州区首南街道' },
  { _id: 'nb-yz-sn-kj', name: '宁波南部商务区科技企业联合工会', level: 'grassroots', kind: 'joint', parentId: 'nb-yz-sn' },
  { _id: 'nb-zh', name: '镇海区总工会', level: 'district', parentId: 'nb', address: '宁波市镇海区' },
  { _id: 'nb-zh-zbs', name: '招宝山街道总工会', level: 'street', parentId: 'nb-zh', address: '镇海区招宝山街道' },
  { _id: 'nb-jy-nbzx', name: '宁波市第二中学工会', level: 'grassroots', kind: 'enterprise', parentId: 'nb-jy' },
];

function ancestorsOf(id: string): string[] {
  const byId = new Map(UNION_TREE.map((u) => [u._id, u]));
  const chain: string[] = [];
  for (let u = byId.get(id); u; u = u.parentId ? byId.get(u.parentId) : undefined) chain.unshift(u._id);
  return chain;
}

const USERS: Record<string, { nameMasked: string; memberStatus: 'none' | 'verified'; unionId: string | null; adminUnionIds: string[] }> = {
  guest: { nameMasked: '陈*', memberStatus: 'none', unionId: null, adminUnionIds: [] },
  member: { nameMasked: '王*国', memberStatus: 'verified', unionId: 'nb-bl-xq-gw', adminUnionIds: [] },
  parent: { nameMasked: '李*梅', memberStatus: 'verified', unionId: 'nb-bl-xq-lh', adminUnionIds: [] },
  district_admin: { nameMasked: '周*燕', memberStatus: 'verified', unionId: 'nb-bl', adminUnionIds: ['nb-bl'] },
  city_admin: { nameMasked: '郑*强', memberStatus: 'verified', unionId: 'nb', adminUnionIds: ['nb'] },
};

const NOTICES = [
  {
    title: '【周五福利】本周五 10:00 流量包、电影票限量免费领',
    unionName: '宁波市总工会',
    hoursAgo: 2,
    body: '本周五上午 10:00 起，已认证的工会会员可在「福利」页领取流量包、电影票等福利，数量有限，先到先得。\n部分福利采用登记抽签方式，登记截止后由系统公开抽签，结果在「我的福利」中查看。\n领到的兑换码请在有效期内到指定地点出示核销。',
  },
  {
    title: '2026 年暑期爱心托管班（免费暑托班）报名须知',
    unionName: '北仑区总工会',
    hoursAgo: 26,
    body: '暑托班面向辖区内职工子女，免费参加。\n请先在「暑托班」页添加孩子信息（需监护人同意），再选择托管点和期次报名；名额不足时按公开抽签录取，其余进入候补。\n录取结果会通过消息通知您，请留意「我的 → 消息」。',
  },
  {
    title: '北仑区职工疗休养第一批次开始申报',
    unionName: '北仑区总工会',
    hoursAgo: 50,
    body: '第一批次职工疗休养开始申报，已认证会员可在「疗休养」页选择批次提交申请。\n工会按工龄、近年参加情况等综合排序审批，结果会通过消息通知。',
  },
  {
    title: '甬工惠网上入会指南：三步成为工会会员',
    unionName: '宁波市总工会',
    hoursAgo: 120,
    body: '第一步：在首页点「入会」，填写姓名、身份证号和工作单位。\n第二步：选择所在单位的工会（单位未建会的，可选所在街道或乡镇的工会）。\n第三步：等待工会审核，审核结果会通过消息通知您；通过后即可在「会员卡」中出示电子会员卡。',
  },
];

/** Demo data older than this shows drops, day-care windows and batches that have passed. */
const DEMO_STALE_DAYS = 7;

/**
 * A line for the console when this folder's demo data no longer shows what the README
 * describes: written by an older seed version, or long enough ago that its dates (this
 * Friday's drops, open sign-up windows) have passed. Null when it is fine or not seeded by us.
 */
export async function demoDataNotice(dbUrl: string, now: number): Promise<string | null> {
  const app = tcb.init({ env: 'local', serviceUrl: dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0]);
  const marker = (await app.database().collection(C.meta).doc('seed').get()).data[0] as
    { version?: number; seededAt?: Date | string } | undefined;
  if (!marker) return null;
  if ((marker.version ?? 0) < SEED_VERSION) {
    return `提示：本地数据由旧版演示数据（v${marker.version ?? 0}）生成，运行 npm run reset 后重新启动可写入新版演示数据（会删除本地数据）`;
  }
  const days = marker.seededAt ? Math.floor((now - new Date(marker.seededAt).getTime()) / 86_400_000) : 0;
  if (days >= DEMO_STALE_DAYS) {
    return `提示：演示数据写入于 ${days} 天前，其中的周五福利、报名时间等可能已过期；运行 npm run reset 后重新启动可重新生成（会删除本地数据）`;
  }
  return null;
}

/** Seed the demo data if this database has not been seeded yet. Returns true when it seeded. */
export async function seedIfEmpty(dbUrl: string, now: number): Promise<boolean> {
  const app = tcb.init({ env: 'local', serviceUrl: dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0]);
  const db = app.database();
  const marker = await db.collection(C.meta).doc('seed').get();
  if (marker.data.length > 0) return false;

  for (const u of UNION_TREE) {
    await db
      .collection(C.unions)
      .doc(u._id)
      .set({
        code: u._id,
        name: u.name,
        level: u.level,
        kind: u.kind ?? null,
        parentId: u.parentId,
        ancestors: ancestorsOf(u._id),
        address: u.address ?? '',
        createdAt: new Date(now),
      });
  }
  for (const p of PERSONAS) {
    const u = USERS[p.id];
    await db
      .collection(C.users)
      .doc(p.openid)
      .set({
        openid: p.openid,
        nameMasked: u.nameMasked,
        memberStatus: u.memberStatus,
        unionId: u.unionId,
        adminUnionIds: u.adminUnionIds,
        // As an appointment (member.adminAppoint, ops:set-admin) marks an admin: requireAdmin's
        // one-time marker write is then left for admins set by hand in the database.
        ...(u.adminUnionIds.length ? { actedAsAdminAt: new Date(now) } : {}),
        createdAt: new Date(now),
      });
  }
  await seedMembership(db, PERSONAS, ancestorsOf, now);
  await seedContent(db, now);
  await seedRecuperation(db, ancestorsOf, now);
  await seedDaycare(db, PERSONAS, ancestorsOf, now);
  await seedBenefit(db, ancestorsOf, now);
  await seedHome(db, now);
  for (const [i, n] of NOTICES.entries()) {
    await db
      .collection(C.notices)
      .doc(`notice-${i + 1}`)
      .set({
        title: n.title,
        unionName: n.unionName,
        publishedAt: new Date(pastDaytime(now - n.hoursAgo * 3600_000)),
        body: n.body,
      });
  }
  await db
    .collection(C.meta)
    .doc('seed')
    .set({ version: SEED_VERSION, seededAt: new Date(now) });
  return true;
}
