/**
 * 工会工作台 on CloudBase (docs/console.md, production path) and ticket hygiene:
 * - with the environment's custom-login key (a throwaway RSA key made here), the poll that
 *   collects a session also hands out a CloudBase custom-login ticket for the session id, which
 *   verifies the way CloudBase checks it (RS256 over the JWT with the key's public half, the
 *   environment, the uid); without a key none is issued and the Bearer route works as before;
 * - consoleTicket is rate-limited per anonymous user and per IP, atomically (a burst cannot
 *   overshoot), and a refused call writes nothing;
 * - the member timer purges spent tickets, ended sessions and ended limit windows, and nothing
 *   still in use.
 */
import { createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { C } from '../../../cloudfunctions/_lib/collections';
import { sessionIdOf, sha256Hex } from '../../../cloudfunctions/_lib/consoleSession';
import { TICKET_LIMITS } from '../../../cloudfunctions/member/lib/consoleTicketLimit';
import type { Result } from '../../../shared/envelope';
import type { ConsoleMeResult, ConsolePollResult, ConsoleTicketResult } from '../../../shared/member/console';
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import { consoleCall, poll, requestTicket, unwrap } from '../../scenarios/console';

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

const DISTRICT: As = { persona: 'district_admin' };
const RATE_LIMITED = { ok: false, error: { code: 'RATE_LIMITED', message: '获取登录二维码太频繁，请 10 分钟后再试' } };
type SignedIn = Extract<ConsolePollResult, { status: 'signedIn' }>;

function throwawayKey(envId: string): { json: string; publicKey: KeyObject; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = 'b2f4c8d0-1a3e-4c5f-9e7d-6a5b4c3d2e1f';
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return {
    json: JSON.stringify({ private_key_id: keyId, private_key: pem, env_id: envId }),
    publicKey: createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })),
    keyId,
  };
}

function b64url(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** What CloudBase checks of a custom-login ticket: key id, RS256 signature, then the claims. */
function openTicket(
  ticket: string,
  publicKey: KeyObject,
): { keyId: string; header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [keyId, jwt] = ticket.split('/@@/');
  const [h, p, sig] = jwt.split('.');
  if (!verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, b64url(sig))) throw new Error('signature does not verify');
  return { keyId, header: JSON.parse(b64url(h).toString('utf8')), claims: JSON.parse(b64url(p).toString('utf8')) };
}

async function confirmedTicket(): Promise<ConsoleTicketResult> {
  const ticket = await requestTicket(t);
  unwrap(await t.call('member', 'consoleScan', { ticket: ticket.ticket }, DISTRICT), 'scan');
  unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, DISTRICT), 'confirm');
  return ticket;
}

async function count(collection: string): Promise<number> {
  return (await t.db.collection(collection).count()).total ?? 0;
}

async function clearLimits(): Promise<void> {
  await t.db
    .collection(C.consoleTicketLimits)
    .where({ count: t.db.command.gte(0) })
    .remove();
}

