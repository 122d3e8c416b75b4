/**
 * 注销账号 (member.deletionPreview / member.deleteAccount) through the local cloud. A member with
 * something in every domain — a redeemed and an unredeemed benefit code, a draw registration, a
 * follow, notices and a queued subscribe message, an activity sign-up with someone waiting behind,
 * a day-care child signed up (not admitted), a pending recuperation application and a past trip,
 * an act as union staff — deletes the account. Then every collection is read: nothing holds the old
 * openid; what is kept holds the tombstone and no name or phone; the member record is unlinked
 * and can be claimed again. Blocked cases change nothing; a run cut short (by the step functions
 * called directly, as a crash would leave them) is finished by a retry or by the timer in the
 * same state as an uninterrupted run.
 */
import { C, COLLECTION_SPECS } from '../../../cloudfunctions/_lib/collections';
import { createLogger } from '../../../cloudfunctions/_lib/log';
import type { BaseContext } from '../../../cloudfunctions/_lib/router';
import { beginDeletion, markStep, takeLease, type StepContext } from '../../../cloudfunctions/member/lib/deletion/job';
import { STEPS } from '../../../cloudfunctions/member/lib/deletion/run';
import { openidKey, tombstoneOf } from '../../../cloudfunctions/member/lib/deletion/tombstone';
import { applicationId } from '../../../cloudfunctions/recuperation/lib/ids';
import type { ClaimView } from '../../../shared/benefit/schemas';
import type { AddChildResult } from '../../../shared/daycare/views';
import type { Result } from '../../../shared/envelope';
import { DELETED_NAME, DELETED_STAFF_NAME, type DeleteAccountResult, type DeletionPreview } from '../../../shared/member/deletion';
import type { AdminMemberHistoryResult, ClaimResult, Profile } from '../../../shared/member/schemas';
import type { BatchView } from '../../../shared/recuperation/schemas';
import { callBenefit, claimAs, givenDrop } from '../../scenarios/benefit';
import { captureConsole, givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { givenActivity, givenMembers as givenFollowers } from '../../scenarios/content';
import { givenCampaign } from '../../scenarios/daycare';
import { as, givenAdminOf, givenVerifiedMember, newIdNumber, newOpenid } from '../../scenarios/member';
import { GANGWU, givenBatch, givenUnit } from '../../scenarios/recuperation';

let t: TestCloud;
// Function logs are checked for openids at the end.
const output = captureConsole();

beforeAll(async () => {
  t = await givenLocalCloud();
  await givenUnit(t, GANGWU);
});
afterAll(async () => {
  await t?.close();
});

const DISTRICT = { persona: 'district_admin' } as const;
const CHILD_NAME = '张小雨';

async function must<T>(p: Promise<Result<T>>, what = 'call'): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

const now = () => t.cloud.clock.now();
const advance = (ms: number) => t.setClock(new Date(now() + ms));

function preview(openid: string) {
  return t.call<DeletionPreview>('member', 'deletionPreview', {}, as(openid));
}
function deleteAccount(openid: string, confirm = '注销') {
  return t.call<DeleteAccountResult>('member', 'deleteAccount', { confirm }, as(openid));
}

/** Every document of every collection whose JSON contains `needle`, by collection. */
async function docsMentioning(needle: string): Promise<Record<string, Array<Record<string, unknown>>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const { name } of COLLECTION_SPECS) {
    for (let skip = 0; ; skip += 1000) {
      const res = await t.db.collection(name).orderBy('_id', 'asc').skip(skip).limit(1000).get();
      for (const doc of res.data as Array<Record<string, unknown>>) {
        if (JSON.stringify(doc).includes(needle)) (out[name] ??= []).push(doc);
      }
      if (res.data.length < 1000) break;
    }
  }
  return out;
}

