/**
 * Timer triggers and scheduled jobs run only when a timer fires them (docs/security.md, "Timer
 * triggers"; the jobs through the system tick's signed internal call). A
 * mini-program call whose event looks like a timer's (`{Type:'Timer', TriggerName}`) carries the
 * caller's identity and source `wx_client`; the router refuses it: FORBIDDEN, nothing runs,
 * nothing is written. The local scheduler and the local control still fire them, with the
 * context CloudBase gives a timer (no OPENID, source `wx_trigger`).
 */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { changedCollections, snapshot } from '../../scenarios/snapshot';

let t: TestCloud;
let triggers: Array<{ fn: string; name: string; cron: string | null }>;
beforeAll(async () => {
  t = await givenLocalCloud();
  const res = await fetch(`${t.cloud.appUrl}/api/_local/triggers`);
  triggers = ((await res.json()) as { data: Array<{ fn: string; name: string; cron: string | null }> }).data;
});
afterAll(async () => {
  await t.close();
});

const callers: Array<[string, Record<string, string>]> = [
  ['a member', { 'x-local-persona': 'member' }],
  ['a city admin', { 'x-local-persona': 'city_admin' }],
  ['an unknown WeChat user', { 'x-local-openid': 'o_someone_new_12345' }],
  ['a caller without identity', { 'x-local-persona': 'anonymous' }],
];

it('every declared trigger and scheduled job is covered (2 timers + 11 jobs)', () => {
  expect(
    triggers
      .filter((x) => (x as { cron: string | null }).cron !== null)
      .map((x) => `${x.fn}.${x.name}`)
      .sort(),
  ).toEqual(['content.recountFollowers', 'system.tick']);
  expect(triggers.length).toBe(13);
});

it.each(callers)('a timer-shaped event from %s through the function route is refused and writes nothing', async (_who, headers) => {
  const before = await snapshot(t);
  for (const { fn, name } of triggers) {
    const event = { Type: 'Timer', TriggerName: name, Time: '2030-01-01T00:00:00Z', Message: '' };
    const res = await t.post(`/api/functions/${fn}`, JSON.stringify(event), headers);
    expect({ fn, name, status: res.status, body: res.json }).toEqual({
      fn,
      name,
      status: 200,
      body: { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } },
    });
  }
  expect(changedCollections(before, await snapshot(t))).toEqual([]);
});

it('the local trigger control still fires a trigger, with a timer context', async () => {
  const res = await t.post('/api/_local/triggers/system/heartbeat', '{}');
  expect(res.json).toMatchObject({ ok: true, data: { result: { ok: true } } });
  const doc = (await t.db.collection('system_meta').doc('heartbeat').get()).data[0] as { scheduledFor: string };
  expect(doc.scheduledFor).not.toBe('2030-01-01T00:00:00Z');
});
