/**
 * Calls between functions (cloudfunctions/_lib/internal.ts): the SDK's callFunction from a
 * function reaches the local function host the way it reaches CloudBase (the callee gets the
 * caller's source chain plus `scf` and the caller's identity), and an internal operation runs only
 * for a good signature on an invocation whose last hop is not the mini-program.
 * Every refusal is checked to change nothing (`content`'s `follows.leave` moves a counter).
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { MAX_AGE_MS, signInternal } from '../../../cloudfunctions/_lib/internal';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { newOpenid } from '../../scenarios/member';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

const UNION = `u_internal_${Date.now()}`;

async function followers(): Promise<number | undefined> {
  const doc = (await t.db.collection(C.unionStats).doc(UNION).get()).data[0] as { followers?: number } | undefined;
  return doc?.followers;
}

const leave = (opts: { fn?: string; at?: number; secret?: string } = {}) =>
  signInternal(
    opts.fn ?? 'content',
    'follows.leave',
    { unionId: UNION },
    opts.at ?? Date.now(),
    opts.secret ?? process.env.INTERNAL_CALL_SECRET,
  );

describe('an internal operation', () => {
  it('runs when another function calls it through the SDK (callFunction reaches the function host)', async () => {
    const before = (await followers()) ?? 0;
    const res = await t.app.callFunction({ name: 'content', data: leave() });
    expect(res.result).toEqual({ ok: true, data: null });
    expect(await followers()).toBe(before - 1);
  });

  it('runs when the calling function is serving a user (SOURCE wx_client,scf, the user carried along)', async () => {
    const before = (await followers()) ?? 0;
    const res = await t.cloud.host.invoke('content', leave(), { openid: newOpenid(), source: 'wx_client,scf' });
    expect(res.result).toEqual({ ok: true, data: null });
    const fromTimer = await t.cloud.host.invoke('content', leave(), { source: 'wx_trigger,scf' });
    expect(fromTimer.result).toEqual({ ok: true, data: null });
    expect(await followers()).toBe(before - 2);
  });

  it('is refused to a signed-in user even with a valid signature, and changes nothing', async () => {
    const before = await followers();
    const res = await t.post('/api/functions/content', JSON.stringify(leave()), { 'x-local-openid': newOpenid() });
    expect(res.json).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    const persona = await t.post('/api/functions/content', JSON.stringify(leave()), { 'x-local-persona': 'member' });
    expect(persona.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await followers()).toBe(before);
  });

  it('is refused without identity when the signature is forged, for another function, too old or missing', async () => {
    const before = await followers();
    const anonymous = { 'x-local-persona': 'anonymous' };
    const forged = leave({ secret: 'x'.repeat(64) });
    const otherFunction = leave({ fn: 'daycare' });
    const stale = leave({ at: Date.now() - MAX_AGE_MS - 5_000 });
    const tampered = leave();
    tampered.internal.payload = tampered.internal.payload.replace(UNION, 'u_other');
    for (const event of [forged, otherFunction, stale, tampered, { internal: { payload: '{}' } }, { internal: null }]) {
      const res = await t.post('/api/functions/content', JSON.stringify(event), anonymous);
      expect(res.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await followers()).toBe(before);
  });

  it('answers UNKNOWN_ACTION for an operation the function does not have', async () => {
    const res = await t.app.callFunction({ name: 'system', data: signInternal('system', 'forgetUser.run', {}) });
    expect(res.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });
});