/** What is left of a deleted user, comparable between users: per collection, the statuses of the kept documents. */
async function remains(openid: string): Promise<Record<string, string[]>> {
  const kept = await docsMentioning(tombstoneOf(openid));
  const out: Record<string, string[]> = {};
  for (const [name, docs] of Object.entries(kept)) {
    out[name] = docs.map((d) => String(d.status ?? d.result ?? d.outcome ?? d.kind ?? '-')).sort();
  }
  return out;
}

interface Busy {
  openid: string;
  realName: string;
  idNumber: string;
  phone: string;
  memberId: string;
  cardNo: string;
  childId: string;
  waiter: string;
  activityId: string;
  kept: { dropId: string; code: string };
  voided: { dropId: string };
  drawDropId: string;
  pastTripId: string;
}

/** A member with something in every domain, made through the real actions (plus two older records written directly). */
async function givenBusyMember(): Promise<Busy> {
  const m = await givenVerifiedMember(t);
  const me = as(m.openid);
  await must(t.call('content', 'follow', { unionId: 'nb-hs', follow: true }, me), 'follow');
  // Subscribed to activity messages: the sign-up below queues one in the outbox.
  await must(t.call('notify', 'optIn', { results: [{ template: 'activity_signup', result: 'accept' }] }, me), 'optIn');
  const activity = await givenActivity(t, { capacity: 1 });
  await must(t.call('content', 'signUp', { postId: activity.id }, me), 'signUp');
  const [waiter] = await givenFollowers(t, 1);
  await must(t.call('content', 'signUp', { postId: activity.id }, as(waiter)), 'waiter signUp');

  const campaign = await givenCampaign(t, { mode: 'lottery', sites: [[{ capacity: 5 }]] });
  await must(t.call('daycare', 'consent', { agree: true }, me), 'consent');
  const child = await must(
    t.call<AddChildResult>(
      'daycare',
      'addChild',
      {
        name: CHILD_NAME,
        gender: 'female',
        birthDate: `${campaign.summer - 8}-03-01`,
        school: '新碶小学',
        emergencyName: '张小明',
        emergencyPhone: '13900001111',
      },
      me,
    ),
    'addChild',
  );
  await must(t.call('daycare', 'declareFamily', { circumstances: ['single_parent'] }, me), 'declareFamily');
  await must(t.call('daycare', 'signUp', { slotId: campaign.sites[0].slotIds[0], childId: child.child.id }, me), 'daycare signUp');

  const batch: BatchView = await givenBatch(t);
  await must(t.call('recuperation', 'apply', { batchId: batch.id }, me), 'recuperation apply');
  // A trip two years ago, keyed by the openid (written before member ids existed): kept, re-keyed.
  const pastTripId = applicationId(2024, m.openid);
  await t.db
    .collection(C.recuApplications)
    .doc(pastTripId)
    .set({
      year: 2024,
      memberKey: m.openid,
      openid: m.openid,
      memberId: null,
      nameMasked: '张*明',
      tags: ['frontline'],
      isLeader: false,
      unionId: GANGWU,
      unionAncestors: ['nb', 'nb-bl', 'nb-bl-xq', GANGWU],
      batchId: 'b_2024_old',
      score: 10,
      scoreLines: [],
      status: 'attended',
      source: 'self',
      nominatedBy: null,
      submittedAt: new Date('2024-04-01T02:00:00Z'),
      decidedAt: new Date('2024-04-10T02:00:00Z'),
      decidedBy: 'o_local_admin_beilun',
      refuseReason: null,
      costFen: 180_000,
    });
  // Once a union admin: a card change they made is in the union's audit trail (requireAdmin
  // marked the user then).
  await t.db
    .collection(C.users)
    .doc(m.openid)
    .update({ actedAsAdminAt: new Date(now()) });
  await t.db
    .collection(C.memberAudit)
    .doc(`someone_${m.memberId.slice(0, 12)}_1`)
    .set({
      memberId: 'someone',
      cardNo: 'NB5100000001',
      unionId: GANGWU,
      unionAncestors: ['nb', 'nb-bl', 'nb-bl-xq', GANGWU],
      from: 'active',
      to: 'revoked',
      reason: '调离',
      by: m.openid,
      byName: '张*明',
      at: new Date(now()),
      requestId: 'r1',
    });

  const draw = await givenDrop(t, { stock: 3, mode: 'draw', title: '电影票抽签' });
  await must(
    callBenefit(t, 'register', { dropId: draw.dropId }, me).then((r) => r.result),
    'register',
  );
  const opensAt = now() + 10 * 60_000;
  const keptDrop = await givenDrop(t, { stock: 5, opensAt, title: '周五流量包' });
  const voidDrop = await givenDrop(t, { stock: 5, opensAt, title: '半价健身' });
  await t.setClock(new Date(opensAt + 1000));
  const keptClaim = await must<ClaimView>(
    claimAs(t, m.openid, keptDrop.dropId).then((r) => r.result),
    'claim',
  );
  await must<ClaimView>(
    claimAs(t, m.openid, voidDrop.dropId).then((r) => r.result),
    'claim',
  );
  await must(
    callBenefit(t, 'redeem', { code: keptClaim.code }, DISTRICT).then((r) => r.result),
    'redeem',
  );
  return {
    openid: m.openid,
    realName: m.realName,
    idNumber: m.idNumber,
    phone: m.phone,
    memberId: m.memberId,
    cardNo: m.cardNo,
    childId: child.child.id,
    waiter,
    activityId: activity.id,
    kept: { dropId: keptDrop.dropId, code: keptClaim.code.replace(/-/g, '') },
    voided: { dropId: voidDrop.dropId },
    drawDropId: draw.dropId,
    pastTripId,
  };
}

