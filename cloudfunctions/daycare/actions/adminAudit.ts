/** The campaign's audit trail (newest first), optionally for one registration. */
import { ok } from '../../../shared/envelope';
import type { AdminAuditRequest } from '../../../shared/daycare/schemas';
import type { AdminAuditResult, AuditRow } from '../../../shared/daycare/views';
import { STATUS_LABELS, type RegistrationStatus } from '../../../shared/daycare/rules';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { requireCampaignAdmin } from '../lib/access';
import type { AuditDoc } from '../lib/docs';
import { getCampaign } from '../lib/store';

const EVENT_LABELS: Record<string, string> = {
  created: '创建活动',
  site_added: '新增托管点',
  slot_added: '新增班期',
  staff_set: '设置工作人员',
  signed_up: '报名',
  allocated: '摇号分配',
  accepted: '确认递补',
  closed: '报名截止',
  family_checked: '核实家庭情况',
  attendance: '登记出勤',
  recounted: '名额核对',
};

export const adminAudit = userAction<AdminAuditRequest, AdminAuditResult>('daycare.adminAudit', async (input, ctx) => {
  const campaign = await getCampaign(ctx, input.campaignId);
  await requireCampaignAdmin(ctx, campaign);
  const where: Record<string, unknown> = { campaignId: campaign._id };
  if (input.registrationId) where.registrationId = input.registrationId;
  const res = await ctx.db.collection(C.daycareAudit).where(where).orderBy('at', 'desc').limit(200).get();
  const items: AuditRow[] = (res.data as AuditDoc[]).map((a) => ({
    at: new Date(a.at).toISOString(),
    event: a.event,
    eventLabel: EVENT_LABELS[a.event] ?? STATUS_LABELS[a.event as RegistrationStatus] ?? a.event,
    registrationId: a.registrationId,
    slotId: a.slotId,
    actor: a.actor,
    detail: a.detail,
  }));
  return ok({ items });
});
