/**
 * Day-care demo data. The demo runs any day of the year (the project's demo date is in
 * November), so the sign-up windows are relative to `now`: both campaigns opened an hour ago
 * and close in 3 days; their periods are in the coming summer.
 *
 * - 北仑区总工会 (nb-bl), lottery: 新碶 (科技) and 大碶 (文艺) sites, 2 periods × 2 bands × 30
 *   places; 36 families already signed up for 新碶 第一期 一至三年级 (oversubscribed), 12 for
 *   大碶 第一期 四至六年级. The seed's SHA-256 commitment is shown from the start.
 * - 新碶街道总工会 (nb-bl-xq), first-come: one site, 1 period × 2 bands × 20 places, 5 taken.
 * - 李秀梅 (parent) has given the guardian consent, has one child (李小雨, 2nd grade next
 *   summer) not yet signed up, and declared 双职工小微企业.
 * - 王建国 (member) is named staff of the 新碶 site; 周海燕 (district admin) is staff of every
 *   北仑 site through the host-union rule.
 * Children here are invented; their data never leaves this database.
 */
import { nodeHashes } from '../../../cloudfunctions/_lib/hashes';
import { randomBytes } from 'node:crypto';
import type tcb from '@cloudbase/node-sdk';
import { C } from '../../../cloudfunctions/_lib/collections';
import { commitmentOf } from '../../../shared/daycare/lottery';
import { DEFAULT_TIER_ORDER, type Circumstance } from '../../../shared/daycare/rules';
import { maskName } from '../../../shared/member/mask';
import { inBusinessTz } from '../../../shared/time';
import type { Persona } from './personas';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export const DAYCARE_SEED_CAMPAIGN = 'dc_seed_beilun';
export const DAYCARE_SEED_FIRST_COME = 'dc_seed_xinqi';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
const GIVEN = ['子涵', '一诺', '欣怡', '浩然', '梓萱', '宇轩', '雨桐', '俊杰', '思彤', '子墨', '可馨', '明轩'];

function summerAfter(now: number): number {
  const d = inBusinessTz(now);
  return d.month() >= 6 ? d.year() + 1 : d.year();
}

interface SlotSeed {
  id: string;
  siteId: string;
  periodName: string;
  start: string;
  end: string;
  band: 'lower' | 'upper';
  capacity: number;
}

async function addCampaign(
  db: Db,
  now: number,
  c: { id: string; unionId: string; ancestors: string[]; title: string; summer: number; mode: 'lottery' | 'first_come' },
) {
  const seed = c.mode === 'lottery' ? randomBytes(32).toString('hex') : null;
  if (seed)
    await db
      .collection(C.daycareSeeds)
      .doc(c.id)
      .set({ seed, createdAt: new Date(now) });
  await db
    .collection(C.daycareCampaigns)
    .doc(c.id)
    .set({
      unionId: c.unionId,
      unionAncestors: c.ancestors,
      title: c.title,
      summer: c.summer,
      opensAt: new Date(now - 3600_000),
      closesAt: new Date(now + 3 * 86400_000),
      mode: c.mode,
      periodLimit: 1,
      attendanceThreshold: 0.7,
      offerHours: 24,
      tierOrder: [...DEFAULT_TIER_ORDER],
      seedCommitment: seed ? commitmentOf(seed, nodeHashes) : null,
      status: 'open',
      allocatedAt: null,
      createdBy: 'seed',
      createdAt: new Date(now),
    });
}

async function addSite(
  db: Db,
  now: number,
  s: {
    id: string;
    campaignId: string;
    summer: number;
    host: string;
    ancestors: string[];
    name: string;
    address: string;
    location?: { lat: number; lng: number };
    phone?: string;
    kind: 'arts' | 'science';
    staff: Array<{ openid: string; nameMasked: string; cardNo: string }>;
  },
) {
  await db
    .collection(C.daycareSites)
    .doc(s.id)
    .set({
      campaignId: s.campaignId,
      summer: s.summer,
      hostUnionId: s.host,
      hostUnionAncestors: s.ancestors,
      name: s.name,
      address: s.address,
      contactName: '张老师',
      contactPhone: s.phone ?? '0574-86881234',
      location: s.location ?? null,
      kind: s.kind,
      staffOpenids: s.staff.map((x) => x.openid),
      staff: s.staff,
      createdAt: new Date(now),
    });
}

async function addSlot(db: Db, now: number, campaignId: string, summer: number, s: SlotSeed, taken: number) {
  await db
    .collection(C.daycareSlots)
    .doc(s.id)
    .set({
      campaignId,
      siteId: s.siteId,
      summer,
      periodName: s.periodName,
      startDate: s.start,
      endDate: s.end,
      band: s.band,
      capacity: s.capacity,
      remaining: s.capacity - taken,
      createdAt: new Date(now),
    });
}