/** Personal data of the busy member that must not be in anything kept. */
function personal(b: Busy): string[] {
  return [b.openid, b.realName, '张*明', CHILD_NAME, b.phone, `${b.phone.slice(0, 3)}****${b.phone.slice(-4)}`, b.idNumber];
}

function directContext(): BaseContext {
  return {
    app: t.app as unknown as BaseContext['app'],
    db: t.db as unknown as BaseContext['db'],
    log: createLogger({ fn: 'test' }),
    now: () => new Date(now()),
  };
}

let a: Busy;
let aRemains: Record<string, string[]>;

describe('a member with something everywhere', () => {
  beforeAll(async () => {
    a = await givenBusyMember();
  });

  it('previews what is deleted, kept and why, without personal data', async () => {
    const res = await preview(a.openid);
    if (!res.ok) throw new Error(res.error.message);
    const p = res.data;
    expect(p.status).toBe('ready');
    expect(p.blockers).toEqual([]);
    expect(p.counts).toMatchObject({
      account: true,
      membershipUnion: '宁波北仑港务有限公司工会',
      applications: 1,
      pendingApplications: 0,
      children: 1,
      daycareConsent: true,
      daycareFamily: true,
      daycareActive: 1,
      daycareKept: 1,
      recuDeleted: 1,
      recuKept: 1,
      claimsDeleted: 1,
      claimsKept: 1,
      drawDeleted: 1,
      drawKept: 0,
      signups: 1,
      signupsCancelled: 1,
      pendingMessages: 1,
    });
    expect(p.counts.follows).toBeGreaterThanOrEqual(5); // own chain (4) + 海曙
    expect(p.counts.notices).toBeGreaterThan(0);
    expect(p.membership).toContain('不会删除会员身份');
    expect(p.willDelete.join('\n')).toContain('未核销的兑换码 1 个将作废');
    expect(p.willDelete.join('\n')).toContain('尚未抽签的报名 1 个将撤回');
    expect(p.willDelete.join('\n')).toContain('孩子信息 1 个');
    expect(p.willKeep.join('\n')).toContain('已核销或已过期的福利兑换记录 1 条');
    expect(p.willKeep.join('\n')).toContain('已参加的疗休养记录 1 条');
    const text = JSON.stringify(p);
    for (const value of personal(a)) expect({ value, inPreview: text.includes(value) }).toEqual({ value, inPreview: false });
  });

  it('refuses a wrong confirmation with INVALID_ARGUMENT and changes nothing', async () => {
    const before = await docsMentioning(a.openid);
    expect(await deleteAccount(a.openid, '删除')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请输入“注销”两个字确认注销' },
    });
    expect(await t.call('member', 'deleteAccount', {}, as(a.openid))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await docsMentioning(a.openid)).toEqual(before);
  });

  it('deletes: nothing holds the old openid; what is kept holds the tombstone and no name or phone', async () => {
    const followersBefore = ((await t.db.collection(C.unionStats).doc('nb-hs').get()).data[0] as { followers: number }).followers;
    const res = await deleteAccount(a.openid);
    expect(res).toMatchObject({ ok: true, data: { status: 'done' } });

    expect(await docsMentioning(a.openid)).toEqual({});
    const tomb = tombstoneOf(a.openid);
    const kept = await docsMentioning(tomb);
    expect(Object.keys(kept).sort()).toEqual(
      [C.daycareRegistrations, C.dropClaims, C.memberAudit, C.recuApplications, C.redemptionAudit].sort(),
    );
    for (const [name, docs] of Object.entries(kept)) {
      const text = JSON.stringify(docs);
      for (const value of personal(a)) expect({ name, value, kept: text.includes(value) }).toEqual({ name, value, kept: false });
    }

    // Benefit: the redeemed code stays for settlement under the tombstone, its audit follows it;
    // the unredeemed code is void; the draw registration is withdrawn.
    const claim = kept[C.dropClaims];
    expect(claim).toEqual([
      expect.objectContaining({ _id: `${a.kept.dropId}_${tomb}_1`, openid: tomb, status: 'redeemed', code: a.kept.code }),
    ]);
    expect(kept[C.redemptionAudit]).toEqual([expect.objectContaining({ claimId: `${a.kept.dropId}_${tomb}_1`, outcome: 'redeemed' })]);
    expect((await t.db.collection(C.dropClaims).where({ dropId: a.voided.dropId }).count()).total).toBe(0);
    expect((await t.db.collection(C.dropRegistrations).where({ dropId: a.drawDropId }).count()).total).toBe(0);
    // Day-care: the sign-up was withdrawn and stays without guardian and name; the child, consent and family are gone.
    expect(kept[C.daycareRegistrations]).toEqual([
      expect.objectContaining({ guardianOpenid: tomb, childNameMasked: DELETED_NAME, status: 'withdrawn' }),
    ]);
    expect((await t.db.collection(C.daycareChildren).doc(a.childId).get()).data).toEqual([]);
    expect((await t.db.collection(C.daycareHolds).where({ childId: a.childId }).count()).total).toBe(0);
    // Recuperation: the pending application is gone; the past trip stays, re-keyed off the openid.
    expect(kept[C.recuApplications]).toEqual([
      expect.objectContaining({
        _id: applicationId(2024, tomb),
        memberKey: tomb,
        openid: tomb,
        nameMasked: DELETED_NAME,
        status: 'attended',
      }),
    ]);
    // The card change made as an admin stays in the union's trail, actor anonymous.
    expect(kept[C.memberAudit]).toEqual([expect.objectContaining({ by: tomb, byName: DELETED_STAFF_NAME, memberId: 'someone' })]);

    // The waiting member got the activity place.
    const waiterSignup = (await t.db.collection(C.activitySignups).doc(`${a.activityId}_${a.waiter}`).get()).data[0] as { status: string };
    expect(waiterSignup.status).toBe('signed');
    const post = (await t.db.collection(C.posts).doc(a.activityId).get()).data[0] as { remaining: number; waitlisted: number };
    expect(post).toMatchObject({ remaining: 0, waitlisted: 0 });
    // One follower fewer for 海曙.
    expect(((await t.db.collection(C.unionStats).doc('nb-hs').get()).data[0] as { followers: number }).followers).toBe(followersBefore - 1);

    // The job: done, counts, no openid.
    const job = (await t.db.collection(C.accountDeletions).doc(openidKey(a.openid)).get()).data[0] as Record<string, unknown>;
    expect(job).toMatchObject({ status: 'done', openid: null, round: 1 });
    expect(job.stepsDone).toEqual(STEPS.map((s) => s.name));
    expect(job.counts).toMatchObject({
      daycare: { ended: 1, anonymized: 1, children: 1, staffSites: 0 },
      recuperation: { deleted: 1, kept: 1 },
      benefit: { voided: 1, keptClaims: 1, withdrawn: 1, keptRegistrations: 0 },
      content: { cancelled: 1, signups: 1 },
      applications: { deleted: 1 },
      records: { updated: 1 },
      account: { unlinked: 1, users: 1 },
      messages: { optIns: 1, outbox: 1 },
      attempts: { deleted: 1, held: 0 },
    });

    aRemains = await remains(a.openid);
  });

  it('leaves the member record in the roster, unlinked; the person can claim it again from a new account', async () => {
    const member = (await t.db.collection(C.members).doc(a.memberId).get()).data[0] as Record<string, unknown>;
    expect(member).toMatchObject({ openid: null, cardNo: a.cardNo, status: 'active' });
    expect(member.unlinkedAt).toBeTruthy();
    const history = await must(t.call<AdminMemberHistoryResult>('member', 'adminMemberHistory', { cardNo: a.cardNo }, DISTRICT));
    expect(history.member.claimed).toBe(false);
    expect(history.entries.map((e) => e.kind)).toContain('unlinked');

    // The same WeChat user is a guest now.
    const guest = await must(t.call<Profile>('member', 'profile', {}, as(a.openid)));
    expect(guest).toMatchObject({ memberStatus: 'none', card: null, follows: [] });

    const fresh = newOpenid('o_new_account');
    const claimed = await must(
      t.call<ClaimResult>('member', 'claim', { realName: a.realName, idNumber: a.idNumber, consent: true }, as(fresh)),
    );
    expect(claimed.card.cardNo).toBe(a.cardNo);
    expect(await must(t.call<Profile>('member', 'profile', {}, as(fresh)))).toMatchObject({
      memberStatus: 'verified',
      card: { cardNo: a.cardNo },
    });
  });

  it('answers a retry after success with ok and changes nothing', async () => {
    expect(await deleteAccount(a.openid)).toMatchObject({ ok: true, data: { status: 'done' } });
    expect(await remains(a.openid)).toEqual(aRemains);
    const job = (await t.db.collection(C.accountDeletions).doc(openidKey(a.openid)).get()).data[0] as {
      round: number;
      history: unknown[];
      openid: unknown;
    };
    expect(job).toMatchObject({ round: 2, openid: null });
    expect(job.history).toHaveLength(2);
  });

  it('returns the voided code’s unit to the drop’s stock (reconcile timer)', async () => {
    await advance(2 * 60_000); // the stock has been quiet for longer than any invocation
    await t.cloud.triggers.fireNow('benefit', 'reconcile');
    const shards = (await t.db.collection(C.dropStock).where({ dropId: a.voided.dropId }).get()).data as Array<{ left: number }>;
    expect(shards.reduce((s, x) => s + x.left, 0)).toBe(5);
    // The same timer sends claim notices for claims it has not covered yet, the kept one included:
    // it names a tombstone now, and nobody is told.
    expect(await remains(a.openid)).toEqual(aRemains);
  });
});

