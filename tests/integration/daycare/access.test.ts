import type {
  ChildDetailResult,
  MyChildrenResult,
  StaffRosterCsvResult,
  StaffRosterResult,
  StaffSitesResult,
} from '../../../shared/daycare/views';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { ADMIN, givenCampaign, givenCardHolder, givenFamilies, signUp, unwrap } from '../../scenarios/daycare';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

const STAFF_A = { openid: 'o_dc_staff_site_a' };
const STAFF_B = { openid: 'o_dc_staff_site_b' };

it("children's data: guardian and that site's staff only; masked elsewhere; CSV for staff only", async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 5 }], [{ capacity: 5 }]] });
  const [siteA, siteB] = c.sites;
  await givenCardHolder(t, STAFF_A.openid, 'NB-TEST-0001');
  await givenCardHolder(t, STAFF_B.openid, 'NB-TEST-0002');
  unwrap(await t.call('daycare', 'adminSetStaff', { siteId: siteA.siteId, cardNos: ['NB-TEST-0001'] }, ADMIN));
  unwrap(await t.call('daycare', 'adminSetStaff', { siteId: siteB.siteId, cardNos: ['NB-TEST-0002'] }, ADMIN));
  // An admin outside the host union's chain cannot name staff.
  await t.db
    .collection('users')
    .doc('o_dc_hs_admin')
    .set({
      openid: 'o_dc_hs_admin',
      nameMasked: '海*',
      memberStatus: 'verified',
      unionId: 'nb-hs',
      unionAncestors: ['nb', 'nb-hs'],
      tags: [],
      cardNo: null,
      adminUnionIds: ['nb-hs'],
      follows: [],
    });
  expect(await t.call('daycare', 'adminSetStaff', { siteId: siteA.siteId, cardNos: [] }, { openid: 'o_dc_hs_admin' })).toMatchObject({
    ok: false,
    error: { code: 'OUT_OF_SCOPE' },
  });

  const [p1, p2] = await givenFamilies(t, 2, { summer: c.summer, prefix: 'o_dc_acc' });
  expect((await signUp(t, p1, siteA.slotIds[0])).ok).toBe(true);

  // Another parent can neither read, delete nor sign up the child.
  expect(await t.call('daycare', 'childDetail', { childId: p1.childId }, { openid: p2.openid })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(await t.call('daycare', 'deleteChild', { childId: p1.childId }, { openid: p2.openid })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(await signUp(t, { openid: p2.openid, childId: p1.childId }, siteB.slotIds[0])).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  const own = unwrap(await t.call<MyChildrenResult>('daycare', 'myChildren', {}, { openid: p2.openid }));
  expect(own.children.map((ch) => ch.id)).toEqual([p2.childId]);

  // The guardian and site A's staff read the child in full.
  expect(unwrap(await t.call<ChildDetailResult>('daycare', 'childDetail', { childId: p1.childId }, { openid: p1.openid }))).toMatchObject({
    viewer: 'guardian',
    child: { name: '测试孩子0' },
  });
  expect(unwrap(await t.call<ChildDetailResult>('daycare', 'childDetail', { childId: p1.childId }, STAFF_A))).toMatchObject({
    viewer: 'staff',
    child: { name: '测试孩子0', emergencyPhone: '13800000000' },
  });
  const roster = unwrap(await t.call<StaffRosterResult>('daycare', 'staffRoster', { slotId: siteA.slotIds[0] }, STAFF_A));
  expect(roster.rows.map((r) => r.child.name)).toEqual(['测试孩子0']);

  // Site B's staff cannot read site A's roster, CSV or the child.
  expect(await t.call('daycare', 'staffRoster', { slotId: siteA.slotIds[0] }, STAFF_B)).toMatchObject({
    ok: false,
    error: { code: 'DAYCARE_NOT_STAFF' },
  });
  expect(await t.call('daycare', 'staffRosterCsv', { slotId: siteA.slotIds[0] }, STAFF_B)).toMatchObject({
    ok: false,
    error: { code: 'DAYCARE_NOT_STAFF' },
  });
  expect(await t.call('daycare', 'childDetail', { childId: p1.childId }, STAFF_B)).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(await t.call('daycare', 'staffRoster', { slotId: siteA.slotIds[0] }, { openid: p2.openid })).toMatchObject({
    ok: false,
    error: { code: 'DAYCARE_NOT_STAFF' },
  });
  // Staff lists show only their own site.
  const sitesB = unwrap(await t.call<StaffSitesResult>('daycare', 'staffSites', {}, STAFF_B));
  expect(sitesB.slots.map((s) => s.siteId)).toEqual([siteB.siteId]);

  // Admins of the host union's ancestors count as staff (北仑区总工会 over 新碶街道); the city admin too.
  expect((await t.call('daycare', 'staffRoster', { slotId: siteA.slotIds[0] }, ADMIN)).ok).toBe(true);
  expect((await t.call('daycare', 'staffRoster', { slotId: siteA.slotIds[0] }, { persona: 'city_admin' })).ok).toBe(true);
  expect(await t.call('daycare', 'staffRoster', { slotId: siteA.slotIds[0] }, { openid: 'o_dc_hs_admin' })).toMatchObject({
    ok: false,
    error: { code: 'DAYCARE_NOT_STAFF' },
  });

  // CSV for site A's staff, with the full roster.
  const csv = unwrap(await t.call<StaffRosterCsvResult>('daycare', 'staffRosterCsv', { slotId: siteA.slotIds[0] }, STAFF_A));
  expect(csv.csv.startsWith('\uFEFF报名编号,孩子姓名')).toBe(true);
  expect(csv.csv).toContain('测试孩子0');

  // Admin views show masked names only.
  const families = unwrap(await t.call<{ items: unknown[] }>('daycare', 'adminFigures', { campaignId: c.campaignId }, ADMIN));
  expect(JSON.stringify(families)).not.toContain('测试孩子');
  const audit = unwrap(await t.call('daycare', 'adminAudit', { campaignId: c.campaignId }, ADMIN));
  expect(JSON.stringify(audit)).not.toContain('测试孩子');
});

