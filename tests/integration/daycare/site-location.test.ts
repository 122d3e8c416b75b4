/**
 * A day-care site's optional map position (查看位置 on the 暑托班 page): given with adminAddSite,
 * shown to parents in the overview; without one it is null (the page offers 复制地址); a position
 * outside China (swapped numbers) is refused and adds nothing.
 */
import type { OverviewResult } from '../../../shared/daycare/views';
import { DAYCARE_SEED_CAMPAIGN } from '../../../scripts/local-cloud/demo/seedDaycare';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

const site = (name: string, extra: object = {}) => ({
  campaignId: DAYCARE_SEED_CAMPAIGN,
  hostUnionId: 'nb-bl-xq',
  name,
  address: '北仑区新碶街道测试路 1 号',
  contactName: '王老师',
  contactPhone: '0574-86780000',
  kind: 'science',
  ...extra,
});

async function sitesSeenByParent() {
  const res = await t.call<OverviewResult>('daycare', 'overview', {}, { persona: 'parent' });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.campaigns.flatMap((c) => c.sites);
}

it('a site keeps its position; the seeded sites show theirs, or null', async () => {
  const added = await t.call('daycare', 'adminAddSite', site('新碶定位托管点', { location: { lat: 29.9012, lng: 121.8476 } }), {
    persona: 'district_admin',
  });
  expect(added.ok).toBe(true);
  const sites = await sitesSeenByParent();
  expect(sites.find((s) => s.name === '新碶定位托管点')?.location).toEqual({ lat: 29.9012, lng: 121.8476 });
  expect(sites.find((s) => s.id === 'ds_seed_daqi')?.location).toEqual({ lat: 29.8857, lng: 121.7961 });
  expect(sites.find((s) => s.id === 'ds_seed_xq_community')?.location).toBeNull();
});

it('a position outside China or half a position is refused with nothing added', async () => {
  const before = (await sitesSeenByParent()).length;
  for (const location of [{ lat: 121.8, lng: 29.9 }, { lat: 29.9 }, { lat: '29.9', lng: '121.8' }]) {
    const res = await t.call('daycare', 'adminAddSite', site('错误定位托管点', { location }), { persona: 'district_admin' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  }
  expect((await sitesSeenByParent()).length).toBe(before);
});
