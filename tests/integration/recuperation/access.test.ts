/** Non-admins and admins of other units are refused, with nothing changed. */
import { C } from '../../../cloudfunctions/_lib/collections';
import { RECU_SEED_BATCH_SOON } from '../../../scripts/local-cloud/demo/seedRecuperation';
import {
  applyAs,
  GANGWU,
  givenLocalCloud,
  givenMembers,
  LIANHE,
  MEMBER,
  must,
  UNIT_ADMIN,
  type TestCloud,
} from '../../scenarios/recuperation';

let t: TestCloud;
let appId: string;
const HAISHU_ADMIN = { openid: 'o_recu_admin_haishu' };

beforeAll(async () => {
  t = await givenLocalCloud();
  await t.db
    .collection(C.users)
    .doc(HAISHU_ADMIN.openid)
    .set({
      openid: HAISHU_ADMIN.openid,
      nameMasked: '吴*',
      memberStatus: 'verified',
      unionId: 'nb-hs',
      unionAncestors: ['nb', 'nb-hs'],
      tags: [],
      cardNo: null,
      adminUnionIds: ['nb-hs'],
      follows: [],
      memberId: null,
    });
  const [worker] = await givenMembers(t, 1, { unionId: LIANHE });
  appId = (await must(applyAs(t, worker, RECU_SEED_BATCH_SOON))).application.id;
});
afterAll(async () => {
  await t?.close();
});

const adminCalls: Array<[string, () => Record<string, unknown>]> = [
  ['adminDecide', () => ({ applicationId: appId, decision: 'approve' })],
  ['adminApplicants', () => ({ unionId: LIANHE })],
  ['adminSaveUnit', () => ({ unionId: LIANHE, quota: 99, staffCount: 999, ownership: 'other' })],
  ['adminUnitMembers', () => ({ unionId: LIANHE })],
  [
    'subsidySubmit',
    () => ({ unionId: LIANHE, place: '北仑九峰山', startDate: '2026-05-01', days: 2, persons: 3, spendPerPersonPerDayFen: 30000 }),
  ],
];

it.each(adminCalls)('%s: a member who is not an admin is refused', async (action, data) => {
  const r = await t.call('recuperation', action, data(), MEMBER);
  expect(r.ok || r.error.code).toBe('NOT_UNION_ADMIN');
});

it.each(adminCalls)('%s: an admin of another district is refused', async (action, data) => {
  const r = await t.call('recuperation', action, data(), HAISHU_ADMIN);
  expect(r.ok || r.error.code).toBe('OUT_OF_SCOPE');
});

it.each(adminCalls)('%s: the admin of a sibling unit (港务) is refused for 联合工会', async (action, data) => {
  const r = await t.call('recuperation', action, data(), UNIT_ADMIN);
  expect(r.ok || r.error.code).toBe('OUT_OF_SCOPE');
});

it('nothing changed, and anonymous callers are refused', async () => {
  const app = (await t.db.collection(C.recuApplications).doc(appId).get()).data[0];
  expect(app.status).toBe('pending');
  const unit = (await t.db.collection(C.recuUnits).doc(LIANHE).get()).data[0];
  expect(unit.quota).toBe(6);
  expect((await t.db.collection(C.recuSubsidies).where({ unionId: LIANHE }).count()).total).toBe(0);
  const anon = await t.call('recuperation', 'apply', { batchId: RECU_SEED_BATCH_SOON }, 'anonymous');
  expect(anon.ok || anon.error.code).toBe('UNAUTHENTICATED');
});

it('the unit admin sees only their own unit, and the roster only their rows', async () => {
  const own = await t.call('recuperation', 'adminApplicants', { unionId: GANGWU }, UNIT_ADMIN);
  expect(own.ok).toBe(true);
  const units = await must(t.call<{ units: Array<{ unit: { id: string } }> }>('recuperation', 'adminUnits', {}, UNIT_ADMIN));
  expect(units.units.map((u) => u.unit.id)).toEqual([GANGWU]);
  const roster = await must(t.call<{ canClose: boolean }>('recuperation', 'adminRoster', { batchId: RECU_SEED_BATCH_SOON }, UNIT_ADMIN));
  expect(roster.canClose).toBe(false);
  const close = await t.call('recuperation', 'adminAttendance', { batchId: RECU_SEED_BATCH_SOON, absentApplicationIds: [] }, UNIT_ADMIN);
  expect(close.ok || close.error.code).toBe('OUT_OF_SCOPE');
});