describe('custom-login ticket (production path step 3)', () => {
  afterEach(async () => {
    await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: undefined });
  });

  it('without a key no login ticket is issued and the Bearer route signs in as before', async () => {
    const signed = unwrap(await poll(t, await confirmedTicket()), 'poll') as SignedIn;
    expect(signed.status).toBe('signedIn');
    expect(signed.loginTicket).toBeUndefined();
    expect(unwrap((await consoleCall<ConsoleMeResult>(t, signed.token, 'member', 'consoleMe')).body, 'me').unions).toEqual([
      { id: 'nb-bl', name: '北仑区总工会' },
    ]);
  });

  it('with the environment key, the login ticket is an RS256 JWT for the session id that verifies with the public key', async () => {
    const key = throwawayKey('local');
    await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: key.json });
    const before = Date.now();
    const signed = unwrap(await poll(t, await confirmedTicket()), 'poll') as SignedIn;
    expect(typeof signed.loginTicket).toBe('string');
    const opened = openTicket(signed.loginTicket!, key.publicKey);
    expect(opened.keyId).toBe(key.keyId);
    expect(opened.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    // The uid CloudBase signs the console in as is the session id the router resolves.
    expect(opened.claims).toMatchObject({ env: 'local', uid: sessionIdOf(signed.token), alg: 'RS256' });
    const iat = opened.claims.iat as number;
    expect(iat).toBeGreaterThanOrEqual(before - 1000);
    expect(opened.claims.exp).toBe(iat + 10 * 60 * 1000);
    // CloudBase's login state ends with the session's 8-hour limit, not the SDK's default 7 days.
    expect(Math.abs((opened.claims.expire as number) - (iat + 8 * 60 * 60 * 1000))).toBeLessThan(5000);
    // Another key's public half does not verify it, nor does a changed claim.
    expect(() => openTicket(signed.loginTicket!, throwawayKey('local').publicKey)).toThrow('signature does not verify');
    const [id, jwt] = signed.loginTicket!.split('/@@/');
    const [h, , s] = jwt.split('.');
    const forged = Buffer.from(JSON.stringify({ ...opened.claims, uid: 'someone-else' })).toString('base64url');
    expect(() => openTicket(`${id}/@@/${h}.${forged}.${s}`, key.publicKey)).toThrow('signature does not verify');
    // The key never reaches the answer.
    expect(JSON.stringify(signed)).not.toContain('PRIVATE KEY');
  });

  it('a key of another environment is refused before anything is written; once fixed, the same ticket signs in', async () => {
    await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: throwawayKey('someone-elses-env').json });
    const ticket = await confirmedTicket();
    const sessionsBefore = await count(C.consoleSessions);
    const refused = await poll(t, ticket);
    expect(refused.ok).toBe(false);
    expect(await count(C.consoleSessions)).toBe(sessionsBefore);
    expect(((await t.db.collection(C.consoleTickets).doc(sha256Hex(ticket.ticket)).get()).data[0] as { status: string }).status).toBe(
      'confirmed',
    );

    const key = throwawayKey('local');
    await t.cloud.host.setEnvironment({ CONSOLE_LOGIN_KEY: key.json });
    const signed = unwrap(await poll(t, ticket), 'poll') as SignedIn;
    expect(openTicket(signed.loginTicket!, key.publicKey).claims.uid).toBe(sessionIdOf(signed.token));
  });
});

