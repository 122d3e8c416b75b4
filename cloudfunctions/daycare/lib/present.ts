/** Documents → views. Children's names are masked everywhere except guardian and staff views. */
import { maskName } from '../../../shared/member/mask';
import {
  ACTIVE_STATUSES,
  CHECK_LABELS,
  CIRCUMSTANCE_LABELS,
  GRADE_BANDS,
  MODE_LABELS,
  SITE_KIND_LABELS,
  attendanceRate,
  statusText,
  tierLabel,
  type DeclaredCircumstance,
} from '../../../shared/daycare/rules';
import type {
  CampaignPhase,
  CampaignView,
  ChildView,
  FamilyView,
  RegistrationView,
  SiteView,
  SlotView,
} from '../../../shared/daycare/views';
import { formatBusiness } from '../../../shared/time';
import type { CampaignDoc, ChildDoc, RegistrationDoc, SiteDoc, SlotDoc } from './docs';

export function todayOf(at: Date): string {
  return formatBusiness(at, 'YYYY-MM-DD');
}

function md(ymd: string): string {
  const [, m, d] = ymd.split('-').map(Number);
  return `${m}月${d}日`;
}

export function slotLabel(slot: Pick<SlotDoc, 'periodName' | 'startDate' | 'endDate' | 'band'>): string {
  return `${slot.periodName}（${md(slot.startDate)}–${md(slot.endDate)}）${GRADE_BANDS[slot.band].label}`;
}

export function phaseOf(c: CampaignDoc, now: Date): CampaignPhase {
  if (c.status === 'allocated') return 'allocated';
  if (now.getTime() < new Date(c.opensAt).getTime()) return 'upcoming';
  if (c.status === 'open' && now.getTime() < new Date(c.closesAt).getTime()) return 'open';
  return 'closed';
}

export function slotView(s: SlotDoc, demand: number): SlotView {
  return {
    id: s._id,
    periodName: s.periodName,
    startDate: s.startDate,
    endDate: s.endDate,
    band: s.band,
    bandLabel: GRADE_BANDS[s.band].label,
    capacity: s.capacity,
    remaining: Math.max(0, s.remaining),
    demand,
  };
}

export function siteView(site: SiteDoc, slots: SlotView[], unionNames: Map<string, string>): SiteView {
  return {
    id: site._id,
    name: site.name,
    address: site.address,
    contactName: site.contactName,
    contactPhone: site.contactPhone,
    location: site.location ?? null,
    kind: site.kind,
    kindLabel: SITE_KIND_LABELS[site.kind],
    hostUnionId: site.hostUnionId,
    hostUnionName: unionNames.get(site.hostUnionId) ?? '',
    slots,
  };
}

export function campaignView(
  c: CampaignDoc,
  now: Date,
  sites: SiteView[],
  unionNames: Map<string, string>,
  seed: string | null,
): CampaignView {
  return {
    id: c._id,
    title: c.title,
    unionId: c.unionId,
    unionName: unionNames.get(c.unionId) ?? '',
    summer: c.summer,
    opensAt: new Date(c.opensAt).toISOString(),
    closesAt: new Date(c.closesAt).toISOString(),
    phase: phaseOf(c, now),
    mode: c.mode,
    modeLabel: MODE_LABELS[c.mode],
    periodLimit: c.periodLimit,
    attendanceThreshold: c.attendanceThreshold,
    offerHours: c.offerHours,
    tierOrder: c.tierOrder,
    seedCommitment: c.seedCommitment,
    seed,
    sites,
  };
}

export function familyView(declared: readonly DeclaredCircumstance[] | undefined): FamilyView {
  return {
    circumstances: (declared ?? []).map((d) => ({
      kind: d.kind,
      label: CIRCUMSTANCE_LABELS[d.kind],
      status: d.status,
      statusLabel: CHECK_LABELS[d.status],
    })),
  };
}

export function childView(c: ChildDoc, extra: { barredReason: string | null; hasCurrentPlace: boolean }): ChildView {
  return {
    id: c._id,
    name: c.name,
    nameMasked: c.nameMasked || maskName(c.name),
    gender: c.gender,
    birthDate: c.birthDate,
    grade: c.grade,
    gradeRecordedOn: c.gradeRecordedOn,
    school: c.school,
    emergencyName: c.emergencyName,
    emergencyPhone: c.emergencyPhone,
    healthNotes: c.healthNotes,
    ...extra,
  };
}

export interface RegistrationContext {
  campaigns: Map<string, CampaignDoc>;
  sites: Map<string, SiteDoc>;
  slots: Map<string, SlotDoc>;
}

export function registrationView(r: RegistrationDoc, rc: RegistrationContext, waitPosition: number | null): RegistrationView {
  const campaign = rc.campaigns.get(r.campaignId);
  const slot = rc.slots.get(r.slotId);
  const marks = attendanceRate(r.attendance);
  return {
    id: r._id,
    campaignId: r.campaignId,
    campaignTitle: campaign?.title ?? '',
    siteName: rc.sites.get(r.siteId)?.name ?? '',
    slotId: r.slotId,
    slotLabel: slot ? slotLabel(slot) : '',
    childId: r.childId,
    childNameMasked: r.childNameMasked,
    status: r.status,
    statusText: statusText(r.status, waitPosition),
    reason: r.status === 'waitlisted' && waitPosition ? `${r.reason}；当前候补第 ${waitPosition} 位` : r.reason,
    tierLabel: r.tier && campaign ? tierLabel(r.tier, campaign.tierOrder) : null,
    lotteryRank: r.lotteryRank,
    waitPosition,
    offerExpiresAt: r.offerExpiresAt ? new Date(r.offerExpiresAt).toISOString() : null,
    attendance: marks.marked > 0 ? marks : null,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export function isCurrent(r: RegistrationDoc, slot: SlotDoc | undefined, today: string): boolean {
  if (!ACTIVE_STATUSES.includes(r.status)) return false;
  return r.status !== 'admitted' || !slot || slot.endDate >= today;
}
