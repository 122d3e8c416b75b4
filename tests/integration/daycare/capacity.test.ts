import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { givenCampaign, givenFamilies, registrationOf, signUp } from '../../scenarios/daycare';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

it('500 concurrent first-come sign-ups for 30 places admit exactly 30 and waitlist the rest in order', async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 30 }]] });
  const slotId = c.sites[0].slotIds[0];
  const families = await givenFamilies(t, 500, { summer: c.summer });

  const started = Date.now();
  const results = await Promise.all(families.map((f) => signUp(t, f, slotId)));
  const ms = Date.now() - started;

  const statuses = results.map((r) => (r.ok ? r.data.registration.status : r.error.code));
  expect(statuses.filter((s) => s === 'admitted')).toHaveLength(30);
  expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(470);
  const slot = (await t.db.collection('daycare_slots').doc(slotId).get()).data[0] as { remaining: number };
  expect(slot.remaining).toBe(0);
  const admitted = await t.db.collection('daycare_registrations').where({ slotId, status: 'admitted' }).count();
  expect(admitted.total).toBe(30);
  // The waitlist is in arrival order without ties: the first in line is 候补第 1 位, the last 第 470 位.
  const waiting = (
    await t.db.collection('daycare_registrations').where({ slotId, status: 'waitlisted' }).orderBy('queueKey', 'asc').limit(1000).get()
  ).data as Array<{ guardianOpenid: string; queueKey: string }>;
  expect(new Set(waiting.map((w) => w.queueKey)).size).toBe(470);
  const byOpenid = (openid: string) => families.find((f) => f.openid === openid)!;
  expect((await registrationOf(t, byOpenid(waiting[0].guardianOpenid)))[0].statusText).toBe('候补第 1 位');
  expect((await registrationOf(t, byOpenid(waiting[469].guardianOpenid)))[0].statusText).toBe('候补第 470 位');
  console.log(`daycare first-come: 500 concurrent sign-ups in ${ms} ms`);
});

it('a child cannot hold two periods, even with concurrent sign-ups for different slots', async () => {
  const c = await givenCampaign(t, {
    mode: 'first_come',
    sites: [[{ capacity: 5 }, { capacity: 5, periodName: '第二期', startDate: undefined }], [{ capacity: 5 }]],
  });
  const [f] = await givenFamilies(t, 1, { prefix: 'o_dc_twice', summer: c.summer });
  const slots = [...c.sites[0].slotIds, ...c.sites[1].slotIds];
  const results = await Promise.all([...slots, ...slots].map((slotId) => signUp(t, f, slotId)));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const failures = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code));
  expect(new Set(failures)).toEqual(new Set(['DAYCARE_CHILD_HAS_PERIOD']));
  const regs = await t.db.collection('daycare_registrations').where({ childId: f.childId }).count();
  expect(regs.total).toBe(1);
});

it('a retried sign-up (same request id) returns the same registration and takes nothing twice', async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 3 }]] });
  const [f] = await givenFamilies(t, 1, { prefix: 'o_dc_retry', summer: c.summer });
  const slotId = c.sites[0].slotIds[0];
  const body = JSON.stringify({ action: 'signUp', data: { slotId, childId: f.childId }, requestId: 'retry-signup-0001' });
  const [a, b] = await Promise.all([1, 2].map(() => t.post('/api/functions/daycare', body, { 'x-local-openid': f.openid })));
  const ids = [a, b].map((r) => (r.json as { ok: boolean; data: { registration: { id: string } } }).data.registration.id);
  expect(ids[0]).toBe(ids[1]);
  const slot = (await t.db.collection('daycare_slots').doc(slotId).get()).data[0] as { remaining: number };
  expect(slot.remaining).toBe(2);
});
