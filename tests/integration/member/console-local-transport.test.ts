/**
 * The 工会工作台's own client (console/src/api) over the local transport — what `npm start` and
 * the local build use — against the local cloud's real front door: the Bearer token is the only
 * identity, an ended session clears the token, and no answer is NETWORK in Chinese.
 */
import { api } from '../../../console/src/api/api';
import { session, useTransport } from '../../../console/src/api/client';
import { localTransport } from '../../../console/src/api/transport';
import type { ConsoleSessionsResult } from '../../../shared/member/console';
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import { unwrap } from '../../scenarios/console';

const DISTRICT: As = { persona: 'district_admin' };
let t: TestCloud;

beforeAll(async () => {
  const store = new Map<string, string>();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  t = await givenLocalCloud();
  // The page's relative URL, resolved against the local cloud as the browser would.
  useTransport(localTransport((url, init) => fetch(t.cloud.appUrl + String(url), init)));
});
afterAll(async () => {
  await t.close();
});

it('signs in with the polled token, acts as the admin, and forgets the token once the session is revoked', async () => {
  const ticket = unwrap(await api.signIn.ticket('Chrome 131 · Windows'), 'ticket');
  unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
  const polled = unwrap(await api.signIn.poll({ ticket: ticket.ticket, pollKey: ticket.pollKey }), 'poll');
  if (polled.status !== 'signedIn') throw new Error(polled.status);
  expect(polled.loginTicket).toBeUndefined(); // no custom-login key in the local cloud
  session.set(polled.token);
  expect(unwrap(await api.signIn.me(), 'me').unions).toEqual([{ id: 'nb-bl', name: '北仑区总工会' }]);

  const listed = unwrap(await t.call<ConsoleSessionsResult>('member', 'consoleSessions', {}, DISTRICT), 'sessions');
  unwrap(await t.call('member', 'consoleRevoke', { key: listed.sessions[0].key }, DISTRICT), 'revoke');
  expect(await api.signIn.me()).toMatchObject({ ok: false, error: { code: 'CONSOLE_SESSION_INVALID' } });
  expect(session.get()).toBeNull();
});

it('a front door that does not answer is NETWORK with the Chinese message', async () => {
  useTransport(localTransport((url, init) => fetch(`http://127.0.0.1:9${String(url)}`, init)));
  try {
    expect(await api.signIn.ticket('Chrome 131 · Windows')).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: '网络不给力，请检查网络后重试' },
    });
  } finally {
    useTransport(localTransport((url, init) => fetch(t.cloud.appUrl + String(url), init)));
  }
});
