/**
 * 工会工作台's figures are the admin's own subtree, counted on the server: a district admin
 * used to see the city-wide platform totals.
 */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import type { HomeSummary } from '../../../shared/system/schemas';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

async function summary(persona: string): Promise<HomeSummary> {
  const res = await t.call<HomeSummary>('system', 'homeSummary', {}, { persona });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data;
}

async function expected(unionId: string): Promise<{ unions: number; members: number }> {
  const unions = await t.db.collection('unions').where({ ancestors: unionId }).count();
  const members = await t.db.collection('members').where({ unionAncestors: unionId, status: 'active' }).count();
  return { unions: unions.total!, members: members.total! };
}

it("a district admin's figures cover only the district's unions and members", async () => {
  const district = await summary('district_admin');
  const own = await expected('nb-bl');
  expect(district.scope).toEqual({ name: '北仑区总工会', ...own });
  // The district is a strict part of the city: the platform totals are larger.
  expect(own.unions).toBeGreaterThan(1);
  expect(district.stats.unions).toBeGreaterThan(own.unions);

  const city = await summary('city_admin');
  expect(city.scope).toEqual({ name: '宁波市总工会', ...(await expected('nb')) });
  expect(city.scope!.unions).toBeGreaterThan(own.unions);
});

it('a member imported into another district is not counted for 北仑; one in 北仑 is', async () => {
  const before = (await summary('district_admin')).scope!;
  await t.db
    .collection('members')
    .doc('scope-test-hs')
    .set({ cardNo: 'T-HS-1', status: 'active', unionId: 'nb-hs', unionAncestors: ['nb', 'nb-hs'] });
  await t.db
    .collection('members')
    .doc('scope-test-bl')
    .set({ cardNo: 'T-BL-1', status: 'active', unionId: 'nb-bl', unionAncestors: ['nb', 'nb-bl'] });
  const after = (await summary('district_admin')).scope!;
  expect(after.members).toBe(before.members + 1);
});

it('members and guests get no admin figures', async () => {
  expect((await summary('member')).scope).toBeNull();
  expect((await summary('guest')).scope).toBeNull();
});