describe('consoleTicket rate limit', () => {
  beforeEach(clearLimits);

  it('a burst from one IP gets exactly the cap; the rest are RATE_LIMITED and write nothing; the next window opens again', async () => {
    const ticketsBefore = await count(C.consoleTickets);
    const burst = TICKET_LIMITS.perIp + 8;
    const answers = await Promise.all(
      Array.from(
        { length: burst },
        async () => (await consoleCall<ConsoleTicketResult>(t, null, 'member', 'consoleTicket', { device: 'Chrome · Windows' })).body,
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(TICKET_LIMITS.perIp);
    expect(answers.filter((a) => !a.ok)).toEqual(Array.from({ length: 8 }, () => RATE_LIMITED));
    expect(await count(C.consoleTickets)).toBe(ticketsBefore + TICKET_LIMITS.perIp);

    // One more: refused, and neither a ticket nor a count is written.
    const limitDocs = JSON.stringify((await t.db.collection(C.consoleTicketLimits).get()).data);
    expect((await consoleCall(t, null, 'member', 'consoleTicket', { device: 'Chrome · Windows' })).body).toEqual(RATE_LIMITED);
    expect(await count(C.consoleTickets)).toBe(ticketsBefore + TICKET_LIMITS.perIp);
    expect(JSON.stringify((await t.db.collection(C.consoleTicketLimits).get()).data)).toBe(limitDocs);
    // The IP is not stored, only its hash.
    expect(limitDocs).not.toContain('127.0.0.1');

    await t.post('/api/_local/clock', JSON.stringify({ offsetMs: TICKET_LIMITS.windowMs + 1000 }));
    expect((await consoleCall(t, null, 'member', 'consoleTicket', { device: 'Chrome · Windows' })).body.ok).toBe(true);
  }, 60_000);

  it('an anonymous CloudBase user is limited on its own; another user behind the same IP is not', async () => {
    const ask = async (uid: string) =>
      (
        await t.cloud.host.invoke(
          'member',
          { action: 'consoleTicket', data: { device: 'Chrome · Windows' } },
          { anonymousUid: uid, sourceIp: '203.0.113.7' },
        )
      ).result as Result<ConsoleTicketResult>;
    for (let i = 0; i < TICKET_LIMITS.perUser; i++) expect((await ask('anon-user-a')).ok).toBe(true);
    const ticketsBefore = await count(C.consoleTickets);
    const ipDoc = async () =>
      (
        await t.db
          .collection(C.consoleTicketLimits)
          .doc(`ip:${sha256Hex('203.0.113.7')}`)
          .get()
      ).data[0] as { count: number };
    const ipCount = (await ipDoc()).count;
    expect(await ask('anon-user-a')).toEqual(RATE_LIMITED);
    expect(await count(C.consoleTickets)).toBe(ticketsBefore);
    expect((await ipDoc()).count).toBe(ipCount);
    expect((await ask('anon-user-b')).ok).toBe(true);
  }, 60_000);
});

describe('purge (member timer finishDeletions)', () => {
  it('deletes spent and expired tickets, ended sessions and ended limit windows; a live session keeps working', async () => {
    await clearLimits();
    const liveToken = await (async () => {
      const signed = unwrap(await poll(t, await confirmedTicket()), 'poll') as SignedIn;
      return signed.token;
    })();
    const revoked = unwrap(await poll(t, await confirmedTicket()), 'poll') as SignedIn;
    unwrap((await consoleCall(t, revoked.token, 'member', 'consoleSignOut')).body, 'signOut');
    const open = await requestTicket(t);

    // 45 minutes later: every ticket above has expired past its claim window, the sessions not
    // used since are idle-expired (30 minutes), the limit window (10 minutes) has ended.
    await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 20 * 60 * 1000 }));
    unwrap((await consoleCall(t, liveToken, 'member', 'consoleMe')).body, 'me'); // renews the live one
    await t.post('/api/_local/clock', JSON.stringify({ offsetMs: 45 * 60 * 1000 }));
    const fresh = await requestTicket(t); // a ticket and a limit window of "now"

    const fired = await t.cloud.triggers.fireNow('member', 'finishDeletions');
    expect(fired?.result).toMatchObject({
      ok: true,
      data: { console: { sessions: expect.any(Number), tickets: expect.any(Number), limits: expect.any(Number) } },
    });

    const ticketIds = ((await t.db.collection(C.consoleTickets).limit(1000).get()).data as { _id: string }[]).map((d) => d._id);
    expect(ticketIds).toEqual([sha256Hex(fresh.ticket)]);
    expect(ticketIds).not.toContain(sha256Hex(open.ticket));
    const sessionIds = ((await t.db.collection(C.consoleSessions).limit(1000).get()).data as { _id: string }[]).map((d) => d._id);
    expect(sessionIds).toEqual([sessionIdOf(liveToken)]);
    const limitDocs = (await t.db.collection(C.consoleTicketLimits).get()).data as { expiresAt: Date }[];
    expect(limitDocs).toHaveLength(1);
    expect(new Date(limitDocs[0].expiresAt).getTime()).toBeGreaterThan(Date.now() + 45 * 60 * 1000);

    // Still signed in, and the fresh ticket can still be scanned.
    unwrap((await consoleCall(t, liveToken, 'member', 'consoleMe')).body, 'me');
    unwrap(await t.call('member', 'consoleScan', { ticket: fresh.ticket }, DISTRICT), 'scan');
  }, 60_000);
});
