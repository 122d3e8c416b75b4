/** Stored documents → the views the contract (shared/recuperation/schemas.ts) promises. */
import { applicationsOpen, batchEndDate, batchPeriodLabel } from '../../../shared/recuperation/batch';
import { explainScore } from '../../../shared/recuperation/priority';
import { placeReason } from '../../../shared/recuperation/reason';
import {
  APPLICATION_STATUS_LABELS,
  SUBSIDY_STATUS_LABELS,
  type ApplicantView,
  type BatchView,
  type MyApplicationView,
  type RankView,
  type ScoreView,
  type SubsidyClaimView,
  type UnionBrief,
  type UnitView,
  type VenueView,
} from '../../../shared/recuperation/schemas';
import {
  costCapFen,
  costCapLabel,
  defaultSettings,
  OWNERSHIP_LABELS,
  shareLabel,
  yearlyLimit,
  type Share,
} from '../../../shared/recuperation/settings';
import type { UnionDoc } from '../../_lib/docs';
import type { ApplicationDoc, BatchDoc, SubsidyDoc, UnitDoc, VenueDoc, YearCounterDoc } from './docs';

export function brief(u: UnionDoc | undefined, id: string): UnionBrief {
  return { id, name: u?.name ?? '（已撤销的工会）' };
}

export function batchView(b: BatchDoc, unions: Map<string, UnionDoc>, now: Date): BatchView {
  return {
    id: b._id,
    title: b.title,
    venue: { id: b.venueId, name: b.venueName, location: b.venueLocation },
    owner: brief(unions.get(b.ownerUnionId), b.ownerUnionId),
    startDate: b.startDate,
    endDate: batchEndDate(b.startDate, b.days),
    period: batchPeriodLabel(b.startDate, b.days),
    days: b.days,
    capacity: b.capacity,
    seatsLeft: Math.max(0, b.seatsLeft),
    costFen: b.costFen,
    status: b.status,
    accepting: b.status === 'open' && applicationsOpen(b.startDate, now),
    year: b.year,
  };
}

export function venueView(v: VenueDoc, unions: Map<string, UnionDoc>): VenueView {
  return {
    id: v._id,
    name: v.name,
    location: v.location,
    address: v.address ?? null,
    position: v.position ?? null,
    phone: v.phone ?? null,
    rooms: v.rooms,
    description: v.description,
    owner: brief(unions.get(v.ownerUnionId), v.ownerUnionId),
  };
}

export function scoreView(a: Pick<ApplicationDoc, 'score' | 'scoreLines'>): ScoreView {
  const p = { score: a.score, lines: a.scoreLines };
  return { ...p, explanation: explainScore(p) };
}

const shareView = (s: Share) => ({ num: s.num, den: s.den, label: shareLabel(s) });

export function unitView(union: UnionDoc, unit: UnitDoc | null, counter: YearCounterDoc | null, year: number): UnitView {
  const s = unit ?? defaultSettings();
  const { limit, bound } = yearlyLimit(s);
  const approved = counter?.approved ?? 0;
  return {
    unit: { id: union._id, name: union.name },
    configured: unit !== null,
    year,
    quota: s.quota,
    staffCount: s.staffCount,
    ownership: s.ownership,
    ownershipLabel: OWNERSHIP_LABELS[s.ownership],
    costCapFen: costCapFen(s),
    costCapLabel: costCapLabel(s),
    leaderShare: shareView(s.leaderShare),
    staffShare: shareView(s.staffShare),
    noRepeatYears: s.noRepeatYears,
    limit,
    limitBound: bound,
    approved,
    placesLeft: Math.max(0, counter ? counter.placesLeft : limit),
  };
}

export function applicantView(a: ApplicationDoc, batch: BatchDoc | undefined, rank: number, memberSuspended: boolean): ApplicantView {
  return {
    id: a._id,
    rank,
    nameMasked: a.nameMasked,
    tags: a.tags,
    isLeader: a.isLeader,
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    source: a.source,
    priority: scoreView(a),
    batch: batch
      ? { id: batch._id, title: batch.title, period: batchPeriodLabel(batch.startDate, batch.days), costFen: batch.costFen }
      : { id: a.batchId, title: '（批次已删除）', period: '', costFen: a.costFen },
    submittedAt: new Date(a.submittedAt).toISOString(),
    decidedAt: a.decidedAt ? new Date(a.decidedAt).toISOString() : null,
    refuseReason: a.refuseReason,
    memberSuspended,
  };
}

export function myApplicationView(
  a: ApplicationDoc,
  batch: BatchDoc,
  unions: Map<string, UnionDoc>,
  rank: RankView | null,
  now: Date,
): MyApplicationView {
  const unit = brief(unions.get(a.unionId), a.unionId);
  const priority = scoreView(a);
  return {
    id: a._id,
    year: a.year,
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    batch: batchView(batch, unions, now),
    unit,
    source: a.source,
    priority,
    rank,
    reason: placeReason({ status: a.status, priority, rank, unitName: unit.name, refuseReason: a.refuseReason }),
    submittedAt: new Date(a.submittedAt).toISOString(),
    decidedAt: a.decidedAt ? new Date(a.decidedAt).toISOString() : null,
  };
}

export function subsidyView(c: SubsidyDoc, unions: Map<string, UnionDoc>, canReview: boolean): SubsidyClaimView {
  return {
    id: c._id,
    unit: brief(unions.get(c.unionId), c.unionId),
    year: c.year,
    place: c.place,
    startDate: c.startDate,
    days: c.days,
    persons: c.persons,
    spendPerPersonPerDayFen: c.spendPerPersonPerDayFen,
    countedPerPersonPerDayFen: c.countedPerPersonPerDayFen,
    actualTotalFen: c.actualTotalFen,
    countedTotalFen: c.countedTotalFen,
    subsidyFen: c.subsidyFen,
    status: c.status,
    statusLabel: SUBSIDY_STATUS_LABELS[c.status],
    rejectReason: c.rejectReason,
    canReview,
    submittedAt: new Date(c.submittedAt).toISOString(),
  };
}
