/**
 * The authorization matrix, generated from the action table of docs/security.md (which must list
 * exactly the functions' actions). Every admin action is called with a request aimed at the
 * 北仑 subtree as: nobody (no identity), a guest, a member, a member of another union (海曙) and an
 * admin of a sibling subtree (海曙) — all refused, and no document of any collection changes — and
 * then as the right admin (北仑区总工会), who gets through. Member-owned records are tried with
 * another member's ids, site staff actions by people who are not the site's staff.
 */
import { schemaRegistry } from '../../../shared/validation/registry';
import type { Result } from '../../../shared/envelope';
import type { AdminRosterResult } from '../../../shared/content/views';
import type { CardTokenResult } from '../../../shared/member/schemas';
import { DAYCARE_SEED_CAMPAIGN } from '../../../scripts/local-cloud/demo/seedDaycare';
import { RECU_SEED_BATCH_SOON } from '../../../scripts/local-cloud/demo/seedRecuperation';
import { formatBusiness } from '../../../shared/time';
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import { readActionTable, type Who } from '../../scenarios/actionTable';
import { givenAdminOf, givenVerifiedMember, importCsv, newIdNumber, anApplicant } from '../../scenarios/member';
import { changedCollections, snapshot } from '../../scenarios/snapshot';
import { activityInput } from '../../scenarios/content';

const table = readActionTable();
const RIGHT: As = { persona: 'district_admin' };
const GUEST: As = { persona: 'guest' };
const MEMBER: As = { persona: 'member' };
const OTHER_MEMBER: As = { openid: 'o_authz_haishu_member' };
let SIBLING: As;

/** Codes that mean "refused because of who you are" (a right caller must never get one). */
const AUTHZ = ['UNAUTHENTICATED', 'NOT_UNION_ADMIN', 'OUT_OF_SCOPE', 'FORBIDDEN'];

let t: TestCloud;
const call = (action: string, data: unknown, as: As) => {
  const [fn, name] = action.split('.');
  return t.call(fn, name, data, as);
};
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/** Fixture ids read or made once the cloud is up. */
const ids: Record<string, string> = {};

interface Fixture {
  /** A request aimed at the 北仑 subtree that the right caller may make. */
  input: () => unknown;
  /** What the sibling-subtree admin gets, when not OUT_OF_SCOPE / NOT_FOUND. */
  sibling?: (r: Result<unknown>) => void;
  /** admin-own: what of the sibling admin's answer must hold nothing of 北仑 (default: all of it). */
  own?: (data: unknown) => unknown;
  /** Collections a refused call writes by design (its own audit, docs/security.md). */
  audits?: string[];
  /** The right admin's answer when not ok (a business rule the fixture meets on purpose). */
  rightCode?: string;
}

const wall = (hoursFromNow: number) => Date.now() + hoursFromNow * 3600_000;
const LOOKUP = ['admin_lookup_audit', 'admin_lookup_budgets'];
const summer = new Date().getFullYear() + 1;