describe('refusals change nothing', () => {
  it('refuses a union admin', async () => {
    const admin = await givenAdminOf(t, 'nb-hs');
    const p = await must(preview(admin.openid));
    expect(p.status).toBe('blocked');
    expect(p.blockers).toEqual([
      '您是「海曙区总工会」的管理员，请先在工会工作台「管理员管理」中移除自己（或请其他管理员移除），再注销账号',
    ]);
    const before = await docsMentioning(admin.openid);
    expect(await deleteAccount(admin.openid)).toEqual({
      ok: false,
      error: {
        code: 'ACCOUNT_DELETION_BLOCKED',
        message:
          '暂时不能注销账号：您是「海曙区总工会」的管理员，请先在工会工作台「管理员管理」中移除自己（或请其他管理员移除），再注销账号',
      },
    });
    expect(await docsMentioning(admin.openid)).toEqual(before);
    expect((await t.db.collection(C.accountDeletions).doc(openidKey(admin.openid)).get()).data).toEqual([]);
  });

  it('refuses while a child is admitted to a period under way and an approved trip has not taken place, listing both', async () => {
    const m = await givenVerifiedMember(t);
    const today = new Date(now());
    const ymd = (days: number) => new Date(today.getTime() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const slotId = `dp_running_${m.openid}`;
    await t.db
      .collection(C.daycareSlots)
      .doc(slotId)
      .set({
        campaignId: 'dc_running',
        siteId: 'ds_running',
        summer: 2027,
        periodName: '冬令营',
        startDate: ymd(-2),
        endDate: ymd(5),
        band: 'lower',
        capacity: 10,
        remaining: 9,
        createdAt: today,
      });
    await t.db
      .collection(C.daycareRegistrations)
      .doc(`reg_running_${m.openid}`)
      .set({
        campaignId: 'dc_running',
        campaignUnionAncestors: ['nb', 'nb-bl'],
        siteId: 'ds_running',
        slotId,
        summer: 2027,
        childId: 'ch_running',
        childNameMasked: '张*雨',
        guardianOpenid: m.openid,
        holdId: 'ch_running_2027_1',
        status: 'admitted',
        tier: null,
        queueKey: 'f_1',
        lotteryRank: null,
        reason: '已录取',
        offerExpiresAt: null,
        attendance: {},
        requestId: 'r',
        createdAt: today,
        updatedAt: today,
      });
    const batch = await givenBatch(t, { startInDays: 30 });
    const app = await must(t.call<{ application: { id: string } }>('recuperation', 'apply', { batchId: batch.id }, as(m.openid)));
    await must(t.call('recuperation', 'adminDecide', { applicationId: app.application.id, decision: 'approve' }, DISTRICT));

    const p = await must(preview(m.openid));
    expect(p.status).toBe('blocked');
    expect(p.blockers).toHaveLength(2);
    expect(p.blockers[0]).toMatch(/^暑托班：孩子正在参加「冬令营（.+）一至三年级」，\d+月\d+日班期结束后才能注销$/);
    expect(p.blockers[1]).toMatch(/^疗休养：您已获批参加「.+」（.+），行程结束后才能注销；如需放弃名额，请联系单位工会$/);

    const before = await docsMentioning(m.openid);
    const res = await deleteAccount(m.openid);
    expect(res).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DELETION_BLOCKED' } });
    if (!res.ok) expect(res.error.message).toBe(`暂时不能注销账号：1. ${p.blockers[0]}；2. ${p.blockers[1]}`);
    expect(await docsMentioning(m.openid)).toEqual(before);
    expect((await t.db.collection(C.accountDeletions).doc(openidKey(m.openid)).get()).data).toEqual([]);
  });
});

describe('a deletion cut short', () => {
  it('is resumed by a retry once the dead run’s lease has run out, ending in the same state', async () => {
    const b = await givenBusyMember();
    const ctx = directContext();
    // A run that took the job, finished the first six steps and died (no release of its lease).
    const job = await beginDeletion(ctx, b.openid);
    const token = await takeLease(ctx, job._id);
    expect(token).not.toBeNull();
    const sc: StepContext = { openid: b.openid, tombstone: tombstoneOf(b.openid), jobId: job._id, job, deadline: Date.now() + 60_000 };
    for (const step of STEPS.slice(0, 6)) {
      const counts = await step.run(ctx, sc);
      expect(await markStep(ctx, job._id, token!, step.name, counts)).toBe(true);
    }
    // Half-way: the account is still there, the benefit records already moved.
    expect((await t.db.collection(C.users).doc(b.openid).get()).data).toHaveLength(1);
    expect((await t.db.collection(C.dropClaims).where({ openid: b.openid }).count()).total).toBe(0);
    // The preview says it is under way; a new attempt is not refused by the guard.
    expect(await must(preview(b.openid))).toMatchObject({ status: 'in_progress' });
    // The dead run still holds the lease: the retry answers "in progress" without touching anything.
    expect(await deleteAccount(b.openid)).toEqual({ ok: true, data: { status: 'in_progress', finishedAt: null } });
    await advance(31_000);
    expect(await deleteAccount(b.openid)).toMatchObject({ ok: true, data: { status: 'done' } });

    expect(await docsMentioning(b.openid)).toEqual({});
    expect(await remains(b.openid)).toEqual(aRemains);
    const member = (await t.db.collection(C.members).doc(b.memberId).get()).data[0] as { openid: unknown };
    expect(member.openid).toBeNull();
  });

  it('is finished by the timer after a crash in the middle of moving a kept benefit code', async () => {
    const c = await givenBusyMember();
    const ctx = directContext();
    const job = await beginDeletion(ctx, c.openid);
    const tomb = tombstoneOf(c.openid);
    const sc: StepContext = { openid: c.openid, tombstone: tomb, jobId: job._id, job, deadline: Date.now() + 60_000 };
    // Two steps ran (not even recorded), then the benefit step died right after its first write:
    // the redeemed claim gave up its code to make room for the copy.
    for (const step of STEPS.slice(0, 2)) await step.run(ctx, sc);
    const oldId = `${c.kept.dropId}_${c.openid}_1`;
    const newId = `${c.kept.dropId}_${tomb}_1`;
    await t.db
      .collection(C.dropClaims)
      .doc(oldId)
      .update({ code: `moving:${newId}`, movingCode: c.kept.code });

    const fired = await t.cloud.triggers.fireNow('member', 'finishDeletions');
    expect(fired?.result).toMatchObject({ ok: true, data: { finished: 1 } });

    expect(await docsMentioning(c.openid)).toEqual({});
    expect(await remains(c.openid)).toEqual(aRemains);
    const moved = (await t.db.collection(C.dropClaims).doc(newId).get()).data[0] as Record<string, unknown>;
    expect(moved).toMatchObject({ code: c.kept.code, status: 'redeemed', openid: tomb });
    expect(moved.movingCode).toBeUndefined();
    // The code still names the claim at the counter: a second redemption is refused as already redeemed.
    expect((await callBenefit(t, 'redeem', { code: c.kept.code }, DISTRICT)).result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ALREADY_REDEEMED' },
    });
    const job2 = (await t.db.collection(C.accountDeletions).doc(openidKey(c.openid)).get()).data[0] as { status: string; openid: unknown };
    expect(job2).toMatchObject({ status: 'done', openid: null });
  });
});