it('a guardian adds a child only after the separate consent, and deletes it only without a current place', async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 5 }]] });
  // A verified member who has not given the guardian consent yet (the seeded 李秀梅 has).
  const parent = { openid: 'o_dc_new_parent' };
  await givenCardHolder(t, parent.openid, 'NB-TEST-0099', 'nb-bl-xq-lh');
  const child = {
    name: '李小雨',
    gender: 'female',
    birthDate: `${c.summer - 8}-05-01`,
    school: '新碶小学',
    emergencyName: '李秀梅',
    emergencyPhone: '13805741202',
  };
  expect(await t.call('daycare', 'addChild', child, parent)).toMatchObject({ ok: false, error: { code: 'DAYCARE_CONSENT_REQUIRED' } });
  expect(await t.call('daycare', 'consent', { agree: false }, parent)).toMatchObject({
    ok: false,
    error: { code: 'DAYCARE_CONSENT_REQUIRED' },
  });
  unwrap(await t.call('daycare', 'consent', { agree: true }, parent));
  expect(await t.call('daycare', 'addChild', { ...child, birthDate: undefined }, parent)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  });
  expect(await t.call('daycare', 'addChild', { ...child, emergencyPhone: '123' }, parent)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  });
  const added = unwrap(await t.call<{ child: { id: string; nameMasked: string } }>('daycare', 'addChild', child, parent));
  expect(added.child.nameMasked).toBe('李*雨');
  // A guest (not a member) cannot add children.
  expect(await t.call('daycare', 'consent', { agree: true }, { persona: 'guest' })).toMatchObject({
    ok: false,
    error: { code: 'MEMBER_NOT_VERIFIED' },
  });

  const reg = unwrap(
    await t.call<{ registration: { id: string } }>('daycare', 'signUp', { slotId: c.sites[0].slotIds[0], childId: added.child.id }, parent),
  );
  expect(await t.call('daycare', 'deleteChild', { childId: added.child.id }, parent)).toMatchObject({
    ok: false,
    error: { code: 'DAYCARE_CHILD_HAS_PLACE' },
  });
  unwrap(await t.call('daycare', 'cancel', { registrationId: reg.registration.id }, parent));
  unwrap(await t.call('daycare', 'deleteChild', { childId: added.child.id }, parent));
  expect((await t.db.collection('daycare_children').doc(added.child.id).get()).data).toHaveLength(0);
  const left = (await t.db.collection('daycare_registrations').doc(reg.registration.id).get()).data[0] as { childNameMasked: string };
  expect(left.childNameMasked).toBe('（已删除）');
});
