/**
 * Recuperation demo data: two venues, batches published by 北仑区总工会 (one opening in two
 * weeks, one in five, one finished two years ago), unit settings for four 北仑 units, three
 * colleagues of 王建国 who already applied (so the ranking has something to rank), a worker who
 * went two years ago, a unit-level admin of 宁波北仑港务有限公司工会 and a pending 本地行 claim.
 *
 * The unit admin is not a persona (the persona list is shared): call as
 * `x-local-openid: o_local_unitadmin_gangwu`. In the H5 demo the district admin (周海燕)
 * acts on the units of 北仑, which the scope rule allows.
 */
import type tcb from '@cloudbase/node-sdk';
import { C } from '../../../cloudfunctions/_lib/collections';
import { applicationId, rosterCounterId, yearCounterId } from '../../../cloudfunctions/recuperation/lib/ids';
import { priorityScore } from '../../../shared/recuperation/priority';
import { computeSubsidy } from '../../../shared/recuperation/subsidy';
import { inBusinessTz } from '../../../shared/time';
import type { MemberTag } from '../../../shared/member/tags';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export const RECU_UNIT_ADMIN_OPENID = 'o_local_unitadmin_gangwu';
export const RECU_SEED_BATCH_SOON = 'batch_seed_gongren';
export const RECU_SEED_BATCH_LATER = 'batch_seed_shipu';

const DAY = 86_400_000;

interface Colleague {
  openid: string;
  nameMasked: string;
  tags: MemberTag[];
  hoursAgo: number;
}

/** 王建国's colleagues at 港务 who applied for the first batch already. */
const COLLEAGUES: Colleague[] = [
  { openid: 'o_local_worker_zhaoping', nameMasked: '赵*平', tags: ['frontline', 'hazardous', 'model_worker'], hoursAgo: 40 },
  { openid: 'o_local_worker_zhangmin', nameMasked: '张*敏', tags: ['frontline'], hoursAgo: 30 },
  { openid: 'o_local_worker_sunqiang', nameMasked: '孙*强', tags: ['leader'], hoursAgo: 20 },
];

