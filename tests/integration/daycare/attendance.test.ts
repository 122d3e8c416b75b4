import type { MyChildrenResult, StaffRosterResult } from '../../../shared/daycare/views';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { ADMIN, givenCampaign, givenFamilies, registrationOf, signUp, unwrap } from '../../scenarios/daycare';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

it('below 70 % attendance bars the child from the next period, with the figures shown to the parent', async () => {
  const summer =
    new Date(t.cloud.clock.now()).getUTCMonth() >= 6
      ? new Date(t.cloud.clock.now()).getUTCFullYear() + 1
      : new Date(t.cloud.clock.now()).getUTCFullYear();
  const c = await givenCampaign(t, {
    mode: 'first_come',
    periodLimit: 2,
    closesAt: Date.parse(`${summer}-08-01T00:00:00+08:00`),
    sites: [
      [
        { capacity: 5, startDate: `${summer}-07-06`, endDate: `${summer}-07-17` },
        { capacity: 5, periodName: '第二期', startDate: `${summer}-08-03`, endDate: `${summer}-08-14` },
      ],
    ],
  });
  const [p1, p2] = c.sites[0].slotIds;
  const [poor, good] = await givenFamilies(t, 2, { summer: c.summer, prefix: 'o_dc_att' });
  for (const f of [poor, good]) expect((await signUp(t, f, p1)).ok).toBe(true);

  // The period runs: the district admin (host chain) marks ten days; the future cannot be marked.
  await t.setClock(`${summer}-07-20T09:00:00+08:00`);
  const roster = unwrap(await t.call<StaffRosterResult>('daycare', 'staffRoster', { slotId: p1 }, ADMIN));
  const regOf = (f: { childId: string }) => roster.rows.find((r) => r.child.id === f.childId)!.registrationId;
  const days = ['06', '07', '08', '09', '10', '13', '14', '15', '16', '17'].map((d) => `${summer}-07-${d}`);
  for (const [i, date] of days.entries()) {
    const marks = [
      { registrationId: regOf(poor), present: i < 6 },
      { registrationId: regOf(good), present: i < 7 },
    ];
    expect(unwrap(await t.call<{ marked: number }>('daycare', 'staffMarkAttendance', { slotId: p1, date, marks }, ADMIN)).marked).toBe(2);
  }
  expect(
    await t.call(
      'daycare',
      'staffMarkAttendance',
      { slotId: p1, date: `${summer}-07-21`, marks: [{ registrationId: regOf(poor), present: true }] },
      ADMIN,
    ),
  ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  // A parent is not staff.
  expect(
    await t.call(
      'daycare',
      'staffMarkAttendance',
      { slotId: p1, date: days[0], marks: [{ registrationId: regOf(poor), present: true }] },
      { openid: poor.openid },
    ),
  ).toMatchObject({ ok: false, error: { code: 'DAYCARE_NOT_STAFF' } });

  // 6/10 = 60 % < 70 %: barred, with the figures. 7/10 = 70 %: allowed.
  const barred = await signUp(t, poor, p2);
  expect(barred).toMatchObject({ ok: false, error: { code: 'DAYCARE_ATTENDANCE_BARRED' } });
  expect(barred.ok ? '' : barred.error.message).toMatch(/出勤 6\/10 天（60%），低于 70%/);
  const kids = unwrap(await t.call<MyChildrenResult>('daycare', 'myChildren', {}, { openid: poor.openid }));
  expect(kids.children[0].barredReason).toMatch(/6\/10 天（60%）/);
  const mine = (await registrationOf(t, poor))[0];
  expect(mine.attendance).toEqual({ present: 6, marked: 10, rate: 0.6 });
  expect((await signUp(t, good, p2)).ok).toBe(true);
});
