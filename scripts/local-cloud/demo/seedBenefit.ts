/**
 * Demo drops for the 福利 tab, relative to `now` so a fresh demo always shows every state:
 * one first-come drop already open (抢), one opening next Friday 10:00 (未开始 with the
 * countdown), and one draw taking registrations (报名) that draws next Friday 10:00.
 * The 流量 drop has no venue (it arrives on the phone); the others say where to redeem, with
 * plausible Ningbo positions (GCJ-02) and numbers.
 */
import type tcb from '@cloudbase/node-sdk';
import { C } from '../../../cloudfunctions/_lib/collections';
import { newDropDocs, type NewDropInput } from '../../../cloudfunctions/benefit/lib/newDrop';
import { defaultOpening } from '../../../shared/benefit/rules';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export async function seedBenefit(db: Db, ancestorsOf: (id: string) => string[], now: number): Promise<void> {
  const friday = defaultOpening(now);
  const union = (id: string, name: string) => ({ _id: id, name, ancestors: ancestorsOf(id) });
  const base = {
    picture: null,
    perMemberLimit: 1,
    requiredTags: [],
    registerOpensAt: null,
    registerClosesAt: null,
    expiryPolicy: 'report' as const,
    createdBy: 'o_local_admin_beilun',
    now,
  };
  const drops: NewDropInput[] = [
    {
      ...base,
      dropId: 'ddemo0open',
      union: union('nb-bl', '北仑区总工会'),
      title: '10GB 通用流量包',
      kind: 'data',
      stock: 50,
      mode: 'first_come',
      opensAt: now - HOUR,
      closesAt: now + DAY,
      redeemBy: now + 30 * DAY,
    },
    {
      ...base,
      dropId: 'ddemo0film',
      union: union('nb', '宁波市总工会'),
      title: '0元看大片 · 周末电影票',
      kind: 'film',
      stock: 500,
      mode: 'first_come',
      opensAt: friday,
      closesAt: friday + DAY,
      redeemBy: friday + 14 * DAY,
      venue: {
        name: '宁波鄞州万达影城',
        address: '鄞州区四明中路 999 号 鄞州万达广场 4 楼',
        hours: '每天 10:00–23:00，凭兑换码到服务台换票',
        location: { lat: 29.8196, lng: 121.5589 },
        phone: '0574-88263366',
      },
    },
    {
      ...base,
      dropId: 'ddemo0park',
      union: union('nb-bl', '北仑区总工会'),
      title: '方特东方神画乐园门票',
      kind: 'park',
      stock: 100,
      mode: 'draw',
      opensAt: friday,
      closesAt: friday + DAY,
      redeemBy: friday + 60 * DAY,
      registerOpensAt: now - HOUR,
      registerClosesAt: friday - HOUR > now ? friday - HOUR : friday - 60_000,
      venue: {
        name: '宁波方特东方神画 游客中心',
        address: '慈溪市杭州湾新区滨海二路 方特东方神画',
        hours: '9:30–17:00（周一闭园，节假日除外）',
        location: { lat: 30.3252, lng: 121.2368 },
        phone: '0574-63076666',
      },
    },
  ];
  for (const input of drops) {
    const docs = newDropDocs(input);
    if (docs.secret) await db.collection(C.dropSecrets).doc(docs.secret._id).set({ seed: docs.secret.seed });
    if (docs.draw) await db.collection(C.dropDraws).add(docs.draw);
    for (const s of docs.stock) await db.collection(C.dropStock).add(s);
    await db.collection(C.drops).add(docs.drop);
  }
}