export async function seedRecuperation(db: Db, ancestorsOf: (unionId: string) => string[], now: number): Promise<void> {
  const at = new Date(now);
  const date = (offsetDays: number) => inBusinessTz(now + offsetDays * DAY).format('YYYY-MM-DD');
  const year = (d: string) => Number(d.slice(0, 4));

  const venues = [
    {
      _id: 'venue_seed_gongren',
      name: '宁波工人疗养院',
      location: '象山县石浦镇半边山旅游度假区',
      address: '象山县石浦镇半边山旅游度假区 宁波工人疗养院',
      position: { lat: 29.1783, lng: 121.9561 },
      phone: '0574-65987000',
      rooms: 312,
      description: '宁波市总工会等共建，集健康养生、休闲度假、体检于一体，距市区约 70 公里。',
    },
    {
      _id: 'venue_seed_shipu',
      name: '象山石浦渔港疗休养基地',
      location: '象山县石浦镇',
      address: '象山县石浦镇渔港路 2 号',
      position: null,
      phone: null,
      rooms: 120,
      description: '渔港古城、海鲜美食，适合就近安排参观学习。',
    },
  ];
  for (const v of venues) {
    const { _id, ...fields } = v;
    await db
      .collection(C.recuVenues)
      .doc(_id)
      .set({ ...fields, ownerUnionId: 'nb', ownerAncestors: ancestorsOf('nb'), createdAt: at, updatedAt: at });
  }

  const batches = [
    {
      _id: RECU_SEED_BATCH_SOON,
      title: '宁波工人疗养院 第一批次',
      venue: venues[0],
      startDate: date(14),
      days: 5,
      capacity: 30,
      costFen: 180_000,
      status: 'open',
    },
    {
      _id: RECU_SEED_BATCH_LATER,
      title: '象山石浦 第二批次',
      venue: venues[1],
      startDate: date(35),
      days: 4,
      capacity: 20,
      costFen: 150_000,
      status: 'open',
    },
    {
      _id: 'batch_seed_past',
      title: '宁波工人疗养院 往年批次',
      venue: venues[0],
      startDate: date(-730),
      days: 5,
      capacity: 30,
      costFen: 170_000,
      status: 'closed',
    },
  ];
  for (const b of batches) {
    await db
      .collection(C.recuBatches)
      .doc(b._id)
      .set({
        title: b.title,
        venueId: b.venue._id,
        venueName: b.venue.name,
        venueLocation: b.venue.location,
        ownerUnionId: 'nb-bl',
        ownerAncestors: ancestorsOf('nb-bl'),
        startDate: b.startDate,
        days: b.days,
        year: year(b.startDate),
        capacity: b.capacity,
        seatsLeft: b.status === 'closed' ? b.capacity - 1 : b.capacity,
        costFen: b.costFen,
        status: b.status,
        createdBy: 'seed',
        createdAt: at,
        closedAt: b.status === 'closed' ? at : null,
      });
  }

  const units = [
    { _id: 'nb-bl-xq-gw', quota: 10, staffCount: 120, ownership: 'public', costCapFen: null },
    { _id: 'nb-bl-xq-lh', quota: 6, staffCount: 40, ownership: 'other', costCapFen: 250_000 },
    { _id: 'nb-bl-dq-kd', quota: 5, staffCount: 60, ownership: 'other', costCapFen: null },
    { _id: 'nb-bl-dq-jl', quota: 8, staffCount: 90, ownership: 'other', costCapFen: 200_000 },
  ];
  for (const u of units) {
    const { _id, ...fields } = u;
    await db
      .collection(C.recuUnits)
      .doc(_id)
      .set({
        ...fields,
        unionAncestors: ancestorsOf(_id),
        leaderShare: { num: 1, den: 5 },
        noRepeatYears: 3,
        staffShare: { num: 1, den: 3 },
        updatedAt: at,
        updatedBy: 'seed',
      });
  }

  // The unit-level admin (also a member of the unit, a union cadre).
  const gw = ancestorsOf('nb-bl-xq-gw');
  await db
    .collection(C.users)
    .doc(RECU_UNIT_ADMIN_OPENID)
    .set({
      openid: RECU_UNIT_ADMIN_OPENID,
      nameMasked: '陈*华',
      memberStatus: 'verified',
      unionId: 'nb-bl-xq-gw',
      unionAncestors: gw,
      tags: ['leader'],
      cardNo: null,
      adminUnionIds: ['nb-bl-xq-gw'],
      actedAsAdminAt: at, // appointed (see seed.ts)
      follows: gw,
      memberId: null,
      createdAt: at,
    });

  const soon = batches[0];
  const apply = async (c: Colleague, batch: (typeof batches)[number], status: string, submittedAt: Date, firstTime: boolean) => {
    const s = priorityScore({ tags: c.tags, firstTime });
    await db
      .collection(C.recuApplications)
      .doc(applicationId(year(batch.startDate), c.openid))
      .set({
        year: year(batch.startDate),
        memberKey: c.openid,
        openid: c.openid,
        memberId: null,
        nameMasked: c.nameMasked,
        tags: c.tags,
        isLeader: c.tags.includes('leader'),
        unionId: 'nb-bl-xq-gw',
        unionAncestors: gw,
        batchId: batch._id,
        score: s.score,
        scoreLines: s.lines,
        status,
        source: 'self',
        nominatedBy: null,
        submittedAt,
        decidedAt: status === 'pending' ? null : submittedAt,
        decidedBy: status === 'pending' ? null : 'seed',
        refuseReason: null,
        costFen: batch.costFen,
      });
  };
  const worker = async (c: Colleague) =>
    db.collection(C.users).doc(c.openid).set({
      openid: c.openid,
      nameMasked: c.nameMasked,
      memberStatus: 'verified',
      unionId: 'nb-bl-xq-gw',
      unionAncestors: gw,
      tags: c.tags,
      cardNo: null,
      adminUnionIds: [],
      follows: gw,
      memberId: null,
      createdAt: at,
    });
  for (const c of COLLEAGUES) {
    await worker(c);
    await apply(c, soon, 'pending', new Date(now - c.hoursAgo * 3600_000), true);
  }

  // A worker who went two years ago: the no-repeat period (3 years) keeps them out this year.
  const past = batches[2];
  const qian: Colleague = { openid: 'o_local_worker_qianli', nameMasked: '钱*丽', tags: ['frontline'], hoursAgo: 0 };
  await worker(qian);
  await apply(qian, past, 'attended', new Date(now - 760 * DAY), true);
  const pastYear = year(past.startDate);
  await db
    .collection(C.recuCounters)
    .doc(yearCounterId('nb-bl-xq-gw', pastYear))
    .set({ unionId: 'nb-bl-xq-gw', year: pastYear, limit: 10, placesLeft: 9, approved: 1 });
  await db.collection(C.recuCounters).doc(rosterCounterId(past._id, 'nb-bl-xq-gw')).set({ approved: 1, leaders: 0 });

  // A 本地行 claim by a private enterprise's union, waiting for 北仑区总工会.
  const claim = { persons: 12, days: 2, spendPerPersonPerDayFen: 46_000 };
  const startDate = date(-20);
  await db
    .collection(C.recuSubsidies)
    .doc('subsidy_seed_kaida')
    .set({
      unionId: 'nb-bl-dq-kd',
      unionAncestors: ancestorsOf('nb-bl-dq-kd'),
      year: year(startDate),
      place: '北仑九峰山',
      startDate,
      ...claim,
      ...computeSubsidy(claim),
      status: 'pending',
      rejectReason: null,
      submittedBy: 'seed',
      submittedAt: new Date(now - 5 * DAY),
      decidedBy: null,
      decidedAt: null,
    });
}
