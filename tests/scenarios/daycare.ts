/**
 * Day-care scenario builders: a campaign with sites and slots (created through the real admin
 * actions as the district admin), families (users, consent and children written with the SDK,
 * as many as a test needs), sign-ups through HTTP.
 */
import type { Result } from '../../shared/envelope';
import type { AdminCampaignResult, AdminSiteResult, AdminSlotResult, RegistrationView, SignUpResult } from '../../shared/daycare/views';
import type { Circumstance } from '../../shared/daycare/rules';
import type { TestCloud } from './cloud';

export const ADMIN = { persona: 'district_admin' } as const;

/** The next summer after the business clock's date (November 2026 → 2027). */
export function nextSummer(now = new Date()): number {
  return now.getUTCMonth() >= 6 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

export function unwrap<T>(res: Result<T>): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

export interface SlotSpec {
  periodName?: string;
  startDate?: string;
  endDate?: string;
  band?: 'lower' | 'upper';
  capacity: number;
}

export interface GivenCampaign {
  campaignId: string;
  summer: number;
  commitment: string | null;
  sites: Array<{ siteId: string; slotIds: string[] }>;
  closesAt: number;
}

/** A campaign of 北仑区总工会 (nb-bl) opened now; each site hosted by a street union below it. */
export async function givenCampaign(
  t: TestCloud,
  opts: {
    mode: 'first_come' | 'lottery';
    sites: SlotSpec[][];
    periodLimit?: number;
    closesInMs?: number;
    closesAt?: number;
    offerHours?: number;
  },
): Promise<GivenCampaign> {
  const now = t.cloud.clock.now();
  const summer = nextSummer(new Date(now));
  const closesAt = opts.closesAt ?? now + (opts.closesInMs ?? 3600_000);
  const created = unwrap(
    await t.call<AdminCampaignResult>(
      'daycare',
      'adminCreateCampaign',
      {
        unionId: 'nb-bl',
        title: `北仑区 ${summer} 年暑期爱心托管班`,
        summer,
        opensAt: now - 60_000,
        closesAt,
        mode: opts.mode,
        periodLimit: opts.periodLimit,
        offerHours: opts.offerHours,
      },
      ADMIN,
    ),
  );
  const hosts = ['nb-bl-xq', 'nb-bl-dq', 'nb-bl-xg'];
  const sites: GivenCampaign['sites'] = [];
  for (const [i, slots] of opts.sites.entries()) {
    const site = unwrap(
      await t.call<AdminSiteResult>(
        'daycare',
        'adminAddSite',
        {
          campaignId: created.campaign.id,
          hostUnionId: hosts[i % hosts.length],
          name: `测试托管点${i + 1}`,
          address: `北仑区测试路${i + 1}号`,
          contactName: '王老师',
          contactPhone: '0574-86780000',
          kind: i % 2 ? 'arts' : 'science',
        },
        ADMIN,
      ),
    );
    const slotIds: string[] = [];
    for (const [j, s] of slots.entries()) {
      const slot = unwrap(
        await t.call<AdminSlotResult>(
          'daycare',
          'adminAddSlot',
          {
            siteId: site.site.id,
            periodName: s.periodName ?? `第${j + 1}期`,
            startDate: s.startDate ?? `${summer}-07-06`,
            endDate: s.endDate ?? `${summer}-07-24`,
            band: s.band ?? 'lower',
            capacity: s.capacity,
          },
          ADMIN,
        ),
      );
      slotIds.push(slot.slot.id);
    }
    sites.push({ siteId: site.site.id, slotIds });
  }
  return { campaignId: created.campaign.id, summer, commitment: created.campaign.seedCommitment, sites, closesAt };
}

export interface Family {
  openid: string;
  childId: string;
}

/**
 * `count` verified member families of 新碶小微企业联合工会, each with consent and one child in
 * grade 2 of the summer, written directly with the SDK (the arranging step, not under test).
 */
export async function givenFamilies(
  t: TestCloud,
  count: number,
  opts: { prefix?: string; summer: number; circumstances?: (i: number) => Circumstance[] },
): Promise<Family[]> {
  const prefix = opts.prefix ?? 'o_dc_fam';
  const now = new Date(t.cloud.clock.now());
  const families: Family[] = Array.from({ length: count }, (_, i) => ({
    openid: `${prefix}_${String(i).padStart(4, '0')}`,
    childId: `ch_${prefix.replace(/^o_/, '')}_${i}`,
  })); // (a child id that looks like an openid would trip the leak check)
  const ancestors = ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-lh'];
  for (let i = 0; i < families.length; i += 50) {
    await Promise.all(
      families.slice(i, i + 50).map(async (f, k) => {
        const n = i + k;
        await t.db.collection('users').doc(f.openid).set({
          openid: f.openid,
          nameMasked: '测*',
          memberStatus: 'verified',
          unionId: 'nb-bl-xq-lh',
          unionAncestors: ancestors,
          tags: [],
          cardNo: null,
          adminUnionIds: [],
          follows: [],
          createdAt: now,
        });
        await t.db.collection('daycare_consents').doc(f.openid).set({ version: 1, consentedAt: now });
        await t.db
          .collection('daycare_children')
          .doc(f.childId)
          .set({
            guardianOpenid: f.openid,
            name: `测试孩子${n}`,
            nameMasked: '测**',
            gender: n % 2 ? 'male' : 'female',
            birthDate: `${opts.summer - 8}-03-01`,
            grade: null,
            gradeRecordedOn: null,
            school: '新碶小学',
            emergencyName: '测试家长',
            emergencyPhone: '13800000000',
            healthNotes: '',
            createdAt: now,
          });
        const kinds = opts.circumstances?.(n) ?? [];
        if (kinds.length) {
          await t.db
            .collection('daycare_families')
            .doc(f.openid)
            .set({
              circumstances: kinds.map((kind) => ({ kind, status: 'declared', declaredAt: now })),
              updatedAt: now,
            });
        }
      }),
    );
  }
  return families;
}

export async function signUp(t: TestCloud, f: Family, slotId: string): Promise<Result<SignUpResult>> {
  return t.call<SignUpResult>('daycare', 'signUp', { slotId, childId: f.childId }, { openid: f.openid });
}

export async function registrationOf(t: TestCloud, f: Family): Promise<RegistrationView[]> {
  const res = unwrap(await t.call<{ registrations: RegistrationView[] }>('daycare', 'myRegistrations', {}, { openid: f.openid }));
  return res.registrations;
}

export async function fire(t: TestCloud, trigger: 'closeWindows' | 'expireOffers'): Promise<unknown> {
  const res = await t.cloud.triggers.fireNow('daycare', trigger);
  if (!res) throw new Error(`trigger daycare.${trigger} not planned`);
  return res.result;
}

/** A member with a card bound to `openid` (to be named site staff by card number). */
export async function givenCardHolder(t: TestCloud, openid: string, cardNo: string, unionId = 'nb-bl-xq-gw'): Promise<void> {
  const now = new Date(t.cloud.clock.now());
  await t.db
    .collection('users')
    .doc(openid)
    .set({
      openid,
      nameMasked: '职*员',
      memberStatus: 'verified',
      unionId,
      unionAncestors: ['nb', 'nb-bl', 'nb-bl-xq', unionId],
      tags: [],
      cardNo,
      adminUnionIds: [],
      follows: [],
      createdAt: now,
    });
  await t.db
    .collection('members')
    .doc(`m_${openid}`)
    .set({
      cardNo,
      status: 'active',
      nameMasked: '职*员',
      nameHash: 'x',
      idMasked: 'x',
      phoneMasked: null,
      phoneHash: null,
      employer: '测试单位',
      unionId,
      unionAncestors: ['nb', 'nb-bl', 'nb-bl-xq', unionId],
      tags: [],
      source: 'import',
      openid,
      joinedAt: now,
      createdBy: 'test',
    });
}