// In the order they run: later fixtures use what earlier right-admin calls made.
const ADMIN_FIXTURES: Record<string, Fixture> = {
  'member.adminListApplications': { input: () => ({ unionId: 'nb-bl' }) },
  'member.adminReview': { input: () => ({ applicationId: ids.application, decision: 'reject', reason: '材料不全，请补充后重新申请' }) },
  'member.adminImport': {
    input: () => ({ csv: importCsv([{ realName: '陈大海', idNumber: ids.importId, unionCode: 'nb-bl-xq-gw' }]) }),
    // Rows for unions outside the subtree are row errors: nothing imported.
    sibling: (r) =>
      expect(r).toMatchObject({
        ok: true,
        data: { imported: 0, forwarded: 0, errors: [{ row: 2, reason: '所属工会不在您的管理范围内' }] },
      }),
  },
  'member.adminFindMember': { input: () => ({ cardNo: ids.card }), audits: LOOKUP },
  'member.adminListMembers': { input: () => ({ unionId: 'nb-bl' }) },
  'system.adminOverview': {
    input: () => ({ unionId: 'nb-bl', from: formatBusiness(wall(-24 * 30), 'YYYY-MM-DD'), to: formatBusiness(wall(0), 'YYYY-MM-DD') }),
  },
  'system.adminBanners': { input: () => ({}) },
  'system.adminCreateBanner': {
    input: () => ({
      unionId: 'nb-bl',
      title: '北仑职工运动会',
      image: 'https://example.org/b.png',
      link: { kind: 'post', id: 'p_seed_bl_walk' },
      startAt: formatBusiness(wall(1), 'YYYY-MM-DD HH:mm'),
      endAt: formatBusiness(wall(24 * 7), 'YYYY-MM-DD HH:mm'),
    }),
    sibling: (r) => expect(code(r)).toBe('PUBLISH_OWN_UNION_ONLY'),
  },
  'system.adminMoveBanner': { input: () => ({ id: 'bn_seed_bl_daycare', direction: 'down' }) },
  'system.adminRemoveBanner': { input: () => ({ id: 'bn_seed_bl_walk' }) },
  'system.adminContact': { input: () => ({ unionId: 'nb-bl-xq' }) },
  'system.adminSaveContact': {
    input: () => ({ unionId: 'nb-bl-xq', contactPhone: '0574-86860000', address: '北仑区新碶街道新大路 1 号', hours: '工作日 9:00-17:00' }),
  },
  'member.adminMemberHistory': { input: () => ({ cardNo: ids.card }), audits: LOOKUP },
  'member.adminUpdateMember': { input: () => ({ cardNo: ids.card, tags: ['劳模'], note: '评为区级劳模' }), audits: LOOKUP },
  'member.adminSetStatus': { input: () => ({ cardNo: ids.card, status: 'revoked', reason: '会员已调离本单位' }), audits: LOOKUP },
  'member.adminListAdmins': { input: () => ({ unionId: 'nb-bl-xq-gw' }) },
  'member.adminAppoint': { input: () => ({ cardNo: ids.appointee, unionId: 'nb-bl-xq-gw' }), audits: LOOKUP },
  'member.adminRemove': {
    input: () => ({ cardNo: ids.appointee, unionId: 'nb-bl-xq-gw', reason: '换届，不再担任工会干部' }),
    audits: LOOKUP,
  },
  'member.verifyCard': { input: () => ({ token: ids.cardToken }) },
  'content.adminSave': {
    input: () => ({ unionId: 'nb-bl', kind: 'article', title: '北仑职工风采', bodyHtml: '<p>评选结果公布。</p>' }),
    sibling: (r) => expect(code(r)).toBe('PUBLISH_OWN_UNION_ONLY'),
  },
  'content.adminPublish': { input: () => ({ id: ids.draft }), sibling: (r) => expect(code(r)).toBe('PUBLISH_OWN_UNION_ONLY') },
  'content.adminWithdraw': { input: () => ({ id: 'p_seed_bl_law', reason: '内容需要更新' }) },
  'content.adminList': { input: () => ({}) },
  'content.adminGet': { input: () => ({ id: 'p_seed_bl_walk' }) },
  'content.adminRoster': { input: () => ({ postId: 'p_seed_bl_walk' }) },
  'content.adminCheckIn': { input: () => ({ signupId: ids.rosterKey }) },
  'content.adminFigures': { input: () => ({}) },
  'content.adminUploadSlot': {
    input: () => ({ unionId: 'nb-bl', ext: 'jpg' }),
    sibling: (r) => expect(code(r)).toBe('PUBLISH_OWN_UNION_ONLY'),
  },
  'recuperation.adminUnits': { input: () => ({}) },
  'recuperation.adminSaveUnit': { input: () => ({ unionId: 'nb-bl-xq-gw', quota: 10, staffCount: 120, ownership: 'public' }) },
  'recuperation.adminSaveVenue': { input: () => ({ ownerUnionId: 'nb-bl', name: '北仑职工疗休养基地', location: '北仑区春晓街道' }) },
  'recuperation.adminCreateBatch': {
    input: () => ({
      venueId: ids.venue,
      ownerUnionId: 'nb-bl',
      startDate: formatBusiness(wall(24 * 40), 'YYYY-MM-DD'),
      days: 3,
      capacity: 20,
      costFen: 100_000,
    }),
  },
  // Venues are places of the whole city (no people); the batches are the caller's subtree's.
  'recuperation.adminBatches': { input: () => ({}), own: (d) => (d as { batches: unknown }).batches },
  'recuperation.adminApplicants': { input: () => ({ unionId: 'nb-bl-xq-gw' }) },
  'recuperation.adminDecide': { input: () => ({ applicationId: ids.recuApplication, decision: 'approve' }) },
  'recuperation.adminUnitMembers': { input: () => ({ unionId: 'nb-bl-xq-gw' }) },
  'recuperation.adminNominate': { input: () => ({ batchId: RECU_SEED_BATCH_SOON, memberId: ids.nominee }) },
  'recuperation.adminRoster': { input: () => ({ batchId: RECU_SEED_BATCH_SOON }) },
  'recuperation.adminAttendance': { input: () => ({ batchId: 'batch_seed_past', absentApplicationIds: [] }) },
  'recuperation.subsidySubmit': {
    input: () => ({
      unionId: 'nb-bl-dq-kd',
      place: '安吉县天荒坪镇',
      startDate: formatBusiness(wall(-24 * 20), 'YYYY-MM-DD'),
      days: 2,
      persons: 10,
      spendPerPersonPerDayFen: 20_000,
    }),
  },
  'recuperation.subsidyList': { input: () => ({}) },
  'recuperation.subsidyDecide': { input: () => ({ claimId: 'subsidy_seed_kaida', decision: 'approve' }) },
  'recuperation.adminFigures': { input: () => ({}) },
  'daycare.adminCampaigns': { input: () => ({}) },
  'daycare.adminCreateCampaign': {
    input: () => ({
      unionId: 'nb-bl',
      title: `北仑区 ${summer} 年暑托班（补充）`,
      summer,
      opensAt: wall(1),
      closesAt: wall(48),
      mode: 'first_come',
    }),
  },
  'daycare.adminAddSite': {
    input: () => ({
      campaignId: DAYCARE_SEED_CAMPAIGN,
      hostUnionId: 'nb-bl-xq',
      name: '新碶补充托管点',
      address: '北仑区新碶街道测试路 1 号',
      contactName: '王老师',
      contactPhone: '0574-86780000',
      kind: 'science',
    }),
  },
  'daycare.adminAddSlot': {
    input: () => ({
      siteId: ids.site,
      periodName: '补充一期',
      startDate: `${ids.summer}-08-03`,
      endDate: `${ids.summer}-08-14`,
      band: 'lower',
      capacity: 10,
    }),
  },
  'daycare.adminSetStaff': { input: () => ({ siteId: ids.site, cardNos: [] }) },
  'daycare.adminFigures': { input: () => ({ campaignId: DAYCARE_SEED_CAMPAIGN }) },
  'daycare.adminFamilies': { input: () => ({ campaignId: DAYCARE_SEED_CAMPAIGN }) },
  'daycare.adminCheckFamily': { input: () => ({ registrationId: ids.registration, kind: ids.circumstance, decision: 'verified' }) },
  'daycare.adminAudit': { input: () => ({ campaignId: DAYCARE_SEED_CAMPAIGN }) },
  'benefit.adminList': { input: () => ({}) },
  'benefit.figures': { input: () => ({ dropId: 'ddemo0open' }) },
  'benefit.exportCsv': { input: () => ({ dropId: 'ddemo0open' }) },
  'benefit.adminRedemptions': { input: () => ({ dropId: 'ddemo0open' }) },
  'benefit.redeem': { input: () => ({ code: ids.claimCode }), audits: ['redemption_audit'] },
  'benefit.adminCancel': { input: () => ({ dropId: 'ddemo0park', reason: '商家临时取消' }) },
  'benefit.adminUploadSlot': { input: () => ({ unionId: 'nb-bl', ext: 'png' }) },
  'benefit.adminCreate': {
    input: () => ({ unionId: 'nb-bl', title: '周五流量包 10GB', kind: 'data', stock: 10, mode: 'first_come', opensAt: wall(3) }),
  },
};

