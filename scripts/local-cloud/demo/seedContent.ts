/**
 * Content demo data: articles and activities of 北仑区总工会 and 宁波市总工会 (times relative to
 * `now`, so a fresh demo always has an activity open for sign-up), follower counters from the
 * seeded users' follows. Bodies go through the same sanitiser as the admin's input.
 */
import { futureDaytime, pastDaytime } from './seedTime';
import type tcb from '@cloudbase/node-sdk';
import { C } from '../../../cloudfunctions/_lib/collections';
import { sanitizeHtml } from '../../../shared/content/richText';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

const HOUR = 3600_000;

interface SeedPost {
  id: string;
  unionId: 'nb' | 'nb-bl';
  kind: 'article' | 'activity';
  title: string;
  summary: string;
  html: string;
  hoursAgo: number;
  reads: number;
  activity?: {
    startInHours: number;
    durationHours: number;
    place: string;
    location?: { lat: number; lng: number };
    phone?: string;
    capacity?: number;
    deadlineInHours?: number;
  };
}

const UNIONS = {
  nb: { name: '宁波市总工会', ancestors: ['nb'] },
  'nb-bl': { name: '北仑区总工会', ancestors: ['nb', 'nb-bl'] },
};

const POSTS: SeedPost[] = [
  {
    id: 'p_seed_bl_walk',
    unionId: 'nb-bl',
    kind: 'activity',
    title: '“奋进北仑”职工健步走活动报名啦',
    summary: '线上报名、线下参加，名额 30 人，先到先得，满员后可候补。',
    html: '<p>为丰富职工业余文化生活，北仑区总工会将举办“奋进北仑”职工健步走活动，全程约 6 公里。</p><h3>活动安排</h3><ul><li>集合：北仑区职工文化中心广场</li><li>路线：新碶街道滨江绿道往返</li><li>完成全程可领取纪念品一份</li></ul><p>请穿着运动服装，注意安全。报名成功后请准时到场签到。</p>',
    hoursAgo: 3,
    reads: 1286,
    activity: {
      startInHours: 5 * 24,
      durationHours: 3,
      place: '北仑区职工文化中心广场',
      location: { lat: 29.9031, lng: 121.8452 },
      phone: '0574-86783000',
      capacity: 30,
      deadlineInHours: 3 * 24,
    },
  },
  {
    id: 'p_seed_bl_law',
    unionId: 'nb-bl',
    kind: 'activity',
    title: '职工法律维权公益讲座（线下自由参加）',
    summary: '劳动合同、工伤认定、加班工资，律师现场答疑。',
    html: '<p>北仑区职工服务中心邀请执业律师讲解劳动合同签订与解除、工伤认定流程、加班工资计算等职工关心的问题，现场答疑。</p><p>无需报名，欢迎职工自由参加。</p>',
    hoursAgo: 28,
    reads: 654,
    activity: { startInHours: 9 * 24, durationHours: 2, place: '北仑区职工服务中心三楼报告厅' },
  },
  {
    id: 'p_seed_bl_summer',
    unionId: 'nb-bl',
    kind: 'article',
    title: '北仑区 2026 年暑期爱心托管班开始报名',
    summary: '面向双职工小微企业职工子女，每期 3 周，免费。',
    html: '<p>为解决双职工家庭暑期子女看护难题，北仑区总工会联合各街道开办暑期爱心托管班。</p><blockquote>优先保障小微企业双职工家庭、单亲家庭和困难职工家庭。</blockquote><p>报名请进入首页“暑托班”。</p>',
    hoursAgo: 50,
    reads: 3420,
  },
  {
    id: 'p_seed_nb_friday',
    unionId: 'nb',
    kind: 'article',
    title: '甬工惠“周五福利”本周上新：流量包、电影票限量免费领',
    summary: '每周五 10:00 准时开抢，认证会员可参与。',
    html: '<p>本周五 10:00，甬工惠将上线 2000 份 10GB 流量包和 500 张“0 元看大片”电影票。</p><p><strong>参与方式：</strong>完成入会认证的会员，进入“福利”页面即可参与。</p>',
    hoursAgo: 8,
    reads: 12034,
  },
  {
    id: 'p_seed_nb_model',
    unionId: 'nb',
    kind: 'article',
    title: '宁波市总工会发布 2026 年度“最美职工”名单',
    summary: '20 名来自生产一线的职工获评，其中北仑港区 3 人。',
    html: '<p>经推荐、评审和公示，宁波市总工会发布 2026 年度“最美职工”名单，20 名来自生产一线的职工获此殊荣。</p><h3>一线职工占比过半</h3><p>获评职工中，港口、制造、快递物流等一线岗位职工 12 人。</p>',
    hoursAgo: 75,
    reads: 8120,
  },
];

export async function seedContent(db: Db, now: number): Promise<void> {
  for (const p of POSTS) {
    const union = UNIONS[p.unionId];
    const publishedAt = new Date(pastDaytime(now - p.hoursAgo * HOUR));
    const a = p.activity;
    const startAt = a ? futureDaytime(now + a.startInHours * HOUR) : 0;
    const activity = a
      ? {
          startAt: new Date(startAt),
          endAt: new Date(startAt + a.durationHours * HOUR),
          place: a.place,
          location: a.location ?? null,
          phone: a.phone ?? null,
          signup: a.capacity
            ? {
                capacity: a.capacity,
                deadline: new Date(Math.min(startAt, futureDaytime(now + (a.deadlineInHours ?? a.startInHours) * HOUR))),
              }
            : null,
        }
      : null;
    const body = sanitizeHtml(p.html).nodes;
    await db
      .collection(C.posts)
      .doc(p.id)
      .set({
        unionId: p.unionId,
        unionName: union.name,
        unionAncestors: union.ancestors,
        kind: p.kind,
        title: p.title,
        summary: p.summary,
        cover: null,
        body,
        status: 'published',
        publishAt: null,
        publishedAt,
        withdrawnAt: null,
        withdrawReason: null,
        activity,
        remaining: activity?.signup?.capacity ?? 0,
        waitlisted: 0,
        checkedIn: 0,
        readCount: p.reads,
        version: 2,
        createdBy: 'seed',
        createdAt: publishedAt,
        updatedAt: publishedAt,
        updatedBy: 'seed',
      });
  }
  // Follower counters from the seeded users' follows (the nightly recount keeps them true later).
  const users = await db.collection(C.users).field({ follows: true }).limit(1000).get();
  const counts = new Map<string, number>();
  for (const u of users.data as Array<{ follows?: string[] }>) for (const id of u.follows ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, followers] of counts)
    await db
      .collection(C.unionStats)
      .doc(id)
      .set({ followers, recountedAt: new Date(now) });
}
