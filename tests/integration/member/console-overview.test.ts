/**
 * 工会工作台 → 概览 (system.adminOverview) through a console session: figures of a union's
 * subtree and of each child, drilled down the tree, moving with what members do, and nothing
 * outside the admin's subtree.
 */
import { formatBusiness } from '../../../shared/time';
import type { AdminOverviewResult } from '../../../shared/system/overview';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { consoleCall, signInConsole, unwrap } from '../../scenarios/console';
import { givenApplicant, givenVerifiedMember } from '../../scenarios/member';

let t: TestCloud;
let token: string;
beforeAll(async () => {
  t = await givenLocalCloud();
  token = await signInConsole(t, { persona: 'district_admin' });
});
afterAll(async () => {
  await t.close();
});

const today = () => formatBusiness(new Date(), 'YYYY-MM-DD');
async function overview(data: Record<string, unknown>) {
  return (await consoleCall<AdminOverviewResult>(t, token, 'system', 'adminOverview', { from: today(), to: today(), ...data })).body;
}

describe('概览', () => {
  it("starts at the admin's union and lists its children, each with its subtree's figures", async () => {
    const res = unwrap(await overview({}), 'overview');
    expect(res.union).toMatchObject({ id: 'nb-bl', name: '北仑区总工会', hasChildren: true });
    expect(res.path).toEqual([{ id: 'nb-bl', name: '北仑区总工会' }]);
    expect(res.children.map((c) => c.id)).toEqual(expect.arrayContaining(['nb-bl-xq', 'nb-bl-dq', 'nb-bl-xg']));
    expect(res.childTotal).toBe(res.children.length);
    const childMembers = res.children.reduce((sum, c) => sum + c.figures.members, 0);
    expect(res.union.figures.members).toBeGreaterThanOrEqual(childMembers);
    expect(childMembers).toBeGreaterThan(0);
  });

  it('moves with what happens: an application is pending in every row above it, an approval joins today', async () => {
    const before = unwrap(await overview({ unionId: 'nb-bl-xq' }), 'before');
    const port = before.children.find((c) => c.id === 'nb-bl-xq-gw');
    await givenApplicant(t); // applies to 宁波北仑港务有限公司工会 (nb-bl-xq-gw)
    await givenVerifiedMember(t);
    const after = unwrap(await overview({ unionId: 'nb-bl-xq' }), 'after');
    const portAfter = after.children.find((c) => c.id === 'nb-bl-xq-gw');
    expect(after.path.map((p) => p.id)).toEqual(['nb-bl', 'nb-bl-xq']);
    expect(after.union.figures.pendingJoins).toBe(before.union.figures.pendingJoins + 1);
    expect(portAfter?.figures.pendingJoins).toBe((port?.figures.pendingJoins ?? 0) + 1);
    expect(after.union.figures.newMembers).toBe(before.union.figures.newMembers + 1);
    expect(portAfter?.figures.members).toBe((port?.figures.members ?? 0) + 1);
    // Yesterday's range does not count today's member.
    const yesterday = formatBusiness(new Date(Date.now() - 86_400_000), 'YYYY-MM-DD');
    const past = unwrap(await overview({ unionId: 'nb-bl-xq', from: yesterday, to: yesterday }), 'past');
    expect(past.union.figures.newMembers).toBeLessThan(after.union.figures.newMembers);
  });

  it('refuses a union outside the subtree and a backwards or too long range', async () => {
    expect(await overview({ unionId: 'nb-hs' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(await overview({ unionId: 'nb' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(await overview({ from: '2026-03-02', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '结束日期不能早于开始日期' },
    });
    expect(await overview({ from: '2024-01-01', to: '2026-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await overview({ from: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('is for admins only', async () => {
    const res = await t.call('system', 'adminOverview', { from: today(), to: today() }, { persona: 'member' });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
  });
});
