import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import type { HomeSummary } from '../../../shared/system/schemas';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

function expectStructuredError(json: unknown, code: string) {
  expect(json).toEqual({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  expect(JSON.stringify(json)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
}

describe('function host: bad input always gets the structured error', () => {
  it('body that is not JSON', async () => {
    const res = await t.post('/api/functions/system', '{"action": "homeSummary",');
    expect(res.status).toBe(400);
    expectStructuredError(res.json, 'BAD_REQUEST');
  });

  it('JSON that is not an object', async () => {
    const res = await t.post('/api/functions/system', '[1,2,3]');
    expect(res.status).toBe(400);
    expectStructuredError(res.json, 'BAD_REQUEST');
  });

  it('unknown function', async () => {
    const res = await t.post('/api/functions/nope', JSON.stringify({ action: 'x' }));
    expect(res.status).toBe(404);
    expectStructuredError(res.json, 'UNKNOWN_FUNCTION');
  });

  it('missing and unknown action', async () => {
    expectStructuredError((await t.post('/api/functions/system', JSON.stringify({ data: {} }))).json, 'BAD_REQUEST');
    expectStructuredError((await t.post('/api/functions/system', JSON.stringify({ action: 'dropTables' }))).json, 'UNKNOWN_ACTION');
    expectStructuredError((await t.post('/api/functions/system', JSON.stringify({ action: 'constructor' }))).json, 'UNKNOWN_ACTION');
  });

  it('wrong types and extra fields in data', async () => {
    expectStructuredError(await t.call('system', 'homeSummary', 'hello'), 'INVALID_ARGUMENT');
    expectStructuredError(await t.call('system', 'homeSummary', { openid: 'o_local_admin_city' }), 'INVALID_ARGUMENT');
    const badId = await t.post('/api/functions/system', JSON.stringify({ action: 'homeSummary', requestId: 42 }));
    expectStructuredError(badId.json, 'INVALID_ARGUMENT');
  });

  it('unknown local persona', async () => {
    const res = await t.post('/api/functions/system', JSON.stringify({ action: 'homeSummary' }), { 'x-local-persona': 'root' });
    expect(res.status).toBe(400);
    expectStructuredError(res.json, 'BAD_REQUEST');
  });
});

describe('identity comes from the invocation context only', () => {
  it('each persona sees itself', async () => {
    const member = await t.call<HomeSummary>('system', 'homeSummary', {}, { persona: 'member' });
    const admin = await t.call<HomeSummary>('system', 'homeSummary', {}, { persona: 'district_admin' });
    const guest = await t.call<HomeSummary>('system', 'homeSummary', {}, { persona: 'guest' });
    expect(member.ok && member.data.viewer).toMatchObject({ displayName: '王*国', role: 'member', unionName: '宁波北仑港务有限公司工会' });
    expect(admin.ok && admin.data.viewer).toMatchObject({ role: 'union_admin', roleLabel: '北仑区总工会管理员' });
    expect(guest.ok && guest.data.viewer).toMatchObject({ role: 'applicant', roleLabel: '未入会职工' });
  });

  it('an openid or userInfo in the event is ignored', async () => {
    const res = await t.post(
      '/api/functions/system',
      JSON.stringify({ action: 'homeSummary', data: {}, openid: 'o_local_admin_city', userInfo: { openId: 'o_local_admin_city' } }),
      { 'x-local-persona': 'guest' },
    );
    expect((res.json as { data: HomeSummary }).data.viewer.role).toBe('applicant');
  });

  it('concurrent calls never see each other’s identity', async () => {
    const personas = ['member', 'district_admin', 'guest', 'city_admin', 'parent'];
    const expected: Record<string, string> = {
      member: '王*国',
      district_admin: '周*燕',
      guest: '陈*',
      city_admin: '郑*强',
      parent: '李*梅',
    };
    const calls = Array.from({ length: 100 }, (_, i) => personas[i % personas.length]);
    const results = await Promise.all(calls.map((p) => t.call<HomeSummary>('system', 'homeSummary', {}, { persona: p })));
    results.forEach((r, i) => {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.data.viewer.displayName).toBe(expected[calls[i]]);
    });
  });

  it('an anonymous caller is a guest for public actions', async () => {
    const res = await t.call<HomeSummary>('system', 'homeSummary', {}, 'anonymous');
    expect(res.ok && res.data.viewer.role).toBe('guest');
  });
});

describe('data comes from the SQLite file through the real SDK', () => {
  it('the home strip lists the latest published notices newest first and counts', async () => {
    await t.db
      .collection('notices')
      .doc('future-notice')
      .set({ title: '明天才发布', unionName: '测试', publishedAt: new Date(Date.now() + 86400_000) });
    const res = await t.call<HomeSummary>('system', 'homeSummary');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const times = res.data.notices.map((n) => Date.parse(n.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(res.data.notices.map((n) => n.title)).not.toContain('明天才发布');
    expect(res.data.stats.unions).toBe((await t.db.collection('unions').count()).total);
    expect(res.data.stats.members).toBe((await t.db.collection('users').where({ memberStatus: 'verified' }).count()).total);
  });

  it('counts the database requests of each invocation', async () => {
    const res = await t.post('/api/functions/system', JSON.stringify({ action: 'homeSummary' }));
    const header = res.headers.get('x-local-db-requests') ?? '';
    const counts = Object.fromEntries(
      header
        .split(';')
        .map((kv) => kv.split('='))
        .map(([k, v]) => [k, Number(v)]),
    );
    // users, notices, two counts, the union name: five reads, no writes.
    expect(counts).toEqual({ total: 5, reads: 5, writes: 0 });
    const time = await t.post('/api/functions/system', JSON.stringify({ action: 'serverTime' }));
    expect(time.headers.get('x-local-db-requests')).toBe('total=0;reads=0;writes=0');
  });
});

describe('clock offset and timer triggers', () => {
  it('a clock offset moves the business clock of functions', async () => {
    await t.setClock('2026-11-27T01:59:00Z');
    const res = await t.call<{ serverTime: number }>('system', 'serverTime');
    expect(res.ok && Math.abs(res.data.serverTime - Date.parse('2026-11-27T01:59:00Z'))).toBeLessThan(2000);
    await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
  });

  it('rejects a bad clock request', async () => {
    const res = await t.post('/api/_local/clock', JSON.stringify({ at: 'next friday' }));
    expect(res.status).toBe(400);
    expectStructuredError(res.json, 'INVALID_ARGUMENT');
  });

  it('fires a trigger or a scheduled job on demand and lists the next run', async () => {
    const list = (await (await fetch(`${t.cloud.appUrl}/api/_local/triggers`)).json()) as {
      data: Array<{ fn: string; name: string; nextAt: string | null; cron: string | null }>;
    };
    const tick = list.data.find((x) => x.fn === 'system' && x.name === 'tick');
    expect(tick?.cron).toBe('0 * * * * * *');
    expect(new Date(tick!.nextAt!).getUTCSeconds()).toBe(0);
    // The heartbeat is a scheduled job now (run by the tick): listed without a cron of its own.
    expect(list.data.find((x) => x.fn === 'system' && x.name === 'heartbeat')).toMatchObject({ cron: null, nextAt: null });
    const fired = await t.post('/api/_local/triggers/system/heartbeat', '{}');
    expect(fired.status).toBe(200);
    const doc = await t.db.collection('system_meta').doc('heartbeat').get();
    expect(doc.data[0].lastAt).toBeInstanceOf(Date);
  });
});
