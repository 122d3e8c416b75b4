/**
 * Scenario builders for the benefit drops: a drop created through the real admin action, many
 * members written straight to `users`, and claims sent the way the H5 app sends them (HTTP POST
 * with a requestId), returning the envelope and the invocation's database request counts.
 */
import { randomBytes } from 'node:crypto';
import { assertNoLeaks, callerOpenid } from './leaks';
import type { Result } from '../../shared/envelope';
import type {
  AdminCancelResult,
  AdminCreateRequest,
  AdminCreateResult,
  ClaimView,
  ListResult,
  RegistrationView,
} from '../../shared/benefit/schemas';
import { C } from '../../cloudfunctions/_lib/collections';
import { givenLocalCloud, type As, type TestCloud } from './cloud';

export const DROP_UNION = 'nb-bl'; // 北仑区总工会, administered by the district_admin persona
export const MEMBER_UNION = 'nb-bl-xq-gw'; // 宁波北仑港务有限公司工会, under nb-bl
export const OTHER_UNION = 'nb-hs-nm-ly'; // 海曙 — outside nb-bl

export async function givenBenefitCloud(): Promise<TestCloud> {
  return givenLocalCloud({ seed: true, runTimers: false });
}

export async function ancestorsOf(t: TestCloud, unionId: string): Promise<string[]> {
  const res = await t.db.collection(C.unions).doc(unionId).get();
  return (res.data[0] as { ancestors: string[] }).ancestors;
}

export interface MemberOptions {
  unionId?: string;
  status?: 'verified' | 'pending' | 'none';
  tags?: string[];
  prefix?: string;
}

/** `n` members written directly to `users` (openids `<prefix>_<i>`), in batches. */
export async function givenMembers(t: TestCloud, n: number, o: MemberOptions = {}): Promise<string[]> {
  const unionAncestors = await ancestorsOf(t, o.unionId ?? MEMBER_UNION);
  const prefix = o.prefix ?? `m${randomBytes(3).toString('hex')}`;
  const ids = Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(5, '0')}`);
  for (let i = 0; i < ids.length; i += 200) {
    await Promise.all(
      ids.slice(i, i + 200).map((openid) =>
        t.db
          .collection(C.users)
          .doc(openid)
          .set({
            openid,
            nameMasked: '测*',
            memberStatus: o.status ?? 'verified',
            unionId: o.unionId ?? MEMBER_UNION,
            unionAncestors,
            tags: o.tags ?? [],
            cardNo: null,
            adminUnionIds: [],
            follows: [],
          }),
      ),
    );
  }
  return ids;
}

export type DropOptions = Partial<AdminCreateRequest> & { stock: number };

/** A drop created by the district admin through benefit.adminCreate; opens in three hours unless told. */
export async function givenDrop(t: TestCloud, o: DropOptions): Promise<{ dropId: string; opensAt: number }> {
  const now = Date.parse(((await (await fetch(`${t.cloud.appUrl}/api/_local/clock`)).json()) as { data: { now: string } }).data.now);
  const req: AdminCreateRequest = {
    unionId: DROP_UNION,
    title: '周五流量包 10GB',
    kind: 'data',
    mode: 'first_come',
    opensAt: now + 3 * 3600_000,
    ...o,
  };
  const res = await t.call<AdminCreateResult>('benefit', 'adminCreate', req, { persona: 'district_admin' });
  if (!res.ok) throw new Error(`drop not created: ${res.error.message}`);
  return res.data;
}

export interface CallOutcome<T> {
  result: Result<T>;
  db: { total: number; reads: number; writes: number };
  ms: number;
}

function headers(as: As): Record<string, string> {
  if (as === 'anonymous') return { 'x-local-persona': 'anonymous' };
  return 'openid' in as ? { 'x-local-openid': as.openid } : { 'x-local-persona': as.persona };
}

/** POST /api/functions/benefit as the H5 app does, with the request id and the DB counts header. */
export async function callBenefit<T>(
  t: TestCloud | { cloud: { appUrl: string } },
  action: string,
  data: unknown,
  as: As,
  requestId?: string,
): Promise<CallOutcome<T>> {
  const started = performance.now();
  const res = await fetch(`${t.cloud.appUrl}/api/functions/benefit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers(as) },
    body: JSON.stringify({ action, data, requestId: requestId ?? newRequestId() }),
  });
  const result = (await res.json()) as Result<T>;
  assertNoLeaks(result, callerOpenid(headers(as)), `benefit.${action}`);
  const counts = /total=(\d+);reads=(\d+);writes=(\d+)/.exec(res.headers.get('x-local-db-requests') ?? '');
  return {
    result,
    db: { total: Number(counts?.[1] ?? -1), reads: Number(counts?.[2] ?? -1), writes: Number(counts?.[3] ?? -1) },
    ms: performance.now() - started,
  };
}