describe('a double tap', () => {
  it('runs one deletion: three calls at once all answer ok, the follower counter drops once', async () => {
    const m = await givenVerifiedMember(t);
    await must(t.call('content', 'follow', { unionId: 'nb-hs', follow: true }, as(m.openid)), 'follow');
    const followers = async () => ((await t.db.collection(C.unionStats).doc('nb-hs').get()).data[0] as { followers: number }).followers;
    const before = await followers();
    const answers = await Promise.all([deleteAccount(m.openid), deleteAccount(m.openid), deleteAccount(m.openid)]);
    for (const r of answers) expect(r.ok).toBe(true);
    const statuses = answers.map((r) => (r.ok ? r.data.status : 'failed'));
    expect(statuses).toContain('done');
    // Whoever answered "in progress" (the job was held by another call) finds it done on a retry.
    expect(await deleteAccount(m.openid)).toMatchObject({ ok: true, data: { status: 'done' } });
    expect(await docsMentioning(m.openid)).toEqual({});
    expect(await followers()).toBe(before - 1);
    expect((await t.db.collection(C.members).doc(m.memberId).get()).data[0]).toMatchObject({ openid: null });
    // Never an admin: the union's records were not scanned for this user.
    const job = (await t.db.collection(C.accountDeletions).doc(openidKey(m.openid)).get()).data[0] as { counts: Record<string, unknown> };
    expect(job.counts.records).toEqual({ updated: 0, skipped: 1 });
  });
});

