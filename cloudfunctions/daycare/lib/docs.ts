/**
 * Stored shapes of the day-care collections (docs/daycare.md). Children carry no ID number;
 * registrations carry only the child's masked name, so admin lists and figures never need
 * the child document.
 */
import type { GeoPoint } from '../../../shared/venue/schemas';
import type {
  AllocationMode,
  Circumstance,
  DeclaredCircumstance,
  GradeBand,
  RegistrationStatus,
  SiteKind,
} from '../../../shared/daycare/rules';

export interface CampaignDoc {
  _id: string;
  unionId: string;
  unionAncestors: string[];
  title: string;
  summer: number;
  opensAt: Date;
  closesAt: Date;
  mode: AllocationMode;
  periodLimit: number;
  attendanceThreshold: number;
  offerHours: number;
  tierOrder: Circumstance[];
  seedCommitment: string | null;
  /** 'open' until the close trigger runs; 'allocating' while the lottery writes; then 'allocated' (lottery) or 'closed' (first-come). */
  status: 'open' | 'allocating' | 'allocated' | 'closed';
  allocatedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface SiteDoc {
  _id: string;
  campaignId: string;
  summer: number;
  hostUnionId: string;
  /** Root → host union: admins of any of these count as the site's staff. */
  hostUnionAncestors: string[];
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  /** Map position (absent on sites added before it existed). */
  location?: GeoPoint | null;
  kind: SiteKind;
  /** Staff assigned by the host union's admins (resolved from member card numbers). */
  staffOpenids: string[];
  staff: Array<{ openid: string; nameMasked: string; cardNo: string }>;
  createdAt: Date;
}

export interface SlotDoc {
  _id: string;
  campaignId: string;
  siteId: string;
  summer: number;
  periodName: string;
  startDate: string;
  endDate: string;
  band: GradeBand;
  capacity: number;
  /** Free places; only ever changed by conditional `_.inc` (never read-modify-write). */
  remaining: number;
  /**
   * When `remaining` last changed, written in the same update as every change (take, return,
   * the lottery's set, the recount). Absent on slots written before it existed (seed data).
   */
  placesChangedAt?: Date | null;
  createdAt: Date;
}

export interface ChildDoc {
  _id: string;
  guardianOpenid: string;
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
  createdAt: Date;
}

export interface FamilyDoc {
  _id: string;
  circumstances: DeclaredCircumstance[];
  updatedAt: Date;
}

export interface RegistrationDoc {
  _id: string;
  campaignId: string;
  campaignUnionAncestors: string[];
  siteId: string;
  slotId: string;
  summer: number;
  childId: string;
  childNameMasked: string;
  guardianOpenid: string;
  holdId: string;
  status: RegistrationStatus;
  /** Priority tier snapshot (lottery), 1 = first. */
  tier: number | null;
  /** Waitlist order within the slot: first-come `f_<ms>_<id>`, lottery `t<tier>_<hmac>`. */
  queueKey: string;
  /** 1-based place in the lottery order of the slot (lottery mode). */
  lotteryRank: number | null;
  reason: string;
  offerExpiresAt: Date | null;
  attendance: Record<string, boolean>;
  requestId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface HoldDoc {
  _id: string;
  childId: string;
  summer: number;
  registrationId: string;
  requestId: string;
  createdAt: Date;
}

export type AuditActor = 'guardian' | 'system' | 'admin' | 'staff';
export interface AuditDoc {
  campaignId: string;
  slotId: string | null;
  registrationId: string | null;
  event: string;
  actor: AuditActor;
  detail: string;
  at: Date;
}
