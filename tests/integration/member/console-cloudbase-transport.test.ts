/**
 * The 工会工作台's CloudBase transport (console/src/api/cloudbaseTransport.ts) end to end, with
 * no network: the console's own typed client (console/src/api/api.ts) over the transport, over
 * a stand-in for @cloudbase/js-sdk (tests/scenarios/jsSdkStandIn.ts) that checks custom-login
 * tickets as CloudBase does and invokes the real functions on the local cloud with the identity
 * CloudBase would put in the context. The member function holds a throwaway custom-login key.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { api } from '../../../console/src/api/api';
import { cloudbaseTransport } from '../../../console/src/api/cloudbaseTransport';
import { callApi, session, useTransport } from '../../../console/src/api/client';
import { C } from '../../../cloudfunctions/_lib/collections';
import { sessionIdOf, sha256Hex } from '../../../cloudfunctions/_lib/consoleSession';
import type { ConsoleSessionsResult, ConsoleTicketResult } from '../../../shared/member/console';
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import { unwrap } from '../../scenarios/console';
import { jsSdkStandIn, type JsSdkStandIn } from '../../scenarios/jsSdkStandIn';

const DISTRICT: As = { persona: 'district_admin' };
const KEY_ID = '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

let t: TestCloud;
let platform: JsSdkStandIn;
let keyJson: string;

beforeAll(async () => {
  const store = new Map<string, string>();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  t = await givenLocalCloud();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  keyJson = JSON.stringify({
    private_key_id: KEY_ID,
    private_key: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    env_id: 'local',
  });
  await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: keyJson });
  platform = jsSdkStandIn(t, {
    keyId: KEY_ID,
    publicKey: createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })),
    envId: 'local',
  });
  useTransport(cloudbaseTransport(platform.sdk, 'local'));
});
afterAll(async () => {
  await t.close();
});

/** What the console's Login page does, through the console's own client. */
async function scanAndSignIn(): Promise<{ ticket: ConsoleTicketResult; token: string }> {
  const ticket = unwrap(await api.signIn.ticket('Edge 131 · Windows'), 'ticket');
  unwrap(await t.call('member', 'consoleScan', { ticket: ticket.ticket }, DISTRICT), 'scan');
  unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
  const polled = unwrap(await api.signIn.poll({ ticket: ticket.ticket, pollKey: ticket.pollKey }), 'poll');
  if (polled.status !== 'signedIn') throw new Error(`poll: ${polled.status}`);
  session.set(polled.token);
  return { ticket, token: polled.token };
}

it('signs in anonymously for the ticket, then with the session ticket; the admin acts in scope; revocation signs out of the platform too', async () => {
  expect(platform.state()).toBeNull();
  const { ticket, token } = await scanAndSignIn();
  // The ticket was asked for as an anonymous CloudBase user (the function saw TCB_UUID: its limit window exists).
  const first = platform.calls[0];
  expect(first).toMatchObject({ name: 'member', action: 'consoleTicket', as: { kind: 'anonymous' } });
  const anonUid = (first.as as { uid: string }).uid;
  expect(
    (
      await t.db
        .collection(C.consoleTicketLimits)
        .doc(`uid:${sha256Hex(anonUid)}`)
        .get()
    ).data[0],
  ).toMatchObject({ count: 1 });
  expect(ticket.ticket).toMatch(/^[0-9a-f]{32}$/);
  // Signed in to the platform as the session id, which is what the router resolves.
  expect(platform.state()).toEqual({ kind: 'custom', uid: sessionIdOf(token) });

  const me = unwrap(await api.signIn.me(), 'me');
  expect(me.unions).toEqual([{ id: 'nb-bl', name: '北仑区总工会' }]);
  const apps = unwrap(await api.member.listApplications({ status: 'pending' }), 'applications');
  expect(Array.isArray(apps.items)).toBe(true);
  // A member's own action is not for a console session, whatever the transport.
  expect(await callApi('member', 'profile', {})).toMatchObject({ ok: false, error: { code: 'CONSOLE_NOT_ALLOWED' } });
  // Another district stays out of reach.
  expect(await api.member.listApplications({ status: 'pending', unionId: 'nb-hs' })).toMatchObject({ ok: false });

  // 我的 → 已登录的工作台 → 退出: the next console call is refused, the console forgets the
  // token and the platform's login state, and can ask for a new QR code anonymously again.
  const listed = unwrap(await t.call<ConsoleSessionsResult>('member', 'consoleSessions', {}, DISTRICT), 'sessions');
  const key = listed.sessions.find((s) => s.key === sessionIdOf(token))!.key;
  unwrap(await t.call('member', 'consoleRevoke', { key }, DISTRICT), 'revoke');
  expect(await api.member.listApplications({ status: 'pending' })).toMatchObject({ ok: false, error: { code: 'CONSOLE_SESSION_INVALID' } });
  expect(session.get()).toBeNull();
  expect(platform.state()).toBeNull();
  expect(unwrap(await api.signIn.ticket('Edge 131 · Windows'), 'ticket again').ticket).toMatch(/^[0-9a-f]{32}$/);
  expect(platform.state()).toMatchObject({ kind: 'anonymous' });
});