/** Families (not personas) who signed up already: a user, consent, one child, a registration. */
async function addFamilies(
  db: Db,
  now: number,
  opts: {
    campaignId: string;
    ancestors: string[];
    slot: SlotSeed;
    summer: number;
    count: number;
    offset: number;
    status: 'registered' | 'admitted';
  },
) {
  const at = new Date(now);
  for (let i = 0; i < opts.count; i++) {
    const n = opts.offset + i;
    const openid = `o_seed_dc_family_${String(n).padStart(3, '0')}`;
    const name = SURNAMES[n % SURNAMES.length] + GIVEN[(n + Math.floor(n / SURNAMES.length)) % GIVEN.length];
    const childId = `ch_seed_${n}`;
    const regId = `seedreg${String(n).padStart(4, '0')}`;
    const circumstances: Circumstance[] =
      n % 5 === 0 ? ['dual_worker_sme'] : n % 7 === 0 ? ['single_parent'] : n % 11 === 0 ? ['hardship'] : [];
    const grade = opts.slot.band === 'lower' ? 1 + (n % 3) : 4 + (n % 3);
    await db
      .collection(C.users)
      .doc(openid)
      .set({
        openid,
        nameMasked: '家*长',
        memberStatus: 'verified',
        unionId: 'nb-bl-xq-lh',
        unionAncestors: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-lh'],
        tags: [],
        cardNo: null,
        adminUnionIds: [],
        follows: [],
        createdAt: at,
      });
    await db.collection(C.daycareConsents).doc(openid).set({ version: 1, consentedAt: at });
    await db
      .collection(C.daycareChildren)
      .doc(childId)
      .set({
        guardianOpenid: openid,
        name,
        nameMasked: maskName(name),
        gender: n % 2 ? 'male' : 'female',
        birthDate: `${opts.summer - 6 - grade}-0${1 + (n % 8)}-15`,
        grade: null,
        gradeRecordedOn: null,
        school: n % 2 ? '北仑区新碶小学' : '北仑区大碶小学',
        emergencyName: '家长',
        emergencyPhone: `1380574${String(3000 + n).padStart(4, '0')}`,
        healthNotes: n % 9 === 0 ? '花生过敏' : '',
        createdAt: at,
      });
    if (circumstances.length) {
      await db
        .collection(C.daycareFamilies)
        .doc(openid)
        .set({ circumstances: circumstances.map((kind) => ({ kind, status: 'declared', declaredAt: at })), updatedAt: at });
    }
    const holdId = `${childId}_${opts.summer}_1`;
    await db
      .collection(C.daycareHolds)
      .doc(holdId)
      .set({ childId, summer: opts.summer, registrationId: regId, requestId: `seed-${n}`, createdAt: at });
    await db
      .collection(C.daycareRegistrations)
      .doc(regId)
      .set({
        campaignId: opts.campaignId,
        campaignUnionAncestors: opts.ancestors,
        siteId: opts.slot.siteId,
        slotId: opts.slot.id,
        summer: opts.summer,
        childId,
        childNameMasked: maskName(name),
        guardianOpenid: openid,
        holdId,
        status: opts.status,
        tier: null,
        queueKey: `f_${String(now - 3600_000 + n * 1000).padStart(15, '0')}_${regId}`,
        lotteryRank: null,
        reason:
          opts.status === 'admitted'
            ? `先到先得：报名时尚有名额，已录取（共 ${opts.slot.capacity} 个名额）`
            : '报名成功，报名截止后按优先档次摇号，结果将通知您',
        offerExpiresAt: null,
        attendance: {},
        requestId: `seed-${n}`,
        createdAt: new Date(now - 3600_000 + n * 1000),
        updatedAt: at,
      });
  }
}

