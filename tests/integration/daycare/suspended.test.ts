/**
 * A parent whose card the union suspended cannot accept a waitlist offer: refused with the
 * suspension wording, the offer stays 递补待确认 (same deadline), no place moves; once the card
 * is reinstated (before the deadline) the parent accepts. The card is suspended through the
 * real member.adminSetStatus action.
 */
import type { RegistrationResult } from '../../../shared/daycare/views';
import type { AdminSetStatusResult } from '../../../shared/member/schemas';
import { suspendedRefusal } from '../../../shared/member/schemas';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { givenCampaign, givenFamilies, registrationOf, signUp, unwrap, type Family } from '../../scenarios/daycare';
import { givenVerifiedMember } from '../../scenarios/member';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

const DISTRICT = { persona: 'district_admin' } as const;

async function setCard(cardNo: string, status: 'revoked' | 'active') {
  const res = await t.call<AdminSetStatusResult>(
    'member',
    'adminSetStatus',
    { cardNo, status, reason: status === 'revoked' ? '已调离本单位，会籍转出' : undefined },
    DISTRICT,
  );
  expect(res).toMatchObject({ ok: true, data: { changed: true, member: { status } } });
}

/** A real verified member (港务公司工会, under 北仑) with the day-care consent and one child in grade 2. */
async function givenMemberFamily(summer: number): Promise<Family & { cardNo: string }> {
  const m = await givenVerifiedMember(t);
  const now = new Date(t.cloud.clock.now());
  const childId = `ch_susp_${m.openid}`;
  await t.db.collection('daycare_consents').doc(m.openid).set({ version: 1, consentedAt: now });
  await t.db
    .collection('daycare_children')
    .doc(childId)
    .set({
      guardianOpenid: m.openid,
      name: '停用测试孩子',
      nameMasked: '停****',
      gender: 'female',
      birthDate: `${summer - 8}-03-01`,
      grade: null,
      gradeRecordedOn: null,
      school: '新碶小学',
      emergencyName: '测试家长',
      emergencyPhone: '13800000000',
      healthNotes: '',
      createdAt: now,
    });
  return { openid: m.openid, childId, cardNo: m.cardNo };
}

async function slotRemaining(slotId: string): Promise<number> {
  return ((await t.db.collection('daycare_slots').doc(slotId).get()).data[0] as { remaining: number }).remaining;
}

async function events(registrationId: string): Promise<string[]> {
  const res = await t.db.collection('daycare_audit').where({ registrationId }).get();
  return (res.data as Array<{ event: string }>).map((e) => e.event);
}

it('a suspended parent cannot accept an offer; the offer and the places stay as they were; reinstated, the parent accepts', async () => {
  const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 1 }]] });
  const slotId = c.sites[0].slotIds[0];
  const [a] = await givenFamilies(t, 1, { summer: c.summer, prefix: 'o_dc_susp' });
  const parent = await givenMemberFamily(c.summer);
  expect(unwrap(await signUp(t, a, slotId)).registration.status).toBe('admitted');
  expect(unwrap(await signUp(t, parent, slotId)).registration.status).toBe('waitlisted');
  // A cancels: the place is offered to the parent.
  unwrap(
    await t.call<RegistrationResult>('daycare', 'cancel', { registrationId: (await registrationOf(t, a))[0].id }, { openid: a.openid }),
  );
  const offer = (await registrationOf(t, parent))[0];
  expect(offer.status).toBe('offered');
  const remaining = await slotRemaining(slotId);
  expect(remaining).toBe(0); // the offered place is held for the parent

  await setCard(parent.cardNo, 'revoked');

  const refused = await t.call('daycare', 'acceptOffer', { registrationId: offer.id }, { openid: parent.openid });
  expect(refused).toEqual({ ok: false, error: { code: 'MEMBER_NOT_VERIFIED', message: suspendedRefusal('接受暑托班名额') } });
  expect(suspendedRefusal('接受暑托班名额')).toBe('您的会员卡已被所属工会停用，暂不能接受暑托班名额；如有疑问请联系所属工会');
  // Nothing changed: still offered with the same deadline, the place still held, nobody admitted, no acceptance audited.
  const after = (await registrationOf(t, parent))[0];
  expect(after).toMatchObject({ id: offer.id, status: 'offered', offerExpiresAt: offer.offerExpiresAt, reason: offer.reason });
  expect(await slotRemaining(slotId)).toBe(remaining);
  expect((await t.db.collection('daycare_registrations').where({ slotId, status: 'admitted' }).count()).total).toBe(0);
  expect(await events(offer.id)).not.toContain('accepted');

  // Reinstated before the deadline: the parent accepts and takes the held place.
  await setCard(parent.cardNo, 'active');
  const accepted = unwrap(
    await t.call<RegistrationResult>('daycare', 'acceptOffer', { registrationId: offer.id }, { openid: parent.openid }),
  );
  expect(accepted.registration.status).toBe('admitted');
  expect(await slotRemaining(slotId)).toBe(remaining);
  expect((await t.db.collection('daycare_registrations').where({ slotId, status: 'admitted' }).count()).total).toBe(1);
  expect(await events(offer.id)).toContain('accepted');
});