/**
 * Member-owned records tried by another member (`member` persona), with the answer they get:
 * `NOT_FOUND` as if the record did not exist, or an answer about the caller's own (empty) state.
 */
const OWNER_FIXTURES: Record<string, { input: () => unknown; answer: string }> = {
  'content.cancelSignup': { input: () => ({ postId: ids.parentSignupPost }), answer: 'SIGNUP_NOT_FOUND' }, // the caller's own sign-up: none
  'notify.markRead': { input: () => ({ ids: [ids.parentNotice] }), answer: 'ok' }, // marks the caller's own notices only: none
  'recuperation.withdraw': { input: () => ({ applicationId: ids.recuApplicationOther }), answer: 'NOT_FOUND' },
  'daycare.deleteChild': { input: () => ({ childId: ids.parentChild }), answer: 'NOT_FOUND' },
  'daycare.childDetail': { input: () => ({ childId: ids.parentChild }), answer: 'NOT_FOUND' },
  'daycare.signUp': { input: () => ({ slotId: ids.slot, childId: ids.parentChild }), answer: 'NOT_FOUND' },
  'daycare.acceptOffer': { input: () => ({ registrationId: ids.registration }), answer: 'NOT_FOUND' },
  'daycare.cancel': { input: () => ({ registrationId: ids.registration }), answer: 'NOT_FOUND' },
};
const STAFF_FIXTURES: Record<string, () => unknown> = {
  'daycare.staffRoster': () => ({ slotId: ids.slot }),
  'daycare.staffRosterCsv': () => ({ slotId: ids.slot }),
  'daycare.staffMarkAttendance': () => ({ slotId: ids.slot, date: `${ids.summer}-07-06`, marks: [] }),
};

