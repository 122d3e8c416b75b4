/**
 * Scenario builders for the membership tests: a fresh applicant with a made-up, checksum-valid
 * ID number; an admin of any union; CSV files in the import template. Each returns what the
 * test needs to act as that person (an openid for `t.call(..., { openid })`).
 */
import { withCheckChar } from '../../shared/member/idNumber';
import type { Result } from '../../shared/envelope';
import type { AdminReviewResult, ApplyRequest, ApplyResult } from '../../shared/member/schemas';
import { IMPORT_COLUMNS } from '../../shared/member/importTemplate';
import { csvCell } from '../../shared/member/csv';
import { C } from '../../cloudfunctions/_lib/collections';
import { givenLocalCloud, type As, type TestCloud } from './cloud';

let serial = 0;
const runTag = String(process.pid % 1000).padStart(3, '0');

/** A new made-up ID number (region 330206 北仑, born 1990–1999), unique within this test process. */
export function newIdNumber(): string {
  serial++;
  const year = 1990 + (serial % 10);
  const day = String(1 + (serial % 28)).padStart(2, '0');
  // 3-digit sequence from the serial, so numbers do not repeat within a run.
  return withCheckChar(`330206${year}03${day}${String(serial % 1000).padStart(3, '0')}`);
}

/** An ID number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const last = id[17];
  return id.slice(0, 17) + (last === '1' ? '2' : '1');
}

export function newOpenid(prefix = 'o_test'): string {
  serial++;
  return `${prefix}_${runTag}_${serial}_${Math.random().toString(36).slice(2, 8)}`;
}

export function as(openid: string) {
  return { openid };
}

/** Start a local cloud and learn its data folder (to read the SQLite file's bytes afterwards). */
export async function givenLocalCloudWithDataDir(): Promise<{ t: TestCloud; dataDir: string }> {
  const t = await givenLocalCloud();
  return { t, dataDir: t.dataDir };
}

export interface Applicant {
  openid: string;
  realName: string;
  idNumber: string;
  phone: string;
  request: ApplyRequest;
}

/** A worker who has not applied yet (nothing in the database). */
export function anApplicant(overrides: Partial<ApplyRequest> = {}): Applicant {
  const idNumber = overrides.idNumber ?? newIdNumber();
  const phone = overrides.phone ?? `139${String(10_000_000 + serial * 7919).slice(-8)}`;
  const request: ApplyRequest = {
    realName: '张小明',
    idNumber,
    phone,
    employer: '宁波北仑港务有限公司',
    routing: 'employer_union',
    unionId: 'nb-bl-xq-gw',
    tags: ['frontline'],
    consent: true,
    ...overrides,
  };
  return { openid: newOpenid('o_applicant'), realName: request.realName, idNumber, phone, request };
}

/** A worker whose application has been filed (pending). */
export async function givenApplicant(t: TestCloud, overrides: Partial<ApplyRequest> = {}): Promise<Applicant & { applicationId: string }> {
  const a = anApplicant(overrides);
  const res = await t.call<ApplyResult>('member', 'apply', a.request, as(a.openid));
  if (!res.ok) throw new Error(`apply failed: ${res.error.code} ${res.error.message}`);
  return { ...a, applicationId: res.data.application.id };
}

/** A verified member made the real way: apply, then the district admin (北仑) approves. */
export async function givenVerifiedMember(
  t: TestCloud,
  overrides: Partial<ApplyRequest> = {},
): Promise<Applicant & { memberId: string; cardNo: string }> {
  const a = await givenApplicant(t, overrides);
  const res = await t.call<AdminReviewResult>(
    'member',
    'adminReview',
    { applicationId: a.applicationId, decision: 'approve' },
    { persona: 'district_admin' },
  );
  if (!res.ok || !res.data.application.cardNo) throw new Error(`approval failed: ${res.ok ? 'no card' : res.error.code}`);
  return { ...a, memberId: a.applicationId, cardNo: res.data.application.cardNo };
}

/** A member action sent with an explicit envelope requestId, as the app does when it retries. */
export async function callMember<T>(t: TestCloud, action: string, data: unknown, who: As, requestId: string): Promise<Result<T>> {
  const headers: Record<string, string> =
    who === 'anonymous'
      ? { 'x-local-persona': 'anonymous' }
      : 'openid' in who
        ? { 'x-local-openid': who.openid }
        : { 'x-local-persona': who.persona };
  const res = await t.post('/api/functions/member', JSON.stringify({ action, data, requestId }), headers);
  return res.json as Result<T>;
}

/** A union admin of `unionId` (e.g. 'nb-hs' for 海曙), written straight into users. */
export async function givenAdminOf(t: TestCloud, unionId: string): Promise<{ openid: string }> {
  const openid = newOpenid('o_admin');
  await t.db
    .collection('users')
    .doc(openid)
    .set({
      openid,
      nameMasked: '管*员',
      memberStatus: 'none',
      unionId: null,
      unionAncestors: [],
      tags: [],
      cardNo: null,
      adminUnionIds: [unionId],
      follows: [],
    });
  return { openid };
}

export type ImportLine = Partial<Record<(typeof IMPORT_COLUMNS)[number]['key'], string>>;

/** A CSV in the import template (BOM + CRLF, as Excel writes "CSV UTF-8"). */
export function importCsv(lines: ImportLine[]): string {
  const header = IMPORT_COLUMNS.map((c) => c.header).join(',');
  const rows = lines.map((l) => IMPORT_COLUMNS.map((c) => csvCell(l[c.key] ?? '')).join(','));
  return '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n';
}

/**
 * Reads of a member's records for assertions, from the cloud `cloud()` returns (a getter, since
 * test files start theirs in beforeAll).
 */
export function memberRecords(cloud: () => TestCloud) {
  const db = () => cloud().db;
  return {
    memberDoc: async (memberId: string) => (await db().collection(C.members).doc(memberId).get()).data[0] as Record<string, unknown>,
    userDoc: async (openid: string) => (await db().collection(C.users).doc(openid).get()).data[0] as Record<string, unknown>,
    auditOf: async (memberId: string) =>
      (await db().collection(C.memberAudit).where({ memberId }).orderBy('at', 'asc').get()).data as Array<Record<string, unknown>>,
    /**
     * The membership notices about the card and admin rights, oldest first. The join review's own
     * notice (入会申请已通过 / 未通过, which every member made through an approval has) is left out:
     * review-notify.test.ts checks it.
     */
    noticesOf: async (openid: string) =>
      (
        (await db().collection(C.notifications).where({ openid, category: 'membership' }).orderBy('createdAt', 'asc').get()).data as Array<{
          title: string;
          body: string;
          link: string;
        }>
      ).filter((n) => !n.title.startsWith('入会申请')),
  };
}
