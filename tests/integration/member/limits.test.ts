/**
 * The identity-probe budget (cloudfunctions/member/lib/attempts.ts): one WeChat user cannot try
 * ID numbers against `claim` (or find them through `apply`) more than 5 times an hour and 10 times
 * a day; over budget, a correct proof is refused too and nothing is read or changed.
 */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { anApplicant, as, givenApplicant, importCsv, newIdNumber, newOpenid, withWrongCheck } from '../../scenarios/member';
import type { AdminImportResult, ClaimResult, Profile } from '../../../shared/member/schemas';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An imported (unclaimed) member. */
async function givenImported(realName: string): Promise<{ realName: string; idNumber: string }> {
  const idNumber = newIdNumber();
  const res = await t.call<AdminImportResult>(
    'member',
    'adminImport',
    { csv: importCsv([{ realName, idNumber, unionCode: 'nb-bl-xq-lh' }]) },
    { persona: 'district_admin' },
  );
  if (!res.ok || res.data.imported !== 1) throw new Error(`import failed: ${JSON.stringify(res)}`);
  return { realName, idNumber };
}

function claim(openid: string, realName: string, idNumber: string) {
  return t.call<ClaimResult>('member', 'claim', { realName, idNumber, consent: true }, as(openid));
}

/** A wrong guess: the right name with some other valid number. */
function guess(openid: string, realName: string) {
  return claim(openid, realName, newIdNumber());
}

async function attemptsOf(openid: string): Promise<Record<string, unknown> | undefined> {
  return (await t.db.collection('member_attempts').doc(`idproof:${openid}`).get()).data[0];
}

async function holderOf(idNumberOwner: { realName: string; idNumber: string }): Promise<string | null> {
  // The member's `_id` is the keyed hash; find it by the masked number instead of hashing here.
  const masked = `${idNumberOwner.idNumber.slice(0, 4)}**********${idNumberOwner.idNumber.slice(-4)}`;
  const docs = (await t.db.collection('members').where({ idMasked: masked }).get()).data;
  expect(docs).toHaveLength(1);
  return docs[0].openid;
}

const LIMITED = { ok: false, error: { code: 'RATE_LIMITED' } };
const NOT_FOUND = { ok: false, error: { code: 'MEMBER_RECORD_NOT_FOUND' } };

