/**
 * Pure rules of the free summer day-care (免费暑托班): labels, grade bands, priority tiers,
 * attendance and the reason a parent reads. Used by the `daycare` function and the pages.
 * See docs/daycare.md for the rules in prose.
 */

export type SiteKind = 'arts' | 'science';
export const SITE_KIND_LABELS: Record<SiteKind, string> = { arts: '文艺', science: '科技' };

/** Grade bands by the primary-school grade a child is in during the school year that ends that summer. */
export type GradeBand = 'lower' | 'upper';
export const GRADE_BANDS: Record<GradeBand, { label: string; min: number; max: number }> = {
  lower: { label: '一至三年级', min: 1, max: 3 },
  upper: { label: '四至六年级', min: 4, max: 6 },
};

export type AllocationMode = 'first_come' | 'lottery';
export const MODE_LABELS: Record<AllocationMode, string> = { first_come: '先到先得', lottery: '按优先档次摇号' };

export type Circumstance = 'dual_worker_sme' | 'single_parent' | 'hardship';
export const CIRCUMSTANCES: readonly Circumstance[] = ['dual_worker_sme', 'single_parent', 'hardship'];
export const CIRCUMSTANCE_LABELS: Record<Circumstance, string> = {
  dual_worker_sme: '双职工且在小微企业工作',
  single_parent: '单亲家庭',
  hardship: '困难职工家庭',
};
/** Default tier order (the union may reorder it per campaign). Tier n = index + 1; none = last tier. */
export const DEFAULT_TIER_ORDER: readonly Circumstance[] = ['dual_worker_sme', 'single_parent', 'hardship'];

export type CheckStatus = 'declared' | 'verified' | 'rejected';
export const CHECK_LABELS: Record<CheckStatus, string> = { declared: '待核实', verified: '已核实', rejected: '核实未通过' };

export interface DeclaredCircumstance {
  kind: Circumstance;
  status: CheckStatus;
  /** When the family declared it: declarations after a window closes do not count for that lottery. */
  declaredAt?: Date | string;
}

/** The declarations that count for a lottery whose window closed at `closesAt`. */
export function countedBefore(declared: readonly DeclaredCircumstance[], closesAt: Date | string): DeclaredCircumstance[] {
  const limit = new Date(closesAt).getTime();
  return declared.filter((d) => !d.declaredAt || new Date(d.declaredAt).getTime() <= limit);
}

/**
 * The family's tier: the best-placed circumstance it declared that the union has not rejected.
 * Declared-but-unchecked counts (the union checks during the window; see docs/daycare.md).
 */
export function tierOf(declared: readonly DeclaredCircumstance[], tierOrder: readonly Circumstance[]): number {
  let best = tierOrder.length + 1;
  for (const d of declared) {
    if (d.status === 'rejected') continue;
    const i = tierOrder.indexOf(d.kind);
    if (i >= 0 && i + 1 < best) best = i + 1;
  }
  return best;
}

export function tierLabel(tier: number, tierOrder: readonly Circumstance[]): string {
  const kind = tierOrder[tier - 1];
  return kind ? `第${tier}档·${CIRCUMSTANCE_LABELS[kind]}` : `第${tier}档·其他会员家庭`;
}

export type RegistrationStatus =
  'registered' | 'admitted' | 'waitlisted' | 'offered' | 'not_admitted' | 'cancelled' | 'withdrawn' | 'declined' | 'expired';

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: '已报名',
  admitted: '已录取',
  waitlisted: '候补',
  offered: '递补待确认',
  not_admitted: '未录取',
  cancelled: '已取消',
  withdrawn: '已撤回',
  declined: '已放弃递补',
  expired: '递补已逾期',
};

/** Statuses in which a registration still holds the child's one period of the summer. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['registered', 'admitted', 'waitlisted', 'offered'];

export function isActive(status: RegistrationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** "候补第 3 位" for waitlisted, otherwise the plain label. */
export function statusText(status: RegistrationStatus, position: number | null): string {
  if (status === 'waitlisted' && position) return `候补第 ${position} 位`;
  return STATUS_LABELS[status];
}

/** The school year a date falls in ends in this summer's year (Sept–Dec belong to next summer). */
export function schoolYearEnd(dateYmd: string): number {
  const [y, m] = dateYmd.split('-').map(Number);
  return m >= 9 ? y + 1 : y;
}

/**
 * The grade a child is in during the school year that ends in `summer`, from either a grade
 * recorded on `recordedOn` (YYYY-MM-DD) or a birth date (school starts the September after
 * the sixth birthday, cut-off 31 August). Null when it cannot be told.
 */
export function gradeInSummer(
  child: { grade?: number | null; gradeRecordedOn?: string | null; birthDate?: string | null },
  summer: number,
): number | null {
  if (child.grade && child.gradeRecordedOn) return child.grade + (summer - schoolYearEnd(child.gradeRecordedOn));
  if (child.birthDate) {
    const [y, m] = child.birthDate.split('-').map(Number);
    return summer - y - (m >= 9 ? 7 : 6);
  }
  return null;
}

export function fitsBand(grade: number | null, band: GradeBand): boolean {
  if (grade === null) return false;
  const b = GRADE_BANDS[band];
  return grade >= b.min && grade <= b.max;
}

/** Present days over marked days; null before any day was marked. */
export function attendanceRate(marks: Record<string, boolean> | undefined | null): {
  present: number;
  marked: number;
  rate: number | null;
} {
  const values = Object.values(marks ?? {});
  const present = values.filter(Boolean).length;
  return { present, marked: values.length, rate: values.length ? present / values.length : null };
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** A campaign that sets no attendance requirement requires this share of marked days present. */
export const DEFAULT_ATTENDANCE_THRESHOLD = 0.7;

/** A finished period of the child: when it ended, in which summer, its marks and its campaign's threshold. */
export interface FinishedPeriod {
  endDate: string;
  summer: number;
  label: string;
  attendance: Record<string, boolean> | undefined | null;
  /** The campaign's `attendanceThreshold`; undefined falls back to the default. */
  threshold?: number | null;
}

export interface AttendanceBar {
  reason: string;
  present: number;
  marked: number;
  threshold: number;
}

/**
 * The attendance bar: a child whose most recent period finished before `target.startDate` had
 * attendance below its campaign's threshold may not sign up for a period of the same or the
 * following summer. Null when nothing bars it (no finished period, none marked, a later
 * summer, or attendance at or above the threshold).
 */
export function attendanceBarFor(periods: readonly FinishedPeriod[], target: { startDate: string; summer: number }): AttendanceBar | null {
  const last = periods
    .filter((p) => p.endDate < target.startDate)
    .sort((a, b) => (a.endDate < b.endDate ? 1 : a.endDate > b.endDate ? -1 : 0))[0];
  if (!last || target.summer > last.summer + 1) return null;
  const threshold = last.threshold ?? DEFAULT_ATTENDANCE_THRESHOLD;
  const { present, marked, rate } = attendanceRate(last.attendance);
  if (rate === null || rate >= threshold) return null;
  return { reason: barReason(present, marked, threshold, last.label), present, marked, threshold };
}

/** "上一期（7月6日–7月24日）出勤 8/15 天（53%），低于 70%" */
export function barReason(present: number, marked: number, threshold: number, periodName: string): string {
  return `${periodName}出勤 ${present}/${marked} 天（${percent(present / marked)}），低于 ${percent(threshold)}，按规定不能报名下一期`;
}

export const CHILD_CONSENT_VERSION = 1;
