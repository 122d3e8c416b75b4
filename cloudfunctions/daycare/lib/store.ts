/** Loading day-care documents by id, and the audit trail. */
import { C } from '../../_lib/collections';
import { AppFailure, type BaseContext } from '../../_lib/router';
import type { AuditActor, CampaignDoc, ChildDoc, RegistrationDoc, SiteDoc, SlotDoc } from './docs';
export { isDuplicate } from '../../_lib/dbErrors';

export async function findDoc<T>(ctx: BaseContext, collection: string, id: string): Promise<T | null> {
  const res = await ctx.db.collection(collection).doc(id).get();
  return (res.data[0] as T | undefined) ?? null;
}

async function mustFind<T>(ctx: BaseContext, collection: string, id: string, what: string): Promise<T> {
  const doc = await findDoc<T>(ctx, collection, id);
  if (!doc) throw new AppFailure('NOT_FOUND', `${what}不存在或已删除`);
  return doc;
}

export const getCampaign = (ctx: BaseContext, id: string) => mustFind<CampaignDoc>(ctx, C.daycareCampaigns, id, '暑托班活动');
export const getSite = (ctx: BaseContext, id: string) => mustFind<SiteDoc>(ctx, C.daycareSites, id, '托管点');
export const getSlot = (ctx: BaseContext, id: string) => mustFind<SlotDoc>(ctx, C.daycareSlots, id, '班期');
export const getRegistration = (ctx: BaseContext, id: string) => mustFind<RegistrationDoc>(ctx, C.daycareRegistrations, id, '报名记录');
export const findChild = (ctx: BaseContext, id: string) => findDoc<ChildDoc>(ctx, C.daycareChildren, id);

/** All documents matching `where`, page by page (CloudBase returns at most 1000 per read). */
export async function getAll<T>(ctx: BaseContext, collection: string, where: object, orderBy?: [string, 'asc' | 'desc']): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    let q = ctx.db.collection(collection).where(where);
    if (orderBy) q = q.orderBy(orderBy[0], orderBy[1]);
    const res = await q.skip(skip).limit(1000).get();
    out.push(...(res.data as T[]));
    if (res.data.length < 1000) return out;
  }
}

/** One audit entry. Never personal data: ids, statuses and numbers only. */
export async function audit(
  ctx: BaseContext,
  entry: { campaignId: string; slotId?: string | null; registrationId?: string | null; event: string; actor: AuditActor; detail?: string },
): Promise<void> {
  await ctx.db.collection(C.daycareAudit).add({
    campaignId: entry.campaignId,
    slotId: entry.slotId ?? null,
    registrationId: entry.registrationId ?? null,
    event: entry.event,
    actor: entry.actor,
    detail: entry.detail ?? '',
    at: ctx.now(),
  });
}