export async function seedDaycare(db: Db, personas: Persona[], ancestorsOf: (unionId: string) => string[], now: number): Promise<void> {
  const summer = summerAfter(now);
  const openidOf = (id: string) => personas.find((p) => p.id === id)?.openid ?? '';
  const memberCard = (await db.collection(C.users).doc(openidOf('member')).get()).data[0] as { cardNo?: string } | undefined;
  const at = new Date(now);

  await addCampaign(db, now, {
    id: DAYCARE_SEED_CAMPAIGN,
    unionId: 'nb-bl',
    ancestors: ancestorsOf('nb-bl'),
    title: `北仑区 ${summer} 年暑期爱心托管班（免费暑托班）`,
    summer,
    mode: 'lottery',
  });
  await addSite(db, now, {
    id: 'ds_seed_xinqi',
    campaignId: DAYCARE_SEED_CAMPAIGN,
    summer,
    host: 'nb-bl-xq',
    ancestors: ancestorsOf('nb-bl-xq'),
    name: '新碶街道职工子女暑托班',
    address: '北仑区新碶街道明州路 501 号 社区学校三楼',
    location: { lat: 29.9012, lng: 121.8476 },
    phone: '0574-86881234',
    kind: 'science',
    staff: [{ openid: openidOf('member'), nameMasked: '王*国', cardNo: memberCard?.cardNo ?? '' }],
  });
  await addSite(db, now, {
    id: 'ds_seed_daqi',
    campaignId: DAYCARE_SEED_CAMPAIGN,
    summer,
    host: 'nb-bl-dq',
    ancestors: ancestorsOf('nb-bl-dq'),
    name: '大碶街道文艺暑托班',
    address: '北仑区大碶街道华山路 88 号 文化站',
    location: { lat: 29.8857, lng: 121.7961 },
    phone: '0574-86112088',
    kind: 'arts',
    staff: [],
  });
  const periods = [
    { name: '第一期', start: `${summer}-07-05`, end: `${summer}-07-23` },
    { name: '第二期', start: `${summer}-07-26`, end: `${summer}-08-13` },
  ];
  const slots: SlotSeed[] = [];
  for (const site of ['xinqi', 'daqi']) {
    for (const [p, period] of periods.entries()) {
      for (const band of ['lower', 'upper'] as const) {
        slots.push({
          id: `dp_seed_${site}_${p + 1}_${band}`,
          siteId: `ds_seed_${site}`,
          periodName: period.name,
          start: period.start,
          end: period.end,
          band,
          capacity: 30,
        });
      }
    }
  }
  for (const s of slots) await addSlot(db, now, DAYCARE_SEED_CAMPAIGN, summer, s, 0);
  const blAncestors = ancestorsOf('nb-bl');
  await addFamilies(db, now, {
    campaignId: DAYCARE_SEED_CAMPAIGN,
    ancestors: blAncestors,
    slot: slots[0],
    summer,
    count: 36,
    offset: 0,
    status: 'registered',
  });
  await addFamilies(db, now, {
    campaignId: DAYCARE_SEED_CAMPAIGN,
    ancestors: blAncestors,
    slot: slots[5],
    summer,
    count: 12,
    offset: 36,
    status: 'registered',
  });

  await addCampaign(db, now, {
    id: DAYCARE_SEED_FIRST_COME,
    unionId: 'nb-bl-xq',
    ancestors: ancestorsOf('nb-bl-xq'),
    title: `新碶街道 ${summer} 年社区暑托班（先到先得）`,
    summer,
    mode: 'first_come',
  });
  await addSite(db, now, {
    id: 'ds_seed_xq_community',
    campaignId: DAYCARE_SEED_FIRST_COME,
    summer,
    host: 'nb-bl-xq',
    ancestors: ancestorsOf('nb-bl-xq'),
    name: '新碶社区文艺暑托班',
    address: '北仑区新碶街道太河路 66 号 社区活动中心',
    kind: 'arts',
    staff: [],
  });
  const fc: SlotSeed[] = (['lower', 'upper'] as const).map((band) => ({
    id: `dp_seed_xqc_${band}`,
    siteId: 'ds_seed_xq_community',
    periodName: '暑期班',
    start: `${summer}-07-12`,
    end: `${summer}-07-30`,
    band,
    capacity: 20,
  }));
  await addSlot(db, now, DAYCARE_SEED_FIRST_COME, summer, fc[0], 5);
  await addSlot(db, now, DAYCARE_SEED_FIRST_COME, summer, fc[1], 0);
  await addFamilies(db, now, {
    campaignId: DAYCARE_SEED_FIRST_COME,
    ancestors: ancestorsOf('nb-bl-xq'),
    slot: fc[0],
    summer,
    count: 5,
    offset: 48,
    status: 'admitted',
  });

  // 李秀梅: consent given, one child not signed up yet, a declared circumstance.
  const parent = openidOf('parent');
  await db.collection(C.daycareConsents).doc(parent).set({ version: 1, consentedAt: at });
  await db
    .collection(C.daycareChildren)
    .doc('ch_seed_lixiaoyu')
    .set({
      guardianOpenid: parent,
      name: '李小雨',
      nameMasked: '李*雨',
      gender: 'female',
      birthDate: `${summer - 8}-05-12`,
      grade: null,
      gradeRecordedOn: null,
      school: '北仑区新碶小学',
      emergencyName: '张伟（父亲）',
      emergencyPhone: '13905741288',
      healthNotes: '',
      createdAt: at,
    });
  await db
    .collection(C.daycareFamilies)
    .doc(parent)
    .set({ circumstances: [{ kind: 'dual_worker_sme', status: 'declared', declaredAt: at }], updatedAt: at });
}
