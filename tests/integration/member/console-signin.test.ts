/**
 * 工会工作台 sign-in by scan (docs/console.md), through the console's own transport (Bearer
 * token, no persona header) and an admin persona playing the phone: the happy path, then every
 * way in that must stay shut — an expired, reused, declined or non-admin-confirmed ticket, a
 * wrong poll key, a revoked, idle or too-old session, a forged Bearer, the request body, other
 * actions than admin ones, and another subtree.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { sessionIdOf, sha256Hex } from '../../../cloudfunctions/_lib/consoleSession';
import type { ConsoleMeResult, ConsolePollResult, ConsoleScanResult, ConsoleSessionsResult } from '../../../shared/member/console';
import type { AdminListApplicationsResult } from '../../../shared/member/schemas';
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import { consoleCall, poll, requestTicket, signInConsole, unwrap } from '../../scenarios/console';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});
afterEach(async () => {
  await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 0 }));
});

const DISTRICT: As = { persona: 'district_admin' }; // 北仑区总工会 (nb-bl)
const CITY: As = { persona: 'city_admin' };
const MEMBER: As = { persona: 'member' };
const DISTRICT_OPENID = 'o_local_admin_beilun';
const INVALID_TICKET = { ok: false, error: { code: 'CONSOLE_TICKET_INVALID', message: '二维码已失效，请在电脑上刷新二维码后重新扫码' } };
const INVALID_SESSION = { ok: false, error: { code: 'CONSOLE_SESSION_INVALID', message: '工作台登录已失效，请重新扫码登录' } };

async function ticketStatus(ticket: string): Promise<string> {
  const res = await t.db.collection(C.consoleTickets).doc(sha256Hex(ticket)).get();
  return (res.data[0] as { status: string }).status;
}
async function moveClock(ms: number): Promise<void> {
  await t.post('/api/_local/clock', JSON.stringify({ offsetMs: ms }));
}

describe('scan to sign in', () => {
  it('signs the console in as the admin who confirmed, who then acts within their subtree', async () => {
    const ticket = await requestTicket(t, 'Edge 131 · Windows');
    expect(ticket.ticket).toMatch(/^[0-9a-f]{32}$/);
    expect(ticket.pollKey).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeGreaterThan(100_000);
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);
    // Stored hashed: neither the ticket nor the poll key is in the database.
    const stored = JSON.stringify((await t.db.collection(C.consoleTickets).doc(sha256Hex(ticket.ticket)).get()).data);
    expect(stored).not.toContain(ticket.ticket);
    expect(stored).not.toContain(ticket.pollKey);

    expect(unwrap(await poll(t, ticket), 'poll')).toMatchObject({ status: 'waiting', scanned: false });
    const scan = unwrap(await t.call<ConsoleScanResult>('member', 'consoleScan', { ticket: ticket.ticket }, DISTRICT), 'scan');
    expect(scan).toMatchObject({ device: 'Edge 131 · Windows', unionNames: ['北仑区总工会'] });
    expect(unwrap(await poll(t, ticket), 'poll')).toMatchObject({ status: 'waiting', scanned: true });
    unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');

    const signed = unwrap(await poll(t, ticket), 'poll') as Extract<ConsolePollResult, { status: 'signedIn' }>;
    expect(signed.status).toBe('signedIn');
    expect(signed.token).toMatch(/^[0-9a-f]{32}$/);
    const session = (await t.db.collection(C.consoleSessions).doc(sessionIdOf(signed.token)).get()).data[0] as Record<string, unknown>;
    expect(session.openid).toBe(DISTRICT_OPENID);
    expect(JSON.stringify(session)).not.toContain(signed.token);

    const me = unwrap((await consoleCall<ConsoleMeResult>(t, signed.token, 'member', 'consoleMe')).body, 'me');
    expect(me.unions).toEqual([{ id: 'nb-bl', name: '北仑区总工会' }]);
    const apps = unwrap(
      (await consoleCall<AdminListApplicationsResult>(t, signed.token, 'member', 'adminListApplications', { status: 'pending' })).body,
      'list',
    );
    expect(Array.isArray(apps.items)).toBe(true);
  });

  it('spends a ticket once: a second poll, confirm or scan gets the same refusal', async () => {
    const ticket = await requestTicket(t);
    unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
    expect(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, CITY)).toEqual(INVALID_TICKET);
    expect(unwrap(await poll(t, ticket), 'poll').status).toBe('signedIn');
    expect(await poll(t, ticket)).toEqual(INVALID_TICKET);
    expect(await t.call('member', 'consoleScan', { ticket: ticket.ticket }, DISTRICT)).toEqual(INVALID_TICKET);
  });

  it('hands the session to exactly one of two polls racing for it', async () => {
    const ticket = await requestTicket(t);
    unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
    const results = await Promise.all(Array.from({ length: 6 }, () => poll(t, ticket)));
    expect(results.filter((r) => r.ok && r.data.status === 'signedIn')).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(5);
    const sessions = await t.db.collection(C.consoleSessions).where({ openid: DISTRICT_OPENID }).get();
    const live = (sessions.data as Array<{ _id: string }>).map((s) => s._id);
    const winner = results.find((r) => r.ok && r.data.status === 'signedIn') as { ok: true; data: { token: string } };
    expect(live).toContain(sessionIdOf(winner.data.token));
  });

  it('refuses an expired ticket, and the console learns it expired', async () => {
    const ticket = await requestTicket(t);
    await moveClock(121_000);
    expect(await t.call('member', 'consoleScan', { ticket: ticket.ticket }, DISTRICT)).toEqual(INVALID_TICKET);
    expect(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT)).toEqual(INVALID_TICKET);
    expect(unwrap(await poll(t, ticket), 'poll')).toEqual({ status: 'expired' });
    expect(await ticketStatus(ticket.ticket)).toBe('pending');
  });

  it('refuses a confirmation by someone who is not an admin and leaves the ticket open', async () => {
    const ticket = await requestTicket(t);
    const scan = await t.call('member', 'consoleScan', { ticket: ticket.ticket }, MEMBER);
    expect(scan).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
    const confirm = await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, MEMBER);
    expect(confirm).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
    expect(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, 'anonymous')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await ticketStatus(ticket.ticket)).toBe('pending');
    expect(unwrap(await poll(t, ticket), 'poll')).toMatchObject({ status: 'waiting' });
  });

  it('tells the console the admin declined, and a declined ticket signs nobody in', async () => {
    const ticket = await requestTicket(t);
    unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'decline' }, DISTRICT), 'decline');
    expect(unwrap(await poll(t, ticket), 'poll')).toEqual({ status: 'declined' });
    expect(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT)).toEqual(INVALID_TICKET);
  });

  it('gives the session only to the browser holding the poll key', async () => {
    const ticket = await requestTicket(t);
    unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
    const thief = { ...ticket, pollKey: 'f'.repeat(32) };
    expect(await poll(t, thief)).toEqual(INVALID_TICKET);
    expect(await ticketStatus(ticket.ticket)).toBe('confirmed');
    expect(unwrap(await poll(t, ticket), 'poll').status).toBe('signedIn');
  });
});

describe('a signed-in console', () => {
  it('stops working once the admin revokes it in 我的 → 已登录的工作台; nobody else can revoke it', async () => {
    const token = await signInConsole(t, DISTRICT);
    const listed = unwrap(await t.call<ConsoleSessionsResult>('member', 'consoleSessions', {}, DISTRICT), 'sessions');
    const mine = listed.sessions.find((s) => s.key === sessionIdOf(token));
    expect(mine).toMatchObject({ device: 'Chrome 131 · Windows' });
    expect(
      unwrap(await t.call<ConsoleSessionsResult>('member', 'consoleSessions', {}, CITY), 'city').sessions.map((s) => s.key),
    ).not.toContain(mine?.key);

    expect(await t.call('member', 'consoleRevoke', { key: mine?.key }, CITY)).toEqual({ ok: true, data: { revoked: false } });
    expect((await consoleCall(t, token, 'member', 'consoleMe')).body.ok).toBe(true);
    expect(await t.call('member', 'consoleRevoke', { key: mine?.key }, DISTRICT)).toEqual({ ok: true, data: { revoked: true } });
    expect((await consoleCall(t, token, 'member', 'consoleMe')).body).toEqual(INVALID_SESSION);
    expect((await consoleCall(t, token, 'member', 'adminListApplications', {})).body).toEqual(INVALID_SESSION);
  });

  it('ends after 30 idle minutes, is renewed by use, and ends after 8 hours however active', async () => {
    const token = await signInConsole(t, DISTRICT);
    for (const minutes of [20, 40, 60, 80]) {
      await moveClock(minutes * 60_000);
      expect((await consoleCall(t, token, 'member', 'consoleMe')).body.ok).toBe(true);
    }
    await moveClock(112 * 60_000); // 32 minutes after the last call
    expect((await consoleCall(t, token, 'member', 'consoleMe')).body).toEqual(INVALID_SESSION);

    await moveClock(0);
    const busy = await signInConsole(t, DISTRICT);
    for (let minutes = 25; minutes < 8 * 60; minutes += 25) {
      await moveClock(minutes * 60_000);
      expect((await consoleCall(t, busy, 'member', 'consoleMe')).body.ok).toBe(true);
    }
    await moveClock(8 * 60 * 60_000 + 1000);
    expect((await consoleCall(t, busy, 'member', 'consoleMe')).body).toEqual(INVALID_SESSION);
  });

  it("reaches only the admin's own subtree", async () => {
    const token = await signInConsole(t, DISTRICT);
    const outside = await consoleCall(t, token, 'member', 'adminListAdmins', { unionId: 'nb-hs' });
    expect(outside.body).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    const inside = await consoleCall(t, token, 'member', 'adminListAdmins', { unionId: 'nb-bl-xq' });
    expect(inside.body.ok).toBe(true);
  });

  it('cannot confirm another sign-in, list sessions or act as a member', async () => {
    const token = await signInConsole(t, DISTRICT);
    const other = await requestTicket(t);
    const NOT_ALLOWED = { ok: false, error: { code: 'CONSOLE_NOT_ALLOWED', message: '工作台不能执行此操作，请在小程序中操作' } };
    expect((await consoleCall(t, token, 'member', 'consoleConfirm', { ticket: other.ticket, decision: 'confirm' })).body).toEqual(
      NOT_ALLOWED,
    );
    expect((await consoleCall(t, token, 'member', 'consoleSessions')).body).toEqual(NOT_ALLOWED);
    expect((await consoleCall(t, token, 'member', 'cardToken')).body).toEqual(NOT_ALLOWED);
    expect(await ticketStatus(other.ticket)).toBe('pending');
  });

  it('signs out: the token stops working', async () => {
    const token = await signInConsole(t, DISTRICT);
    expect((await consoleCall(t, token, 'member', 'consoleSignOut')).body).toEqual({ ok: true, data: { signedOut: true } });
    expect((await consoleCall(t, token, 'member', 'consoleMe')).body).toEqual(INVALID_SESSION);
  });
});

describe('identity on the console route', () => {
  it('refuses a forged Bearer, malformed or well-formed', async () => {
    const malformed = await consoleCall(t, null, 'member', 'adminListApplications', {}, { authorization: 'Bearer not-a-token' });
    expect(malformed.status).toBe(401);
    expect(malformed.body).toEqual(INVALID_SESSION);
    const forged = await consoleCall(t, 'a'.repeat(32), 'member', 'adminListApplications', {});
    expect(forged.body).toEqual(INVALID_SESSION);
    // The session id itself (what a database reader could see) is not a token.
    const token = await signInConsole(t, DISTRICT);
    expect((await consoleCall(t, sessionIdOf(token), 'member', 'consoleMe')).body).toEqual(INVALID_SESSION);
  });

  it('ignores persona headers and identity in the body', async () => {
    const asPersona = await consoleCall(
      t,
      null,
      'member',
      'adminListApplications',
      {},
      { 'x-local-persona': 'city_admin', 'x-local-openid': 'o_local_admin_city' },
    );
    expect(asPersona.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const inBody = await consoleCall(t, null, 'member', 'adminListApplications', { openid: 'o_local_admin_city' });
    expect(inBody.body.ok).toBe(false);
  });
});
