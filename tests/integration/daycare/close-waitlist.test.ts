import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { fire, givenCampaign, givenFamilies, registrationOf, signUp } from '../../scenarios/daycare';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

it('when the period starts, families still on the waitlist become 未录取 and are told why', async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 1 }]] });
  const slotId = c.sites[0].slotIds[0];
  const [admitted, waiting] = await givenFamilies(t, 2, { summer: c.summer, prefix: 'o_dc_close' });
  for (const f of [admitted, waiting]) expect((await signUp(t, f, slotId)).ok).toBe(true);
  expect((await registrationOf(t, waiting))[0].statusText).toBe('候补第 1 位');

  // Before the start date nothing closes.
  expect(await fire(t, 'expireOffers')).toMatchObject({ data: { waitlistsClosed: 0 } });

  // The first day of the period (Beijing time): the waitlist closes.
  await t.setClock(new Date(`${c.summer}-07-06T08:00:00+08:00`));
  expect(await fire(t, 'expireOffers')).toMatchObject({ data: { waitlistsClosed: 1 } });
  const reg = (await registrationOf(t, waiting))[0];
  expect(reg.status).toBe('not_admitted');
  expect(reg.reason).toMatch(/已开班，候补未能递补/);
  const notices = await t.db.collection('notifications').where({ openid: waiting.openid, title: '暑托班未能录取' }).get();
  expect(notices.data).toHaveLength(1);
  expect((await registrationOf(t, admitted))[0].status).toBe('admitted');

  // A second run changes nothing and tells nobody twice.
  expect(await fire(t, 'expireOffers')).toMatchObject({ data: { waitlistsClosed: 0 } });
  expect((await t.db.collection('notifications').where({ openid: waiting.openid, title: '暑托班未能录取' }).count()).total).toBe(1);
});
