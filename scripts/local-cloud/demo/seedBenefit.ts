/**
 * Demo drops for the 福利 tab, relative to `now` so a fresh demo always shows every state:
 * one first-come drop already open (抢), one opening next Friday 10:00 (未开始 with the
 * countdown), and one draw taking registrations (报名) that draws next Friday 10:00.
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
  const base = { picture: null, perMemberLimit: 1, requiredTags: [], registerOpensAt: null, registerClosesAt: null, expiryPolicy: 'report' as const, createdBy: 'o_local_admin_beilun', now };
  const drops: NewDropInput[] = [
    { ...base, dropId: 'ddemo0open', union: union('nb-bl', '北仑区总工会'), title: '10GB 通用流量包', kind: 'data', stock: 50, mode: 'first_come', opensAt: now - HOUR, closesAt: now + DAY, redeemBy: now + 30 * DAY },
    { ...base, dropId: 'ddemo0film', union: union('nb', '宁波市总工会'), title: '0元看大片 · 周末电影票', kind: 'film', stock: 500, mode: 'first_come', opensAt: friday, closesAt: friday + DAY, redeemBy: friday + 14 * DAY },
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
