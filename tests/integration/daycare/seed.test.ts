import type { MyChildrenResult, OverviewResult, StaffSitesResult } from '../../../shared/daycare/views';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { unwrap } from '../../scenarios/daycare';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

it('the demo data: an open lottery window relative to now, an oversubscribed slot, the parent ready to sign up, staff', async () => {
  const o = unwrap(await t.call<OverviewResult>('daycare', 'overview', {}, { persona: 'parent' }));
  const lottery = o.campaigns.find((c) => c.mode === 'lottery')!;
  expect(lottery.phase).toBe('open');
  expect(new Date(lottery.closesAt).getTime() - o.serverTime).toBeGreaterThan(2.9 * 86400_000);
  expect(lottery.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
  expect(lottery.seed).toBeNull();
  const slots = lottery.sites.flatMap((s) => s.slots);
  expect(slots).toHaveLength(8);
  expect(slots[0].demand).toBeGreaterThan(slots[0].capacity);
  expect(o.campaigns.some((c) => c.mode === 'first_come' && c.phase === 'open')).toBe(true);

  const kids = unwrap(await t.call<MyChildrenResult>('daycare', 'myChildren', {}, { persona: 'parent' }));
  expect(kids.consented).toBe(true);
  expect(kids.children.map((c) => c.name)).toEqual(['李小雨']);

  const staff = unwrap(await t.call<StaffSitesResult>('daycare', 'staffSites', {}, { persona: 'member' }));
  expect(new Set(staff.slots.map((s) => s.siteName))).toEqual(new Set(['新碶街道职工子女暑托班']));
});
