/**
 * A recuperation venue's optional address, map position and phone (the batch page's VenueCard):
 * saved with adminSaveVenue, read back by batchDetail; the seeded venue has them; bad values are
 * refused.
 */
import type { BatchDetailResult } from '../../../shared/recuperation/schemas';
import { RECU_SEED_BATCH_SOON } from '../../../scripts/local-cloud/demo/seedRecuperation';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

it('the seeded venue answers with its address, position and phone', async () => {
  const res = await t.call<BatchDetailResult>('recuperation', 'batchDetail', { batchId: RECU_SEED_BATCH_SOON }, { persona: 'member' });
  expect(res.ok && res.data.venue).toMatchObject({
    name: '宁波工人疗养院',
    address: expect.stringContaining('半边山'),
    position: { lat: 29.1783, lng: 121.9561 },
    phone: '0574-65987000',
  });
});

it('a venue saved with them keeps them, one saved without has nulls, bad values are refused', async () => {
  const withPlace = await t.call<{ venue: { address: string | null; position: unknown; phone: string | null } }>(
    'recuperation',
    'adminSaveVenue',
    {
      ownerUnionId: 'nb-bl',
      name: '春晓职工疗休养点',
      location: '北仑区春晓街道',
      address: '北仑区春晓街道海景路 8 号',
      position: { lat: 29.8001, lng: 121.9102 },
      phone: '0574-86150000',
    },
    { persona: 'district_admin' },
  );
  expect(withPlace.ok && withPlace.data.venue).toMatchObject({
    address: '北仑区春晓街道海景路 8 号',
    position: { lat: 29.8001, lng: 121.9102 },
    phone: '0574-86150000',
  });
  const bare = await t.call<{ venue: object }>(
    'recuperation',
    'adminSaveVenue',
    { ownerUnionId: 'nb-bl', name: '梅山职工疗休养点', location: '北仑区梅山街道' },
    { persona: 'district_admin' },
  );
  expect(bare.ok && bare.data.venue).toMatchObject({ address: null, position: null, phone: null });
  for (const bad of [{ position: { lat: 0, lng: 0 } }, { phone: '12345' }, { address: '短' }]) {
    const res = await t.call(
      'recuperation',
      'adminSaveVenue',
      { ownerUnionId: 'nb-bl', name: '错误场所', location: '北仑区', ...bad },
      { persona: 'district_admin' },
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  }
});
