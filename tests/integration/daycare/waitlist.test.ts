import type { AdminAuditResult, RegistrationResult } from '../../../shared/daycare/views';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { fire, givenCampaign, givenFamilies, registrationOf, signUp, unwrap } from '../../scenarios/daycare';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

it('a freed place is offered to the next family; an unanswered offer expires and moves on; every step is audited', async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 2 }]] });
  const slotId = c.sites[0].slotIds[0];
  const [a, b, w1, w2, w3] = await givenFamilies(t, 5, { summer: c.summer, prefix: 'o_dc_wait' });
  for (const f of [a, b, w1, w2, w3]) expect((await signUp(t, f, slotId)).ok).toBe(true);
  expect((await registrationOf(t, w1))[0].statusText).toBe('候补第 1 位');
  expect((await registrationOf(t, w2))[0].statusText).toBe('候补第 2 位');

  // A cancels: the place goes to w1 with a 24 h deadline; w2 moves up.
  const regA = (await registrationOf(t, a))[0];
  const cancelled = unwrap(await t.call<RegistrationResult>('daycare', 'cancel', { registrationId: regA.id }, { openid: a.openid }));
  expect(cancelled.registration.status).toBe('cancelled');
  const offer1 = (await registrationOf(t, w1))[0];
  expect(offer1.status).toBe('offered');
  expect(new Date(offer1.offerExpiresAt!).getTime() - t.cloud.clock.now()).toBeGreaterThan(23.9 * 3600_000);
  expect((await registrationOf(t, w2))[0].statusText).toBe('候补第 1 位');

  // Nothing happens before the deadline.
  expect(await fire(t, 'expireOffers')).toMatchObject({ data: { expired: 0 } });
  // w1 does not answer: 25 h later the timer expires the offer and offers the place to w2.
  await t.setClock(new Date(t.cloud.clock.now() + 25 * 3600_000));
  expect(await fire(t, 'expireOffers')).toMatchObject({ data: { expired: 1 } });
  const expired = (await registrationOf(t, w1))[0];
  expect(expired.status).toBe('expired');
  expect(expired.reason).toMatch(/未在 .* 前确认递补/);
  expect((await registrationOf(t, w2))[0].status).toBe('offered');
  // w1 is told; accepting now is refused.
  const late = await t.call('daycare', 'acceptOffer', { registrationId: expired.id }, { openid: w1.openid });
  expect(late).toMatchObject({ ok: false, error: { code: 'DAYCARE_BAD_STATE' } });
  const notices = await t.db.collection('notifications').where({ openid: w1.openid, category: 'daycare' }).get();
  expect(notices.data.map((n) => (n as { title: string }).title)).toEqual(
    expect.arrayContaining(['暑托班候补递补通知', '暑托班递补已逾期']),
  );

  // w2 accepts in time: admitted. The capacity still holds: 2 admitted, w3 waiting.
  const regW2 = (await registrationOf(t, w2))[0];
  const accepted = unwrap(await t.call<RegistrationResult>('daycare', 'acceptOffer', { registrationId: regW2.id }, { openid: w2.openid }));
  expect(accepted.registration.status).toBe('admitted');
  const admitted = await t.db.collection('daycare_registrations').where({ slotId, status: 'admitted' }).count();
  expect(admitted.total).toBe(2);
  expect((await registrationOf(t, w3))[0].statusText).toBe('候补第 1 位');

  // B declines nothing but another family's id is not B's to cancel.
  const foreign = await t.call('daycare', 'cancel', { registrationId: regW2.id }, { openid: b.openid });
  expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  const trail = unwrap(
    await t.call<AdminAuditResult>('daycare', 'adminAudit', { campaignId: c.campaignId }, { persona: 'district_admin' }),
  );
  const events = trail.items.map((i) => i.event).reverse();
  expect(events).toEqual(expect.arrayContaining(['admitted', 'waitlisted', 'cancelled', 'offered', 'expired', 'accepted']));
  expect(events.indexOf('cancelled')).toBeLessThan(events.lastIndexOf('offered'));
  expect(events.indexOf('expired')).toBeLessThan(events.lastIndexOf('offered'));
});

it('an offer that races its acceptance and its expiry ends exactly one way', async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 1 }]] });
  const slotId = c.sites[0].slotIds[0];
  const [a, w] = await givenFamilies(t, 2, { summer: c.summer, prefix: 'o_dc_race' });
  await signUp(t, a, slotId);
  await signUp(t, w, slotId);
  unwrap(await t.call('daycare', 'cancel', { registrationId: (await registrationOf(t, a))[0].id }, { openid: a.openid }));
  const offer = (await registrationOf(t, w))[0];
  await t.setClock(new Date(new Date(offer.offerExpiresAt!).getTime() + 1000));
  const [acc] = await Promise.all([
    t.call('daycare', 'acceptOffer', { registrationId: offer.id }, { openid: w.openid }),
    fire(t, 'expireOffers'),
  ]);
  expect(acc).toMatchObject({ ok: false, error: { code: 'DAYCARE_OFFER_EXPIRED' } });
  expect((await registrationOf(t, w))[0].status).toBe('expired');
  const slot = (await t.db.collection('daycare_slots').doc(slotId).get()).data[0] as { remaining: number };
  expect(slot.remaining).toBe(1); // nobody left on the waitlist: the place is back
});
