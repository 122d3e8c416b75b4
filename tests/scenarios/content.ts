/**
 * Scenario builders for publishing, feed, sign-up and notification tests. Admin actions run as
 * the demo district admin (北仑区总工会) unless told otherwise; members are written straight into
 * `users` with the SDK (verified, following their own chain) so a test can have 300 of them.
 */
import type { AdminSaveRequest } from '../../shared/content/schemas';
import type { AdminPostView, AdminSaveResult, AdminPublishResult, SignUpResult } from '../../shared/content/views';
import { formatBusiness } from '../../shared/time';
import type { Result } from '../../shared/envelope';
import { givenLocalCloud, type As, type TestCloud } from './cloud';

export { givenLocalCloud, type TestCloud };

export const DISTRICT_ADMIN: As = { persona: 'district_admin' };
export const CITY_ADMIN: As = { persona: 'city_admin' };
export const MEMBER: As = { persona: 'member' };

const BEILUN_CHAIN = ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'];
let serial = 0;

/** Beijing wall clock `hours` from `from` (default: now), as the admin form sends it. */
export function wallClockIn(hours: number, from: number = Date.now()): string {
  return formatBusiness(from + hours * 3600_000, 'YYYY-MM-DD HH:mm');
}

export function unwrap<T>(res: Result<T>, what = 'call'): T {
  if (!res.ok) throw new Error(`${what} failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** `count` verified members of 宁波北仑港务有限公司工会 who follow their chain. Returns their openids. */
export async function givenMembers(t: TestCloud, count: number, opts: { follows?: string[]; verified?: boolean } = {}): Promise<string[]> {
  const tag = `${process.pid % 1000}_${++serial}`;
  const openids = Array.from({ length: count }, (_, i) => `o_m_${tag}_${i}`);
  for (const openid of openids) {
    await t.db
      .collection('users')
      .doc(openid)
      .set({
        openid,
        nameMasked: '会*员',
        memberStatus: opts.verified === false ? 'none' : 'verified',
        unionId: 'nb-bl-xq-gw',
        unionAncestors: BEILUN_CHAIN,
        tags: [],
        cardNo: null,
        adminUnionIds: [],
        follows: opts.follows ?? BEILUN_CHAIN,
      });
  }
  return openids;
}

export function articleInput(overrides: Partial<AdminSaveRequest> = {}): AdminSaveRequest {
  return {
    unionId: 'nb-bl',
    kind: 'article',
    title: `北仑职工风采 ${++serial}`,
    bodyHtml: '<p>北仑区总工会开展“最美职工”评选。</p>',
    ...overrides,
  };
}

export function activityInput(
  opts: { capacity?: number; startInHours?: number; deadlineInHours?: number; signup?: boolean } & Partial<AdminSaveRequest> = {},
): AdminSaveRequest {
  const { capacity = 50, startInHours = 72, deadlineInHours = 48, signup = true, ...overrides } = opts;
  return {
    unionId: 'nb-bl',
    kind: 'activity',
    title: `职工健步走活动 ${++serial}`,
    bodyHtml: '<p>欢迎广大职工报名参加。</p>',
    activity: {
      startAt: wallClockIn(startInHours),
      place: '北仑区职工文化中心',
      signupEnabled: signup,
      ...(signup ? { capacity, deadline: wallClockIn(deadlineInHours) } : {}),
    },
    ...overrides,
  };
}

/** Save as a draft and publish now (or at `at`, Beijing wall clock). */
export async function givenPost(t: TestCloud, input: AdminSaveRequest, opts: { as?: As; at?: string } = {}): Promise<AdminPostView> {
  const as = opts.as ?? DISTRICT_ADMIN;
  const saved = unwrap(await t.call<AdminSaveResult>('content', 'adminSave', input, as), 'adminSave');
  const published = unwrap(
    await t.call<AdminPublishResult>('content', 'adminPublish', { id: saved.post.id, ...(opts.at ? { at: opts.at } : {}) }, as),
    'adminPublish',
  );
  return published.post;
}

export function givenActivity(t: TestCloud, opts: Parameters<typeof activityInput>[0] = {}): Promise<AdminPostView> {
  return givenPost(t, activityInput(opts));
}

/** Everyone signs up at the same moment: real concurrent HTTP requests through the local cloud. */
export async function whenAllSignUpAtOnce(t: TestCloud, postId: string, openids: string[]): Promise<Array<Result<SignUpResult>>> {
  return Promise.all(openids.map((openid) => t.call<SignUpResult>('content', 'signUp', { postId }, { openid })));
}

export async function fire(t: TestCloud, fn: string, trigger: string): Promise<unknown> {
  const r = await t.cloud.triggers.fireNow(fn, trigger);
  return r?.result;
}

export async function countDocs(t: TestCloud, collection: string, where: object): Promise<number> {
  const res = await t.db.collection(collection).where(where).count();
  return res.total ?? 0;
}
