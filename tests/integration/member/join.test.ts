/** 网上入会: the union picker, the join form's rules, the status page, claiming an imported record. */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { anApplicant, as, givenApplicant, newIdNumber, newOpenid, withWrongCheck } from '../../scenarios/member';
import {
  LIST_UNIONS_MAX,
  type ApplyResult,
  type ListUnionsResult,
  type MyApplicationResult,
  type Profile,
} from '../../../shared/member/schemas';
import { PERSONAS } from '../../../scripts/local-cloud/demo/personas';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

describe('listUnions', () => {
  it('is public and lists the seeded tree flat, with ancestors root → self', async () => {
    const res = await t.call<ListUnionsResult>('member', 'listUnions', {}, 'anonymous');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const gw = res.data.unions.find((u) => u.id === 'nb-bl-xq-gw');
    expect(gw).toMatchObject({
      name: '宁波北仑港务有限公司工会',
      level: 'grassroots',
      kind: 'enterprise',
      parentId: 'nb-bl-xq',
      ancestors: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'],
    });
    expect(res.data.unions.length).toBe((await t.db.collection('unions').count()).total);
    expect(res.data.truncated).toBe(false);
  });

  it('filters by level, parent and keyword (the pickers)', async () => {
    const streets = await t.call<ListUnionsResult>('member', 'listUnions', { level: 'street', parentId: 'nb-bl' });
    expect(streets.ok && streets.data.unions.map((u) => u.id).sort()).toEqual(['nb-bl-dq', 'nb-bl-xg', 'nb-bl-xq']);
    const search = await t.call<ListUnionsResult>('member', 'listUnions', { level: 'grassroots', keyword: '港务' });
    expect(search.ok && search.data.unions.map((u) => u.id)).toEqual(['nb-bl-xq-gw']);
    const regexChars = await t.call<ListUnionsResult>('member', 'listUnions', { keyword: '.*' });
    expect(regexChars.ok && regexChars.data.unions).toEqual([]);
  });

  it('answers at most LIST_UNIONS_MAX unions and says when there were more; `within` keeps one subtree', async () => {
    // A city-sized street: 150 grassroots unions under 大碶 (a real city has tens of thousands).
    const street = { id: 'nb-bl-dq', ancestors: ['nb', 'nb-bl', 'nb-bl-dq'] };
    const many = Array.from({ length: 150 }, (_, i) => {
      const id = `nb-bl-dq-t${String(i).padStart(3, '0')}`;
      return {
        _id: id,
        code: id,
        name: `大碶测试企业${i}工会`,
        level: 'grassroots',
        kind: 'enterprise',
        parentId: street.id,
        ancestors: [...street.ancestors, id],
        address: '',
      };
    });
    await t.db.collection('unions').add(many);
    const all = await t.call<ListUnionsResult>('member', 'listUnions', { level: 'grassroots' }, 'anonymous');
    if (!all.ok) throw new Error(all.error.message);
    expect(all.data.unions).toHaveLength(LIST_UNIONS_MAX);
    expect(all.data.truncated).toBe(true);
    const few = await t.call<ListUnionsResult>('member', 'listUnions', { level: 'grassroots', keyword: '测试企业12' }, 'anonymous');
    expect(few.ok && few.data).toMatchObject({ truncated: false });
    expect(few.ok && few.data.unions.map((u) => u.name).sort()).toEqual([
      '大碶测试企业120工会',
      '大碶测试企业121工会',
      '大碶测试企业122工会',
      '大碶测试企业123工会',
      '大碶测试企业124工会',
      '大碶测试企业125工会',
      '大碶测试企业126工会',
      '大碶测试企业127工会',
      '大碶测试企业128工会',
      '大碶测试企业129工会',
      '大碶测试企业12工会',
    ]);
    const within = await t.call<ListUnionsResult>('member', 'listUnions', { keyword: '工会', within: 'nb-bl-xq' }, 'anonymous');
    if (!within.ok) throw new Error(within.error.message);
    expect(within.data.truncated).toBe(false);
    expect(within.data.unions.length).toBeGreaterThan(0);
    for (const u of within.data.unions) expect(u.ancestors).toContain('nb-bl-xq');
    await t.db
      .collection('unions')
      .where({ parentId: street.id, code: t.db.RegExp({ regexp: '^nb-bl-dq-t' }) })
      .remove();
  });

  it('rejects an unknown level with a Chinese message', async () => {
    const res = await t.call('member', 'listUnions', { level: 'planet' });
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '工会层级的取值不在允许范围内' } });
  });
});

