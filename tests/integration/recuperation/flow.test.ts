/**
 * The whole path on seeded data: 王建国 applies, sees his score and rank; the unit admin ranks
 * and approves; he sees the approval and why; the roster lists him; attendance closes the batch.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { RECU_SEED_BATCH_SOON } from '../../../scripts/local-cloud/demo/seedRecuperation';
import type { AdminApplicantsResult, AdminRosterResult, ApplyResult, MyApplicationsResult } from '../../../shared/recuperation/schemas';
import { DISTRICT_ADMIN, GANGWU, givenLocalCloud, MEMBER, must, UNIT_ADMIN, type TestCloud } from '../../scenarios/recuperation';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t?.close();
});

it('a member applies, is ranked, approved, sees why, and attends', async () => {
  const applied = await must(t.call<ApplyResult>('recuperation', 'apply', { batchId: RECU_SEED_BATCH_SOON }, MEMBER));
  expect(applied.application.status).toBe('pending');
  // frontline + hazardous + never went = 55; the seeded 赵*平 (85) is ahead.
  expect(applied.application.priority.score).toBe(55);
  expect(applied.application.rank).toEqual({ position: 2, of: 4 });
  expect(applied.application.reason).toContain('排第 2 位');

  const again = await t.call('recuperation', 'apply', { batchId: RECU_SEED_BATCH_SOON }, MEMBER);
  expect(again.ok || again.error.code).toBe('RECU_DUPLICATE');

  const ranked = await must(
    t.call<AdminApplicantsResult>('recuperation', 'adminApplicants', { unionId: GANGWU, batchId: RECU_SEED_BATCH_SOON }, UNIT_ADMIN),
  );
  expect(ranked.items.map((a) => [a.nameMasked, a.priority.score])).toEqual([
    ['赵*平', 85],
    ['王*国', 55],
    ['张*敏', 15],
    ['孙*强', 5],
  ]);
  expect(ranked.unit).toMatchObject({ quota: 10, limit: 10, approved: 0, ownership: 'public', costCapFen: 200_000 });

  const decided = await must(
    t.call('recuperation', 'adminDecide', { applicationId: applied.application.id, decision: 'approve' }, UNIT_ADMIN),
  );
  expect(decided).toMatchObject({ alreadyDecided: false, applicant: { status: 'approved' } });

  const mine = await must(t.call<MyApplicationsResult>('recuperation', 'myApplications', {}, MEMBER));
  expect(mine.items[0]).toMatchObject({
    status: 'approved',
    statusLabel: '已批准',
    batch: { id: RECU_SEED_BATCH_SOON, title: '宁波工人疗养院 第一批次' },
  });
  expect(mine.items[0].reason).toContain('已获批');
  expect(mine.items[0].reason).toContain('长期从事有毒有害或高强度岗位 +40');
  const notes = await t.db.collection(C.notifications).where({ openid: 'o_local_member_wangjianguo', category: 'recuperation' }).get();
  expect(notes.data.map((n: { title: string }) => n.title)).toContain('疗休养申请已批准');

  const roster = await must(t.call<AdminRosterResult>('recuperation', 'adminRoster', { batchId: RECU_SEED_BATCH_SOON }, DISTRICT_ADMIN));
  expect(roster.rows.map((r) => r.nameMasked)).toEqual(['王*国']);
  expect(roster.canClose).toBe(true);

  const early = await t.call(
    'recuperation',
    'adminAttendance',
    { batchId: RECU_SEED_BATCH_SOON, absentApplicationIds: [] },
    DISTRICT_ADMIN,
  );
  expect(early.ok || early.error.code).toBe('RECU_NOT_STARTED');
  await t.setClock(new Date(Date.now() + 15 * 86_400_000));
  const closed = await must(
    t.call<{ attended: number; batch: { status: string } }>(
      'recuperation',
      'adminAttendance',
      { batchId: RECU_SEED_BATCH_SOON, absentApplicationIds: [] },
      DISTRICT_ADMIN,
    ),
  );
  expect(closed).toMatchObject({ attended: 1, absent: 0, batch: { status: 'closed' } });
  const after = await must(t.call<MyApplicationsResult>('recuperation', 'myApplications', {}, MEMBER));
  expect(after.items[0].status).toBe('attended');
  await t.setClock(new Date());
});

it('a refusal needs a reason and tells the member which', async () => {
  const ranked = await must(
    t.call<AdminApplicantsResult>('recuperation', 'adminApplicants', { unionId: GANGWU, batchId: RECU_SEED_BATCH_SOON }, UNIT_ADMIN),
  );
  const zhang = ranked.items.find((a) => a.nameMasked === '张*敏')!;
  const noReason = await t.call('recuperation', 'adminDecide', { applicationId: zhang.id, decision: 'refuse' }, UNIT_ADMIN);
  expect(noReason.ok || noReason.error.code).toBe('REJECT_REASON_REQUIRED');
  const refused = await must(
    t.call(
      'recuperation',
      'adminDecide',
      { applicationId: zhang.id, decision: 'refuse', reason: '本批次已安排满，请申报下一批次' },
      UNIT_ADMIN,
    ),
  );
  expect(refused).toMatchObject({ applicant: { status: 'refused', refuseReason: '本批次已安排满，请申报下一批次' } });
});
