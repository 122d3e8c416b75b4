/** 联系工会: the nearest contact up the member's chain, and who may set a union's contact. */
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import { givenAdminOf } from '../../scenarios/member';
import type { AdminContactResult, ContactResult } from '../../../shared/system/contacts';

let t: TestCloud;
let HAISHU: As;
let STREET: As;
const DISTRICT: As = { persona: 'district_admin' };
const contactOf = async (as: As) => {
  const r = await t.call<ContactResult>('system', 'contact', {}, as);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { union: r.data.contact?.unionName ?? null, inherited: r.data.inherited, phone: r.data.contact?.contactPhone ?? null };
};

beforeAll(async () => {
  t = await givenLocalCloud();
  HAISHU = { openid: (await givenAdminOf(t, 'nb-hs')).openid };
  STREET = { openid: (await givenAdminOf(t, 'nb-bl-xq')).openid };
});
afterAll(async () => t?.close());

it('a member without a contact of the own union gets the nearest union above’s; a guest the city’s', async () => {
  // 港务 (grassroots) has none; 新碶街道 above it has one.
  expect(await contactOf({ persona: 'member' })).toEqual({ union: '新碶街道总工会', inherited: true, phone: '0574-86861234' });
  expect(await contactOf({ persona: 'guest' })).toEqual({ union: '宁波市总工会', inherited: false, phone: '0574-87361234' });
  expect(await contactOf('anonymous')).toEqual({ union: '宁波市总工会', inherited: false, phone: '0574-87361234' });
  const r = await t.call<ContactResult>('system', 'contact', {}, { persona: 'district_admin' });
  expect(r).toMatchObject({
    ok: true,
    data: {
      inherited: false,
      contact: {
        unionName: '北仑区总工会',
        address: expect.stringContaining('北仑'),
        hours: expect.stringContaining('工作日'),
        location: { latitude: expect.any(Number), longitude: expect.any(Number) },
      },
    },
  });
});

it('an admin sets the contact of a union below; its members see it at once', async () => {
  const saved = await t.call<AdminContactResult>(
    'system',
    'adminSaveContact',
    {
      unionId: 'nb-bl-xq-gw',
      contactPhone: '0574-86880000-802',
      address: '北仑港务大楼 8 楼工会办公室',
      hours: '工作日 8:00-16:30',
      latitude: 29.91,
      longitude: 121.85,
    },
    DISTRICT,
  );
  expect(saved).toMatchObject({
    ok: true,
    data: {
      unionName: '宁波北仑港务有限公司工会',
      contact: { contactPhone: '0574-86880000-802', location: { latitude: 29.91, longitude: 121.85 } },
    },
  });
  expect(await contactOf({ persona: 'member' })).toEqual({
    union: '宁波北仑港务有限公司工会',
    inherited: false,
    phone: '0574-86880000-802',
  });
  const own = await t.call<AdminContactResult>('system', 'adminContact', { unionId: 'nb-bl-xq-gw' }, STREET);
  expect(own).toMatchObject({ ok: true, data: { contact: { address: '北仑港务大楼 8 楼工会办公室' } } });
  // Without a map point it is stored without one.
  await t.call(
    'system',
    'adminSaveContact',
    { unionId: 'nb-bl-xq-gw', contactPhone: '12351', address: '北仑港务大楼 8 楼', hours: '工作日' },
    STREET,
  );
  expect(await t.call('system', 'adminContact', { unionId: 'nb-bl-xq-gw' }, DISTRICT)).toMatchObject({
    ok: true,
    data: { contact: { contactPhone: '12351', location: null } },
  });
});

it('an admin cannot read or set another subtree’s contact, nor one above the own union; nothing changes', async () => {
  const before = JSON.stringify((await t.db.collection('union_contacts').limit(100).get()).data);
  const input = (unionId: string) => ({ unionId, contactPhone: '0574-11112222', address: '冒名地址 1 号', hours: '全天' });
  expect(await t.call('system', 'adminSaveContact', input('nb-bl'), HAISHU)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  expect(await t.call('system', 'adminSaveContact', input('nb-bl-xq-gw'), HAISHU)).toMatchObject({
    ok: false,
    error: { code: 'OUT_OF_SCOPE' },
  });
  expect(await t.call('system', 'adminSaveContact', input('nb-bl'), STREET)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  expect(await t.call('system', 'adminSaveContact', input('nb'), DISTRICT)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  expect(await t.call('system', 'adminContact', { unionId: 'nb-bl' }, HAISHU)).toMatchObject({
    ok: false,
    error: { code: 'OUT_OF_SCOPE' },
  });
  expect(await t.call('system', 'adminSaveContact', input('nb-bl'), { persona: 'member' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_UNION_ADMIN' },
  });
  expect(JSON.stringify((await t.db.collection('union_contacts').limit(100).get()).data)).toBe(before);
});

it('bad input is a structured error in Chinese and writes nothing', async () => {
  const before = JSON.stringify((await t.db.collection('union_contacts').limit(100).get()).data);
  const bad = [
    { unionId: 'nb-bl', contactPhone: 'call me', address: '北仑区某路 1 号', hours: '工作日' },
    { unionId: 'nb-bl', contactPhone: '0574-86781234', address: '短', hours: '工作日' },
    { unionId: 'nb-bl', contactPhone: '0574-86781234', address: '北仑区某路 1 号', hours: '工作日', latitude: 29.9 },
    { unionId: 'nb-bl', contactPhone: '0574-86781234', address: '北仑区某路 1 号', hours: '工作日', latitude: 99, longitude: 121 },
  ];
  for (const input of bad) {
    const r = await t.call('system', 'adminSaveContact', input, DISTRICT);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(await t.call('system', 'adminSaveContact', { ...bad[0], unionId: 'nb-nope', contactPhone: '12351' }, DISTRICT)).toMatchObject({
    ok: false,
    error: { code: 'UNION_NOT_FOUND' },
  });
  expect(JSON.stringify((await t.db.collection('union_contacts').limit(100).get()).data)).toBe(before);
});