describe('apply', () => {
  it('files a pending application routed to the employer union and shows it on the status page', async () => {
    const a = anApplicant();
    const res = await t.call<ApplyResult>('member', 'apply', a.request, as(a.openid));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.application).toMatchObject({
      status: 'pending',
      nameMasked: '张*明',
      idMasked: `${a.idNumber.slice(0, 4)}**********${a.idNumber.slice(-4)}`,
      phoneMasked: `${a.phone.slice(0, 3)}****${a.phone.slice(-4)}`,
      routing: 'employer_union',
      union: { id: 'nb-bl-xq-gw', name: '宁波北仑港务有限公司工会', level: 'grassroots' },
      tags: ['frontline'],
      rejectReason: null,
      cardNo: null,
    });
    expect(JSON.stringify(res)).not.toContain(a.idNumber);
    expect(JSON.stringify(res)).not.toContain(a.phone);
    const mine = await t.call<MyApplicationResult>('member', 'myApplication', {}, as(a.openid));
    expect(mine.ok && mine.data.application?.id).toBe(res.data.application.id);
    const profile = await t.call<Profile>('member', 'profile', {}, as(a.openid));
    expect(profile.ok && profile.data).toMatchObject({
      memberStatus: 'pending',
      nameMasked: '张*明',
      card: null,
      application: { status: 'pending' },
    });
  });

  it('routes a worker whose employer has no union to the street union they pick', async () => {
    const a = await givenApplicant(t, { routing: 'street_union', unionId: 'nb-bl-xg', employer: '小港某五金小作坊' });
    const mine = await t.call<MyApplicationResult>('member', 'myApplication', {}, as(a.openid));
    expect(mine.ok && mine.data.application).toMatchObject({ routing: 'street_union', union: { id: 'nb-bl-xg', name: '小港街道总工会' } });
  });

  it('refuses a union of the wrong level for the chosen route, and an unknown union', async () => {
    const street = anApplicant({ routing: 'employer_union', unionId: 'nb-bl-xg' });
    expect(await t.call('member', 'apply', street.request, as(street.openid))).toEqual({
      ok: false,
      error: { code: 'UNION_NOT_ELIGIBLE', message: '请选择您所在单位的基层工会' },
    });
    const grassroots = anApplicant({ routing: 'street_union', unionId: 'nb-bl-xq-gw' });
    expect(await t.call('member', 'apply', grassroots.request, as(grassroots.openid))).toMatchObject({
      ok: false,
      error: { code: 'UNION_NOT_ELIGIBLE' },
    });
    const unknown = anApplicant({ unionId: 'nb-nowhere' });
    expect(await t.call('member', 'apply', unknown.request, as(unknown.openid))).toMatchObject({
      ok: false,
      error: { code: 'UNION_NOT_ELIGIBLE' },
    });
  });

  it('rejects an ID number with a bad checksum or a date that does not exist', async () => {
    const bad = anApplicant({ idNumber: withWrongCheck(newIdNumber()) });
    expect(await t.call('member', 'apply', bad.request, as(bad.openid))).toEqual({
      ok: false,
      error: { code: 'ID_NUMBER_INVALID', message: '身份证号校验位不正确，请核对' },
    });
    const feb30 = anApplicant({ idNumber: '330206199002301230' });
    expect(await t.call('member', 'apply', feb30.request, as(feb30.openid))).toMatchObject({
      ok: false,
      error: { code: 'ID_NUMBER_INVALID', message: '身份证号中的出生日期不正确' },
    });
    const shape = anApplicant({ idNumber: '33020619900101' });
    expect(await t.call('member', 'apply', shape.request, as(shape.openid))).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '身份证号格式不正确' },
    });
    expect((await t.db.collection('member_applications').where({ openid: bad.openid }).count()).total).toBe(0);
  });

  it('requires consent to the privacy guide and the required fields, in Chinese', async () => {
    const a = anApplicant({ consent: false });
    expect(await t.call('member', 'apply', a.request, as(a.openid))).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REQUIRED', message: expect.stringContaining('隐私保护指引') },
    });
    const { phone: _phone, ...noPhone } = anApplicant().request;
    expect(await t.call('member', 'apply', noPhone, as(newOpenid()))).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请填写手机号' },
    });
    const badPhone = anApplicant({ phone: '12345' });
    expect(await t.call('member', 'apply', badPhone.request, as(badPhone.openid))).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '手机号格式不正确' },
    });
    const leader = anApplicant({ tags: ['leader'] as never });
    expect(await t.call('member', 'apply', leader.request, as(leader.openid))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await t.call('member', 'apply', anApplicant().request, 'anonymous')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('allows one pending application per person and per WeChat user', async () => {
    const a = await givenApplicant(t);
    // The same user again, with the same or another ID number.
    expect(await t.call('member', 'apply', a.request, as(a.openid))).toMatchObject({ ok: false, error: { code: 'APPLICATION_PENDING' } });
    expect(await t.call('member', 'apply', { ...a.request, idNumber: newIdNumber() }, as(a.openid))).toMatchObject({
      ok: false,
      error: { code: 'APPLICATION_PENDING' },
    });
    // Another WeChat user with the same ID number.
    expect(await t.call('member', 'apply', a.request, as(newOpenid()))).toMatchObject({
      ok: false,
      error: { code: 'APPLICATION_PENDING' },
    });
    expect(
      (
        await t.db
          .collection('member_applications')
          .where({ idMasked: `${a.idNumber.slice(0, 4)}**********${a.idNumber.slice(-4)}` })
          .count()
      ).total,
    ).toBe(1);
  });

  it('two simultaneous applications with one ID number: exactly one is filed', async () => {
    const a = anApplicant();
    const openids = [newOpenid(), newOpenid(), newOpenid(), newOpenid()];
    const results = await Promise.all(openids.map((o) => t.call('member', 'apply', a.request, as(o))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'APPLICATION_PENDING' } });
  });

  it('a verified member cannot apply again', async () => {
    const res = await t.call('member', 'apply', anApplicant().request, { persona: 'member' });
    expect(res).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER' } });
  });
});

