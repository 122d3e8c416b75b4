/**
 * A worker who has not joined sees the platform-wide drops (of the top-level unions) on the 福利
 * tab, each saying why they cannot take part yet, and the page offers 入会. It used to say
 * 本周暂无福利活动 while the home page advertised them.
 */
import type { ListResult } from '../../../shared/benefit/schemas';
import type { TestCloud } from '../../scenarios/cloud';
import { callBenefit, givenBenefitCloud, givenDrop } from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

async function list(as: Parameters<typeof callBenefit>[3]): Promise<ListResult> {
  const res = await callBenefit<ListResult>(t, 'list', {}, as);
  if (!res.result.ok) throw new Error(JSON.stringify(res.result));
  return res.result.data;
}

test('a guest sees the city-wide drops with what to do, never a district drop or a claim pass', async () => {
  const district = await givenDrop(t, { stock: 10, title: '北仑区专属福利' });
  for (const as of [{ persona: 'guest' }, 'anonymous'] as const) {
    const guest = await list(as);
    expect(guest.joinFirst).toBe(true);
    expect(guest.notice).toMatch(/入会/);
    expect(guest.drops.length).toBeGreaterThan(0);
    for (const d of guest.drops) {
      expect(d.unionName).toBe('宁波市总工会');
      expect(d.ineligible).toMatch(/请先完成入会认证/);
      expect(d.pass).toBeNull();
      expect(d.mine).toEqual({ claims: 0, registered: false, result: null });
    }
    expect(guest.drops.map((d) => d.id)).not.toContain(district.dropId);
  }
});

test('a member gets their own union chain and no join prompt', async () => {
  const member = await list({ persona: 'member' });
  expect(member.joinFirst).toBe(false);
  expect(member.notice).toBeNull();
  expect(member.drops.some((d) => d.unionName === '北仑区总工会')).toBe(true);
});
