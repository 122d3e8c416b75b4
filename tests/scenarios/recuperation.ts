/**
 * Scenario builders for the recuperation tests: units with settings, batches, members written
 * straight into `users` with the SDK, applications, and approvals fired all at once over HTTP.
 */
import type { Result } from '../../shared/envelope';
import type { MemberTag } from '../../shared/member/tags';
import type { AdminDecideResult, AdminSaveUnitRequest, ApplyResult, BatchView, UnitView } from '../../shared/recuperation/schemas';
import { inBusinessTz } from '../../shared/time';
import { C } from '../../cloudfunctions/_lib/collections';
import { RECU_UNIT_ADMIN_OPENID } from '../../scripts/local-cloud/demo/seedRecuperation';
import { givenLocalCloud, type As, type TestCloud } from './cloud';

export { givenLocalCloud, type TestCloud };
export const UNIT_ADMIN: As = { openid: RECU_UNIT_ADMIN_OPENID };
export const DISTRICT_ADMIN: As = { persona: 'district_admin' };
export const CITY_ADMIN: As = { persona: 'city_admin' };
export const MEMBER: As = { persona: 'member' };

/** Seeded grassroots unions of 北仑 and the seeded venue. */
export const GANGWU = 'nb-bl-xq-gw';
export const LIANHE = 'nb-bl-xq-lh';
export const KAIDA = 'nb-bl-dq-kd';
export const VENUE = 'venue_seed_gongren';

let serial = 0;

export function dateIn(days: number): string {
  return inBusinessTz(Date.now() + days * 86_400_000).format('YYYY-MM-DD');
}

export async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

export async function givenUnit(t: TestCloud, unionId: string, s: Partial<Omit<AdminSaveUnitRequest, 'unionId'>> = {}): Promise<UnitView> {
  const req: AdminSaveUnitRequest = { unionId, quota: 10, staffCount: 120, ownership: 'public', ...s };
  return (await must(t.call<{ unit: UnitView }>('recuperation', 'adminSaveUnit', req, CITY_ADMIN))).unit;
}

export async function givenBatch(
  t: TestCloud,
  b: { capacity?: number; costFen?: number; days?: number; startInDays?: number; owner?: string } = {},
): Promise<BatchView> {
  const req = {
    venueId: VENUE,
    ownerUnionId: b.owner ?? 'nb-bl',
    startDate: dateIn(b.startInDays ?? 20),
    days: b.days ?? 5,
    capacity: b.capacity ?? 30,
    costFen: b.costFen ?? 180_000,
  };
  return (await must(t.call<{ batch: BatchView }>('recuperation', 'adminCreateBatch', req, DISTRICT_ADMIN))).batch;
}

/** Verified members of a unit, written with the SDK (what membership would have written). */
export async function givenMembers(t: TestCloud, n: number, opts: { unionId?: string; tags?: MemberTag[] } = {}): Promise<string[]> {
  const unionId = opts.unionId ?? GANGWU;
  const union = (await t.db.collection(C.unions).doc(unionId).get()).data[0] as { ancestors: string[] };
  const openids: string[] = [];
  for (let i = 0; i < n; i++) {
    const openid = `o_recu_${process.pid}_${++serial}`;
    await t.db
      .collection(C.users)
      .doc(openid)
      .set({
        openid,
        nameMasked: `职*${serial}`,
        memberStatus: 'verified',
        unionId,
        unionAncestors: union.ancestors,
        tags: opts.tags ?? ['frontline'],
        cardNo: null,
        adminUnionIds: [],
        follows: [],
        memberId: null,
      });
    openids.push(openid);
  }
  return openids;
}

export async function applyAs(t: TestCloud, openid: string, batchId: string): Promise<Result<ApplyResult>> {
  return t.call<ApplyResult>('recuperation', 'apply', { batchId }, { openid });
}

/** Every member applies; returns the application ids. */
export async function givenApplications(t: TestCloud, openids: string[], batchId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const o of openids) ids.push((await must(applyAs(t, o, batchId))).application.id);
  return ids;
}

/** All approvals sent at the same moment over HTTP. */
export async function approveAllAtOnce(t: TestCloud, ids: string[], as: As = DISTRICT_ADMIN): Promise<Array<Result<AdminDecideResult>>> {
  return Promise.all(
    ids.map((applicationId) => t.call<AdminDecideResult>('recuperation', 'adminDecide', { applicationId, decision: 'approve' }, as)),
  );
}

export function codes(results: Array<Result<unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) {
    const k = r.ok ? 'ok' : r.error.code;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export async function countApproved(t: TestCloud, where: Record<string, unknown>): Promise<number> {
  const res = await t.db
    .collection(C.recuApplications)
    .where({ ...where, status: 'approved' })
    .count();
  return res.total ?? 0;
}