it('marks a user the first time they act as an admin, once', async () => {
  const openid = 'o_test_new_admin';
  await t.db
    .collection(C.users)
    .doc(openid)
    .set({
      openid,
      nameMasked: '新*',
      memberStatus: 'none',
      unionId: null,
      unionAncestors: [],
      tags: [],
      cardNo: null,
      adminUnionIds: ['nb-hs'],
      follows: [],
    });
  const marked = async () =>
    ((await t.db.collection(C.users).doc(openid).get()).data[0] as { actedAsAdminAt?: Date }).actedAsAdminAt ?? null;
  expect(await marked()).toBeNull();
  expect((await t.call('member', 'adminListApplications', { status: 'pending' }, { openid })).ok).toBe(true);
  const first = await marked();
  expect(first).toBeTruthy();
  expect((await t.call('member', 'adminListApplications', { status: 'pending' }, { openid })).ok).toBe(true);
  expect(new Date((await marked()) as Date).getTime()).toBe(new Date(first as Date).getTime());
});

describe('the identity-probe budget', () => {
  it('survives the deletion while tries are counted (no reset by deleting), and the timer deletes it after the window', async () => {
    const openid = newOpenid('o_prober');
    for (let i = 0; i < 2; i++) {
      expect(await t.call('member', 'claim', { realName: '李四', idNumber: newIdNumber(), consent: true }, as(openid))).toMatchObject({
        ok: false,
        error: { code: 'MEMBER_RECORD_NOT_FOUND' },
      });
    }
    expect(await deleteAccount(openid)).toMatchObject({ ok: true, data: { status: 'done' } });
    const kept = (await t.db.collection(C.memberAttempts).doc(`idproof:${openid}`).get()).data[0] as {
      hourCount: number;
      purgeAfter: Date;
    };
    expect(kept).toMatchObject({ hourCount: 2 });
    expect(new Date(kept.purgeAfter).getTime()).toBeGreaterThan(now());
    // Still counted after coming back: three more tries this hour, not five.
    for (let i = 0; i < 3; i++) await t.call('member', 'claim', { realName: '李四', idNumber: newIdNumber(), consent: true }, as(openid));
    expect(await t.call('member', 'claim', { realName: '李四', idNumber: newIdNumber(), consent: true }, as(openid))).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });

    await advance(24 * 3600_000 + 60_000);
    await t.cloud.triggers.fireNow('member', 'finishDeletions');
    expect((await t.db.collection(C.memberAttempts).doc(`idproof:${openid}`).get()).data).toEqual([]);
  });
});

it('logs counts only: no openid of a deleted user reaches the logs', () => {
  const logs = output.join('\n');
  expect(logs).toMatch(/"msg":"account deletion step"/);
  const member = output.filter((l) => l.includes('"fn":"member"')).join('\n');
  expect(member).not.toMatch(/deleted:|o_applicant_|o_new_account_|o_prober_/);
});