async function must<T>(r: Promise<Result<T>>, what: string): Promise<T> {
  const res = await r;
  if (!res.ok) throw new Error(`${what}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

async function one<T>(collection: string, where: object): Promise<T> {
  const doc = (await t.db.collection(collection).where(where).limit(1).get()).data[0] as T | undefined;
  if (!doc) throw new Error(`no ${collection} document for ${JSON.stringify(where)}`);
  return doc;
}

beforeAll(async () => {
  t = await givenLocalCloud();
  SIBLING = { openid: (await givenAdminOf(t, 'nb-hs')).openid };
  await t.db
    .collection('users')
    .doc('o_authz_haishu_member')
    .set({
      openid: 'o_authz_haishu_member',
      nameMasked: '海*员',
      memberStatus: 'verified',
      unionId: 'nb-hs-nm-ly',
      unionAncestors: ['nb', 'nb-hs', 'nb-hs-nm', 'nb-hs-nm-ly'],
      tags: [],
      cardNo: null,
      adminUnionIds: [],
      follows: ['nb', 'nb-hs'],
    });
  // Both admins have acted once (requireAdmin marks a first admin action), so it is not a write below.
  for (const as of [RIGHT, SIBLING]) await must(call('content.adminList', {}, as), 'warm-up');

  ids.application = (
    (await must(call('member.apply', anApplicant().request, { openid: 'o_authz_applicant' }), 'apply')) as { application: { id: string } }
  ).application.id;
  ids.importId = newIdNumber();
  ids.card = (await givenVerifiedMember(t)).cardNo;
  ids.appointee = (await givenVerifiedMember(t)).cardNo;
  ids.cardToken = ((await must(call('member.cardToken', {}, MEMBER), 'cardToken')) as CardTokenResult).token;
  ids.draft = (
    (await must(
      call('content.adminSave', { unionId: 'nb-bl', kind: 'article', title: '草稿', bodyHtml: '<p>草稿</p>' }, RIGHT),
      'draft',
    )) as { post: { id: string } }
  ).post.id;
  await must(call('content.signUp', { postId: 'p_seed_bl_walk' }, MEMBER), 'signUp');
  ids.rosterKey = (
    (await must(call('content.adminRoster', { postId: 'p_seed_bl_walk' }, RIGHT), 'roster')) as AdminRosterResult
  ).items[0].id;
  ids.venue = (
    (await must(
      call('recuperation.adminSaveVenue', { ownerUnionId: 'nb-bl', name: '北仑测试场所', location: '北仑区' }, RIGHT),
      'venue',
    )) as { venue: { id: string } }
  ).venue.id;
  ids.recuApplication = (await one<{ _id: string }>('recu_applications', { unionId: 'nb-bl-xq-gw', status: 'pending' }))._id;
  ids.recuApplicationOther = ids.recuApplication;
  ids.nominee = (await one<{ _id: string }>('members', { unionId: 'nb-bl-xq-gw', status: 'active' }))._id;
  const site = await one<{ _id: string }>('daycare_sites', { campaignId: DAYCARE_SEED_CAMPAIGN });
  ids.site = site._id;
  const slot = await one<{ _id: string; startDate: string }>('daycare_slots', { siteId: site._id });
  ids.slot = slot._id;
  ids.summer = String(slot.startDate).slice(0, 4);
  const families = (await t.db.collection('daycare_families').limit(100).get()).data as Array<{
    _id: string;
    circumstances: Array<{ kind: string }>;
  }>;
  for (const family of families) {
    const reg = (
      await t.db.collection('daycare_registrations').where({ campaignId: DAYCARE_SEED_CAMPAIGN, guardianOpenid: family._id }).limit(1).get()
    ).data[0] as { _id: string } | undefined;
    if (reg && family.circumstances.length) {
      ids.registration = reg._id;
      ids.circumstance = family.circumstances[0].kind;
      break;
    }
  }
  if (!ids.registration) throw new Error('no seeded registration with declared circumstances');
  const parent = 'o_local_parent_lixiumei';
  ids.parentChild = (await one<{ _id: string }>('daycare_children', { guardianOpenid: parent }))._id;
  const activity = ((await must(call('content.adminSave', activityInput(), RIGHT), 'activity')) as { post: { id: string } }).post.id;
  await must(call('content.adminPublish', { id: activity }, RIGHT), 'publish activity');
  await must(call('content.signUp', { postId: activity }, { persona: 'parent' }), 'parent signUp');
  ids.parentSignupPost = activity;
  await t.db
    .collection('notifications')
    .doc('n_authz_parent_notice')
    .set({ openid: parent, category: 'system', title: '测试', body: '测试', link: null, createdAt: new Date(), readAt: null });
  ids.parentNotice = 'n_authz_parent_notice';
  const claim = await must(call('benefit.claim', { dropId: 'ddemo0open' }, MEMBER), 'claim');
  ids.claimCode = (claim as { code: string }).code;
});
afterAll(async () => t?.close());

it('the action table lists exactly the functions’ actions', () => {
  expect([...table.keys()].sort()).toEqual(Object.keys(schemaRegistry).sort());
});

it('every admin action has a fixture, and nothing else does', () => {
  const admin = [...table]
    .filter(([, who]) => who === 'admin' || who === 'admin-own')
    .map(([a]) => a)
    .sort();
  expect(Object.keys(ADMIN_FIXTURES).sort()).toEqual(admin);
  expect(Object.keys(OWNER_FIXTURES).sort()).toEqual(
    [...table]
      .filter(([, who]) => who === 'owner')
      .map(([a]) => a)
      .sort(),
  );
  expect(Object.keys(STAFF_FIXTURES).sort()).toEqual(
    [...table]
      .filter(([, who]) => who === 'staff')
      .map(([a]) => a)
      .sort(),
  );
});

it('nobody without an identity gets past any action but the public ones', async () => {
  const before = await snapshot(t);
  for (const [action, who] of table) {
    const res = await call(action, {}, 'anonymous');
    if (who === 'anyone') expect({ action, code: code(res) }).not.toEqual({ action, code: 'UNAUTHENTICATED' });
    else expect({ action, code: code(res) }).toEqual({ action, code: 'UNAUTHENTICATED' });
  }
  expect(changedCollections(before, await snapshot(t))).toEqual([]);
});

describe.each(Object.keys(ADMIN_FIXTURES))('%s', (action) => {
  it('refuses everyone but an admin of the target’s subtree, and the refusals change nothing', async () => {
    const f = ADMIN_FIXTURES[action];
    const who: Who = table.get(action)!;
    const input = f.input();
    const before = await snapshot(t);
    for (const [role, as] of [
      ['guest', GUEST],
      ['member', MEMBER],
      ['member of another union', OTHER_MEMBER],
    ] as const) {
      expect({ role, code: code(await call(action, input, as)) }).toEqual({ role, code: 'NOT_UNION_ADMIN' });
    }
    const sibling = await call(action, input, SIBLING);
    if (who === 'admin') {
      if (f.sibling) f.sibling(sibling);
      else expect(['OUT_OF_SCOPE', 'NOT_FOUND']).toContain(code(sibling));
    } else {
      // Any admin may call it; the answer covers the caller's own subtree, so nothing of 北仑.
      expect({ action, code: code(sibling) }).toEqual({ action, code: 'ok' });
      const own = f.own ?? ((d: unknown) => d);
      if (action !== 'member.verifyCard' && sibling.ok) expect(JSON.stringify(own(sibling.data))).not.toMatch(/北仑|nb-bl/);
    }
    const changed = changedCollections(before, await snapshot(t)).filter((c) => !(f.audits ?? []).includes(c));
    expect(changed).toEqual([]);

    const right = await call(action, input, RIGHT);
    expect(AUTHZ).not.toContain(code(right));
    expect({ action, code: code(right) }).toEqual({ action, code: f.rightCode ?? 'ok' });
  });
});

describe.each(Object.keys(OWNER_FIXTURES))('%s', (action) => {
  it('another member’s record: refused or untouched, nothing changes', async () => {
    const before = await snapshot(t);
    const res = await call(action, OWNER_FIXTURES[action].input(), MEMBER);
    expect({ action, code: code(res) }).toEqual({ action, code: OWNER_FIXTURES[action].answer });
    expect(JSON.stringify(res)).not.toContain('o_local_parent_lixiumei');
    expect(changedCollections(before, await snapshot(t))).toEqual([]);
  });
});

describe.each(Object.keys(STAFF_FIXTURES))('%s', (action) => {
  it('refuses a member, another union’s member and a sibling admin; the host chain’s admin gets through', async () => {
    const input = STAFF_FIXTURES[action]();
    const before = await snapshot(t);
    for (const [role, as] of [
      ['member', MEMBER],
      ['member of another union', OTHER_MEMBER],
      ['sibling admin', SIBLING],
    ] as const) {
      const res = await call(action, input, as);
      expect({ role, ok: res.ok }).toEqual({ role, ok: false });
    }
    expect(changedCollections(before, await snapshot(t))).toEqual([]);
    expect(AUTHZ).not.toContain(code(await call(action, input, RIGHT)));
  });
});