describe('claim: failed identity proofs per WeChat user', () => {
  it('after 5 wrong tries: RATE_LIMITED naming the time; a correct proof is refused and changes nothing; after the hour it succeeds', async () => {
    const worker = await givenImported('蒋文');
    const prober = newOpenid('o_prober');
    // Beijing 2031-03-04 (Tuesday) 10:00:30.
    const t0 = Date.parse('2031-03-04T02:00:30Z');
    await t.setClock(new Date(t0));
    for (let i = 0; i < 5; i++) expect(await guess(prober, worker.realName)).toMatchObject(NOT_FOUND);

    // First counted try ≈ 10:00:30, so the window ends ≈ 11:00:30; the message rounds up to the minute.
    expect(await guess(prober, worker.realName)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '身份证号核验次数过多，为保护会员个人信息，请于 3月4日 周二 11:01（北京时间）后再试' },
    });
    expect(await claim(prober, worker.realName, worker.idNumber)).toMatchObject(LIMITED);
    expect(await holderOf(worker)).toBeNull();
    const profile = await t.call<Profile>('member', 'profile', {}, as(prober));
    expect(profile.ok && profile.data.memberStatus).toBe('none');

    // Only counts and window starts are stored: no name, number or hash of either.
    const stored = await attemptsOf(prober);
    expect(Object.keys(stored ?? {}).sort()).toEqual(['_id', 'dayCount', 'dayFrom', 'hourCount', 'hourFrom', 'updatedAt']);
    expect(stored).toMatchObject({ hourCount: 5, dayCount: 5 });

    // Another WeChat user is not affected.
    const other = newOpenid();
    const colleague = await givenImported('夏雨');
    expect(await guess(other, colleague.realName)).toMatchObject(NOT_FOUND);
    expect(await claim(other, colleague.realName, colleague.idNumber)).toMatchObject({ ok: true });

    await t.setClock(new Date(t0 + 59 * MINUTE));
    expect(await claim(prober, worker.realName, worker.idNumber)).toMatchObject(LIMITED);
    await t.setClock(new Date(t0 + HOUR + MINUTE));
    const res = await claim(prober, worker.realName, worker.idNumber);
    expect(res.ok && res.data.card).toMatchObject({ nameMasked: '蒋*', status: 'active' });
    expect(await holderOf(worker)).toBe(prober);
    // The success took a try in the new window and gave it back.
    expect(await attemptsOf(prober)).toMatchObject({ hourCount: 0, dayCount: 5 });
  });

  it('at most 10 wrong tries in 24 hours, even across hour windows', async () => {
    const worker = await givenImported('柳青');
    const prober = newOpenid('o_prober');
    // Beijing 2031-03-10 (Monday) 10:00:30.
    const t0 = Date.parse('2031-03-10T02:00:30Z');
    await t.setClock(new Date(t0));
    for (let i = 0; i < 5; i++) expect(await guess(prober, worker.realName)).toMatchObject(NOT_FOUND);
    expect(await guess(prober, worker.realName)).toMatchObject(LIMITED);
    await t.setClock(new Date(t0 + HOUR + MINUTE));
    for (let i = 0; i < 5; i++) expect(await guess(prober, worker.realName)).toMatchObject(NOT_FOUND);
    expect(await guess(prober, worker.realName)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '身份证号核验次数过多，为保护会员个人信息，请于 3月11日 周二 10:01（北京时间）后再试' },
    });
    // A later hour does not help: the day's budget is spent.
    await t.setClock(new Date(t0 + 5 * HOUR));
    expect(await claim(prober, worker.realName, worker.idNumber)).toMatchObject(LIMITED);
    expect(await holderOf(worker)).toBeNull();
    expect(await attemptsOf(prober)).toMatchObject({ dayCount: 10 });

    await t.setClock(new Date(t0 + 24 * HOUR + MINUTE));
    expect(await claim(prober, worker.realName, worker.idNumber)).toMatchObject({ ok: true });
    expect(await holderOf(worker)).toBe(prober);
  });

  it('successful claims do not count; format errors do not count', async () => {
    const worker = await givenImported('程远');
    const user = newOpenid();
    for (let i = 0; i < 6; i++) {
      expect(await claim(user, worker.realName, withWrongCheck(newIdNumber()))).toMatchObject({
        ok: false,
        error: { code: 'ID_NUMBER_INVALID' },
      });
    }
    expect(await attemptsOf(user)).toBeUndefined();
    for (let i = 0; i < 4; i++) expect(await guess(user, worker.realName)).toMatchObject(NOT_FOUND);
    // The claim itself and repeating it (idempotent for the same user) use up nothing.
    for (let i = 0; i < 3; i++) expect(await claim(user, worker.realName, worker.idNumber)).toMatchObject({ ok: true });
    expect(await attemptsOf(user)).toMatchObject({ hourCount: 4, dayCount: 4 });
    expect(await guess(user, worker.realName)).toMatchObject(NOT_FOUND);
    expect(await guess(user, worker.realName)).toMatchObject(LIMITED);
  });

  it('20 simultaneous wrong tries from one user: exactly 5 are evaluated', async () => {
    const worker = await givenImported('邵峰');
    const prober = newOpenid('o_burst');
    const results = await Promise.all(Array.from({ length: 20 }, () => guess(prober, worker.realName)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'MEMBER_RECORD_NOT_FOUND')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
    expect(await attemptsOf(prober)).toMatchObject({ hourCount: 5, dayCount: 5 });
    // The correct number now is refused without being looked at.
    expect(await claim(prober, worker.realName, worker.idNumber)).toMatchObject(LIMITED);
    expect(await holderOf(worker)).toBeNull();
  });

  it('a burst right when the hour window runs out starts one new window and still lets only 5 through', async () => {
    const worker = await givenImported('沈月');
    const prober = newOpenid('o_burst');
    const start = t.cloud.clock.now();
    for (let i = 0; i < 3; i++) expect(await guess(prober, worker.realName)).toMatchObject(NOT_FOUND);
    await t.setClock(new Date(start + HOUR + MINUTE));
    // Every caller sees the expired window and tries to restart it; the correct number is in the burst too.
    const burst = await Promise.all([
      ...Array.from({ length: 19 }, () => guess(prober, worker.realName)),
      claim(prober, worker.realName, worker.idNumber),
    ]);
    const codes = burst.map((r) => (r.ok ? 'ok' : r.error.code));
    const evaluated = codes.filter((c) => c !== 'RATE_LIMITED');
    expect(codes.filter((c) => c === 'MEMBER_RECORD_NOT_FOUND').length).toBeLessThanOrEqual(5);
    // The correct proof either got a slot (and succeeded, giving it back) or was refused unread.
    expect(evaluated.length).toBeLessThanOrEqual(6);
    expect(evaluated.length).toBeGreaterThanOrEqual(5);
    const stored = await attemptsOf(prober);
    expect(stored).toMatchObject({
      hourCount: codes.filter((c) => c === 'MEMBER_RECORD_NOT_FOUND').length,
      dayCount: 3 + codes.filter((c) => c === 'MEMBER_RECORD_NOT_FOUND').length,
    });
    expect(await holderOf(worker)).toBe(codes[19] === 'ok' ? prober : null);
  });
});

