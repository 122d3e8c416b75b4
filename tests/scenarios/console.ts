/**
 * 工会工作台 scenarios: the console's transport (POST /api/console/functions/:name with an
 * optional Bearer token, no persona header) and a whole scan-to-sign-in done through it and an
 * admin persona playing the phone.
 */
import type { Result } from '../../shared/envelope';
import type { ConsolePollResult, ConsoleTicketResult } from '../../shared/member/console';
import type { As, TestCloud } from './cloud';

/** Call a function the way the console does: identity only from `token` (none: anonymous). */
export async function consoleCall<T = unknown>(
  t: TestCloud,
  token: string | null,
  fn: string,
  action: string,
  data: unknown = {},
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: Result<T> }> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await t.post(`/api/console/functions/${fn}`, JSON.stringify({ action, data }), headers);
  return { status: res.status, body: res.json as Result<T> };
}

export function unwrap<T>(res: Result<T>, what: string): T {
  if (!res.ok) throw new Error(`${what}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

export async function requestTicket(t: TestCloud, device = 'Chrome 131 · Windows'): Promise<ConsoleTicketResult> {
  return unwrap((await consoleCall<ConsoleTicketResult>(t, null, 'member', 'consoleTicket', { device })).body, 'consoleTicket');
}

export async function poll(t: TestCloud, ticket: ConsoleTicketResult): Promise<Result<ConsolePollResult>> {
  return (await consoleCall<ConsolePollResult>(t, null, 'member', 'consolePoll', { ticket: ticket.ticket, pollKey: ticket.pollKey })).body;
}

/** Ticket → the admin scans and confirms on the phone → the console's poll collects its token. */
export async function signInConsole(t: TestCloud, admin: As): Promise<string> {
  const ticket = await requestTicket(t);
  unwrap(await t.call('member', 'consoleScan', { ticket: ticket.ticket }, admin), 'consoleScan');
  unwrap(await t.call('member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }, admin), 'consoleConfirm');
  const polled = unwrap(await poll(t, ticket), 'consolePoll');
  if (polled.status !== 'signedIn') throw new Error(`consolePoll: ${polled.status}`);
  return polled.token;
}