it('退出登录 ends the session on the server and the platform login state', async () => {
  const { token } = await scanAndSignIn();
  unwrap(await api.signIn.signOut(), 'signOut');
  expect(platform.state()).toBeNull();
  const stored = (await t.db.collection(C.consoleSessions).doc(sessionIdOf(token)).get()).data[0] as { revokedAt: unknown };
  expect(stored.revokedAt).not.toBeNull();
  session.clear();
});

it('without a custom-login key the poll brings no ticket: the console says sign-in did not complete and stays anonymous', async () => {
  await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: undefined });
  try {
    const ticket = unwrap(await api.signIn.ticket('Edge 131 · Windows'), 'ticket');
    unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
    expect(await api.signIn.poll({ ticket: ticket.ticket, pollKey: ticket.pollKey })).toEqual({
      ok: false,
      error: { code: 'CONSOLE_SESSION_INVALID', message: '工作台登录未完成，请刷新二维码后重新扫码' },
    });
    expect(platform.state()).toMatchObject({ kind: 'anonymous' });
  } finally {
    await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: keyJson });
  }
});

it('a ticket signed with another key is refused by the platform (the stand-in checks as CloudBase does)', async () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await t.cloud.host.setEnvironment({
    CONSOLE_LOGIN_KEY: JSON.stringify({
      private_key_id: KEY_ID,
      private_key: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      env_id: 'local',
    }),
  });
  try {
    const ticket = unwrap(await api.signIn.ticket('Edge 131 · Windows'), 'ticket');
    unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
    expect(await api.signIn.poll({ ticket: ticket.ticket, pollKey: ticket.pollKey })).toMatchObject({
      ok: false,
      error: { code: 'CONSOLE_SESSION_INVALID' },
    });
    expect(platform.state()).toMatchObject({ kind: 'anonymous' });
  } finally {
    await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: keyJson });
  }
});

it('a transport failure is NETWORK with the same Chinese message as the local transport', async () => {
  const broken = jsSdkStandIn(t, {
    keyId: KEY_ID,
    publicKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey,
    envId: 'local',
  });
  broken.sdk.init({ env: 'local' }).callFunction = async () => {
    throw new Error('network down');
  };
  useTransport(cloudbaseTransport(broken.sdk, 'local'));
  try {
    const res = await api.signIn.ticket('Edge 131 · Windows');
    expect(res).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(res.ok ? '' : res.error.message).toMatch(/网络/);
  } finally {
    useTransport(cloudbaseTransport(platform.sdk, 'local'));
  }
});

it('a console whose CloudBase login state was lost (token still in the tab) is signed out, not left half signed in', async () => {
  await scanAndSignIn();
  await platform.sdk.init({ env: 'local' }).auth({ persistence: 'session' }).signOut(); // e.g. the SDK's storage was cleared
  expect(await api.signIn.me()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(session.get()).toBeNull();
  expect(platform.state()).toBeNull();
});
