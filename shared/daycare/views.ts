/** Responses of the `daycare` function (what pages render). Instants are ISO strings. */
import type { PublishedLottery } from './lottery';
import type { GeoPoint } from '../venue/schemas';
import type { AllocationMode, Circumstance, CheckStatus, GradeBand, RegistrationStatus, SiteKind } from './rules';

export interface SlotView {
  id: string;
  periodName: string;
  startDate: string;
  endDate: string;
  band: GradeBand;
  bandLabel: string;
  capacity: number;
  /** Places not yet taken (first-come, and after allocation). */
  remaining: number;
  /** Active registrations (demand). */
  demand: number;
}
export interface SiteView {
  id: string;
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  /** Map position, or null (the page then offers to copy the address). */
  location: GeoPoint | null;
  kind: SiteKind;
  kindLabel: string;
  hostUnionId: string;
  hostUnionName: string;
  slots: SlotView[];
}
export type CampaignPhase = 'upcoming' | 'open' | 'closed' | 'allocated';
export interface CampaignView {
  id: string;
  title: string;
  unionId: string;
  unionName: string;
  summer: number;
  opensAt: string;
  closesAt: string;
  phase: CampaignPhase;
  mode: AllocationMode;
  modeLabel: string;
  periodLimit: number;
  attendanceThreshold: number;
  offerHours: number;
  tierOrder: Circumstance[];
  /** SHA-256 of the lottery seed (lottery mode), published before the window closes. */
  seedCommitment: string | null;
  /** Published after allocation. */
  seed: string | null;
  sites: SiteView[];
}
export interface OverviewResult {
  serverTime: number;
  memberVerified: boolean;
  campaigns: CampaignView[];
}

export interface FamilyView {
  circumstances: Array<{ kind: Circumstance; label: string; status: CheckStatus; statusLabel: string }>;
}
export interface ChildView {
  id: string;
  name: string;
  nameMasked: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  grade: number | null;
  gradeRecordedOn: string | null;
  school: string;
  emergencyName: string;
  emergencyPhone: string;
  healthNotes: string;
  /** "上一期出勤 8/15 天（53%）…" when the child is barred from the next period. */
  barredReason: string | null;
  hasCurrentPlace: boolean;
}
export interface MyChildrenResult {
  consented: boolean;
  consentedAt: string | null;
  children: ChildView[];
  family: FamilyView;
}
export interface ConsentResult {
  consentedAt: string;
}
export interface AddChildResult {
  child: ChildView;
}
export interface DeleteChildResult {
  deleted: true;
}
export interface ChildDetailResult {
  child: ChildView;
  /** 'guardian' or 'staff': who is looking. */
  viewer: 'guardian' | 'staff';
}
export interface DeclareFamilyResult {
  family: FamilyView;
}

export interface RegistrationView {
  id: string;
  campaignId: string;
  campaignTitle: string;
  siteName: string;
  slotId: string;
  slotLabel: string;
  childId: string;
  childNameMasked: string;
  status: RegistrationStatus;
  /** "已录取", "候补第 3 位"… */
  statusText: string;
  /** Why: tier, lottery rank, capacity, deadline, attendance… */
  reason: string;
  tierLabel: string | null;
  lotteryRank: number | null;
  waitPosition: number | null;
  offerExpiresAt: string | null;
  attendance: { present: number; marked: number; rate: number | null } | null;
  createdAt: string;
}
export interface SignUpResult {
  registration: RegistrationView;
}
export interface MyRegistrationsResult {
  serverTime: number;
  registrations: RegistrationView[];
}
export interface RegistrationResult {
  registration: RegistrationView;
}
export type LotteryRecordResult = PublishedLottery;

export interface AdminCampaignsResult {
  campaigns: CampaignView[];
}
export interface AdminCampaignResult {
  campaign: CampaignView;
}
export interface AdminSiteResult {
  site: SiteView & { staff: Array<{ nameMasked: string; cardNo: string }> };
}
export interface AdminSlotResult {
  slot: SlotView;
}
export interface FigureRow {
  slotId: string;
  siteName: string;
  periodName: string;
  bandLabel: string;
  capacity: number;
  demand: number;
  admitted: number;
  offered: number;
  waitlist: number;
  /** Average attendance over marked days; null before any. */
  attendanceRate: number | null;
}
export interface AdminFiguresResult {
  campaignId: string;
  rows: FigureRow[];
  totals: { capacity: number; demand: number; admitted: number; waitlist: number; attendanceRate: number | null };
}
export interface AdminFamilyRow {
  registrationId: string;
  childNameMasked: string;
  slotLabel: string;
  status: RegistrationStatus;
  circumstances: FamilyView['circumstances'];
}
export interface AdminFamiliesResult {
  items: AdminFamilyRow[];
}
export interface AdminCheckFamilyResult {
  family: FamilyView;
}
export interface AuditRow {
  at: string;
  event: string;
  eventLabel: string;
  registrationId: string | null;
  slotId: string | null;
  actor: 'guardian' | 'system' | 'admin' | 'staff';
  detail: string;
}
export interface AdminAuditResult {
  items: AuditRow[];
}

export interface StaffSlotSummary extends SlotView {
  siteId: string;
  siteName: string;
  campaignTitle: string;
}
export interface StaffSitesResult {
  slots: StaffSlotSummary[];
}
export interface RosterRow {
  registrationId: string;
  status: RegistrationStatus;
  child: ChildView;
  marks: Record<string, boolean>;
  attendance: { present: number; marked: number; rate: number | null };
}
export interface StaffRosterResult {
  slot: StaffSlotSummary;
  rows: RosterRow[];
}
export interface StaffRosterCsvResult {
  filename: string;
  csv: string;
}
export interface StaffMarkAttendanceResult {
  marked: number;
}