describe('apply: the "already registered" answers use the same budget', () => {
  it('a waiting applicant cannot probe numbers through apply beyond 5 tries; over budget even a member number gets no hint', async () => {
    const member = await givenImported('罗兰');
    const a = await givenApplicant(t);
    // Filing the application used up nothing.
    expect(await attemptsOf(a.openid)).toMatchObject({ hourCount: 0, dayCount: 0 });
    const tries = [member.idNumber, newIdNumber(), newIdNumber(), a.idNumber, newIdNumber()];
    const answers = [];
    for (const idNumber of tries) answers.push(await t.call('member', 'apply', { ...a.request, idNumber }, as(a.openid)));
    expect(answers.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ALREADY_MEMBER',
      'APPLICATION_PENDING',
      'APPLICATION_PENDING',
      'APPLICATION_PENDING',
      'APPLICATION_PENDING',
    ]);
    expect(await t.call('member', 'apply', { ...a.request, idNumber: member.idNumber }, as(a.openid))).toMatchObject({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^身份证号核验次数过多，为保护会员个人信息，请于 \d+月\d+日 周. \d\d:\d\d（北京时间）后再试$/),
      },
    });
  });

  it('claim and apply share one budget', async () => {
    const member = await givenImported('聂远');
    const user = newOpenid();
    for (let i = 0; i < 3; i++) expect(await guess(user, member.realName)).toMatchObject(NOT_FOUND);
    const pending = await givenApplicant(t);
    const probe = anApplicant({ idNumber: member.idNumber });
    expect(await t.call('member', 'apply', probe.request, as(user))).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_MEMBER', message: expect.stringContaining('认领') },
    });
    expect(await t.call('member', 'apply', { ...probe.request, idNumber: pending.idNumber }, as(user))).toMatchObject({
      ok: false,
      error: { code: 'APPLICATION_PENDING' },
    });
    expect(await claim(user, member.realName, member.idNumber)).toMatchObject(LIMITED);
    expect(await t.call('member', 'apply', anApplicant().request, as(user))).toMatchObject(LIMITED);
    expect(await holderOf(member)).toBeNull();
  });

  it('a verified member asking to join again is told so every time (reveals nothing, costs nothing)', async () => {
    for (let i = 0; i < 7; i++) {
      expect(await t.call('member', 'apply', anApplicant().request, { persona: 'member' })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_MEMBER', message: '您已是工会会员，无需重复申请' },
      });
    }
  });
});
