/** The e-member card: a fresh 60 s QR token for the member, and the staff verify action. */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { as, givenAdminOf, givenApplicant } from '../../scenarios/member';
import type { AdminReviewResult, CardTokenResult, Profile, VerifyCardResult } from '../../../shared/member/schemas';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
  await t.close();
});

const STAFF = { persona: 'district_admin' };

async function tokenFor(who: Parameters<TestCloud['call']>[3]): Promise<CardTokenResult> {
  const res = await t.call<CardTokenResult>('member', 'cardToken', {}, who);
  if (!res.ok) throw new Error(`cardToken failed: ${res.error.code}`);
  return res.data;
}

describe('cardToken', () => {
  it('issues a signed token for the caller’s own card, valid about 60 s', async () => {
    const res = await tokenFor({ persona: 'member' });
    const profile = await t.call<Profile>('member', 'profile', {}, { persona: 'member' });
    expect(profile.ok).toBe(true);
    if (!profile.ok) return;
    expect(res.cardNo).toBe(profile.data.card?.cardNo);
    expect(res.token).toMatch(new RegExp(`^v1\\.${res.cardNo}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));
    expect(res.ttlSeconds).toBe(60);
    expect(res.expiresAt - res.serverTime).toBeGreaterThan(58_000);
    expect(res.expiresAt - res.serverTime).toBeLessThanOrEqual(60_000);
  });

  it('refuses a non-member and an applicant who is still pending', async () => {
    expect(await t.call('member', 'cardToken', {}, { persona: 'guest' })).toMatchObject({ ok: false, error: { code: 'CARD_NOT_ISSUED' } });
    const a = await givenApplicant(t);
    expect(await t.call('member', 'cardToken', {}, as(a.openid))).toMatchObject({ ok: false, error: { code: 'CARD_NOT_ISSUED' } });
  });

  it('a newly approved member gets a working token', async () => {
    const a = await givenApplicant(t);
    const approved = await t.call<AdminReviewResult>(
      'member',
      'adminReview',
      { applicationId: a.applicationId, decision: 'approve' },
      STAFF,
    );
    expect(approved.ok).toBe(true);
    const { token } = await tokenFor(as(a.openid));
    const check = await t.call<VerifyCardResult>('member', 'verifyCard', { token }, STAFF);
    expect(check.ok && check.data).toMatchObject({
      result: 'valid',
      member: { nameMasked: '张*明', unionName: '宁波北仑港务有限公司工会' },
    });
  });
});

describe('verifyCard', () => {
  it('valid: shows the masked name, card number and union, nothing more', async () => {
    const { token, cardNo } = await tokenFor({ persona: 'member' });
    const res = await t.call<VerifyCardResult>('member', 'verifyCard', { token }, STAFF);
    expect(res).toEqual({
      ok: true,
      data: {
        result: 'valid',
        message: '有效会员',
        member: { nameMasked: '王*国', cardNo, unionName: '宁波北仑港务有限公司工会' },
        checkedAt: expect.any(Number),
      },
    });
  });

  it('any union admin may verify, even of another district; a member may not', async () => {
    const haishu = await givenAdminOf(t, 'nb-hs');
    const { token } = await tokenFor({ persona: 'member' });
    expect(await t.call<VerifyCardResult>('member', 'verifyCard', { token }, as(haishu.openid))).toMatchObject({
      ok: true,
      data: { result: 'valid' },
    });
    expect(await t.call('member', 'verifyCard', { token }, { persona: 'parent' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
  });

  it('forged: an altered card number, an altered expiry, a made-up signature, junk', async () => {
    const { token } = await tokenFor({ persona: 'member' });
    const parent = await tokenFor({ persona: 'parent' });
    const [v, card, exp, sig] = token.split('.');
    const forgeries = [
      [v, parent.cardNo, exp, sig].join('.'), // someone else's card with my signature
      [v, card, String(Number(exp) + 3600), sig].join('.'), // stretched lifetime
      [v, card, exp, 'A'.repeat(43)].join('.'),
      'https://example.com/not-a-card',
    ];
    for (const forged of forgeries) {
      const res = await t.call<VerifyCardResult>('member', 'verifyCard', { token: forged }, STAFF);
      expect(res).toMatchObject({ ok: true, data: { result: 'forged', message: '会员码无效，可能是伪造或截图', member: null } });
    }
  });

  it('expired: a screenshot stops working after about a minute (local clock moved)', async () => {
    const { token } = await tokenFor({ persona: 'member' });
    await t.setClock(new Date(Date.now() + 30_000));
    expect(await t.call<VerifyCardResult>('member', 'verifyCard', { token }, STAFF)).toMatchObject({ ok: true, data: { result: 'valid' } });
    await t.setClock(new Date(Date.now() + 70_000));
    expect(await t.call<VerifyCardResult>('member', 'verifyCard', { token }, STAFF)).toMatchObject({
      ok: true,
      data: { result: 'expired', message: '会员码已过期，请会员刷新后重新出示', member: null },
    });
    // The card page simply fetches a new one.
    const fresh = await tokenFor({ persona: 'member' });
    expect(await t.call<VerifyCardResult>('member', 'verifyCard', { token: fresh.token }, STAFF)).toMatchObject({
      ok: true,
      data: { result: 'valid' },
    });
    await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
  });

  it('revoked: a card suspended by the union no longer verifies, and no new token is issued', async () => {
    const a = await givenApplicant(t);
    await t.call('member', 'adminReview', { applicationId: a.applicationId, decision: 'approve' }, STAFF);
    const { token } = await tokenFor(as(a.openid));
    await t.db.collection('members').doc(a.applicationId).update({ status: 'revoked' });
    expect(await t.call<VerifyCardResult>('member', 'verifyCard', { token }, STAFF)).toMatchObject({
      ok: true,
      data: { result: 'revoked', member: null },
    });
    expect(await t.call('member', 'cardToken', {}, as(a.openid))).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } });
  });
});