describe('profile', () => {
  it('shows a verified member their card, union chain, tags and default follows', async () => {
    const res = await t.call<Profile>('member', 'profile', {}, { persona: 'member' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({
      memberStatus: 'verified',
      nameMasked: '王*国',
      idMasked: expect.stringMatching(/^3302\*{10}\d{3}[\dX]$/),
      union: { id: 'nb-bl-xq-gw', name: '宁波北仑港务有限公司工会' },
      tags: ['frontline', 'hazardous'],
      follows: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'],
      card: { cardNo: expect.stringMatching(/^NB51\d{8}$/), nameMasked: '王*国', status: 'active' },
      adminUnions: [],
      application: null,
    });
    expect(res.data.unionChain.map((u) => u.name)).toEqual(['宁波市总工会', '北仑区总工会', '新碶街道总工会', '宁波北仑港务有限公司工会']);
  });

  it('shows a guest as not a member, an admin with their unions, a brand-new user with nothing', async () => {
    const guest = await t.call<Profile>('member', 'profile', {}, { persona: 'guest' });
    expect(guest.ok && guest.data).toMatchObject({ memberStatus: 'none', card: null, union: null, follows: [] });
    const admin = await t.call<Profile>('member', 'profile', {}, { persona: 'district_admin' });
    expect(admin.ok && admin.data.adminUnions).toEqual([{ id: 'nb-bl', name: '北仑区总工会', level: 'district' }]);
    const fresh = await t.call<Profile>('member', 'profile', {}, as(newOpenid()));
    expect(fresh.ok && fresh.data).toMatchObject({ memberStatus: 'none', nameMasked: null, card: null, application: null });
  });

  it('gives each caller their own openid (用户编号 on 账号与隐私) and no one else’s; an anonymous caller gets nothing', async () => {
    const fresh = newOpenid('oProfileSelf');
    const callers = [...PERSONAS.map((p) => p.openid), fresh];
    for (const openid of callers) {
      const res = await t.call<Profile>('member', 'profile', {}, as(openid));
      expect(res.ok && res.data.openid).toBe(openid);
      // Not even an admin's profile carries another user's openid.
      const text = JSON.stringify(res);
      expect(callers.filter((other) => other !== openid && text.includes(other))).toEqual([]);
    }
    const anonymous = await t.call<Profile>('member', 'profile', {}, 'anonymous');
    expect(anonymous).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect(callers.filter((openid) => JSON.stringify(anonymous).includes(openid))).toEqual([]);
  });
});