export function newRequestId(): string {
  return randomBytes(12).toString('hex');
}

export function claimAs(
  t: TestCloud,
  openid: string,
  dropId: string,
  o: { requestId?: string; pass?: string } = {},
): Promise<CallOutcome<ClaimView>> {
  return callBenefit<ClaimView>(t, 'claim', o.pass ? { dropId, pass: o.pass } : { dropId }, { openid }, o.requestId);
}

export async function passFor(t: TestCloud, openid: string, dropId: string): Promise<string> {
  const res = await t.call<ListResult>('benefit', 'list', {}, { openid });
  if (!res.ok) throw new Error(res.error.message);
  const pass = res.data.drops.find((d) => d.id === dropId)?.pass;
  if (!pass) throw new Error('no pass');
  return pass;
}

/** Run `tasks` with at most `width` in flight (a storm the test machine can hold open). */
export async function storm<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

export function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Invariants after a storm: claims per member, total claims, stock left. */
export async function dropFacts(
  t: TestCloud,
  dropId: string,
): Promise<{ claims: Array<{ _id: string; openid: string; code: string; requestId: string }>; left: number }> {
  const claims: Array<{ _id: string; openid: string; code: string; requestId: string }> = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await t.db.collection(C.dropClaims).where({ dropId }).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    claims.push(...(res.data as typeof claims));
    if (res.data.length < 1000) break;
  }
  const stock = await t.db.collection(C.dropStock).where({ dropId }).get();
  const left = (stock.data as Array<{ left: number }>).reduce((s, d) => s + d.left, 0);
  return { claims, left };
}

export const DISTRICT_ADMIN: As = { persona: 'district_admin' };

/** benefit.adminCancel (撤回) as the district admin unless told, with an explicit request id when retrying. */
export function cancelAs(
  t: TestCloud,
  dropId: string,
  reason: string,
  o: { as?: As; requestId?: string } = {},
): Promise<CallOutcome<AdminCancelResult>> {
  return callBenefit<AdminCancelResult>(t, 'adminCancel', { dropId, reason }, o.as ?? DISTRICT_ADMIN, o.requestId);
}

export function registerAs(t: TestCloud, openid: string, dropId: string): Promise<CallOutcome<RegistrationView>> {
  return callBenefit<RegistrationView>(t, 'register', { dropId }, { openid });
}

/** A union admin written straight to `users` (verified, administering `unionIds`). */
export async function givenAdmin(t: TestCloud, openid: string, unionIds: string[]): Promise<As> {
  await t.db.collection(C.users).doc(openid).set({
    openid,
    nameMasked: '管*员',
    memberStatus: 'verified',
    unionId: unionIds[0],
    unionAncestors: [],
    tags: [],
    cardNo: null,
    adminUnionIds: unionIds,
    follows: [],
  });
  return { openid };
}

/** Fire one of the benefit function's timers (`draw`, `reconcile`) now, on the local cloud's clock. */
export async function fireBenefitTimer(t: TestCloud, name: 'draw' | 'reconcile'): Promise<unknown> {
  const res = await t.post(`/api/_local/triggers/benefit/${name}`, '{}');
  if (res.status !== 200) throw new Error(`timer ${name} failed: ${JSON.stringify(res.json)}`);
  return (res.json as { data: { result: unknown } }).data.result;
}
