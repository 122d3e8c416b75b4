/**
 * 工会工作台 e2e helpers: a 1280×800 desktop page on /console/, sign-in through the API (ticket →
 * the admin persona confirms as the phone would → poll) for tests about other pages, calls as a
 * persona, and screenshots of each console page under artefacts/console/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Result } from '../../shared/envelope';
import type { ConsolePollResult, ConsoleTicketResult } from '../../shared/member/console';
import type { RunningApp } from './harness';

export const SHOTS = join(__dirname, '../../artefacts/console');

export async function desktop(browser: Browser, app: Pick<RunningApp, 'url'>, token?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  if (token) {
    await context.addInitScript((t) => {
      if (!window.sessionStorage.getItem('ygh.console.session')) window.sessionStorage.setItem('ygh.console.session', t);
    }, token);
  }
  const page = await context.newPage();
  await page.goto(`${app.url}/console/`);
  return page;
}

async function post<T>(app: Pick<RunningApp, 'url'>, path: string, body: unknown, headers: Record<string, string>): Promise<Result<T>> {
  const res = await fetch(app.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Result<T>;
}

/** Call a function as a persona (the phone) or with an explicit openid. */
export async function callAs<T>(
  app: Pick<RunningApp, 'url'>,
  who: { persona: string } | { openid: string },
  fn: string,
  action: string,
  data: unknown = {},
): Promise<Result<T>> {
  const headers: Record<string, string> = 'persona' in who ? { 'x-local-persona': who.persona } : { 'x-local-openid': who.openid };
  return post<T>(app, `/api/functions/${fn}`, { action, data }, headers);
}

function must<T>(res: Result<T>, what: string): T {
  if (!res.ok) throw new Error(`${what}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** A console session for `persona`, the way the QR flow makes one (for tests about other pages). */
export async function sessionFor(app: Pick<RunningApp, 'url'>, persona: string): Promise<string> {
  const ticket = must(
    await post<ConsoleTicketResult>(
      app,
      '/api/console/functions/member',
      { action: 'consoleTicket', data: { device: 'Chromium e2e · Linux' } },
      {},
    ),
    'ticket',
  );
  must(await callAs(app, { persona }, 'member', 'consoleConfirm', { ticket: ticket.ticket, decision: 'confirm' }), 'confirm');
  const polled = must(
    await post<ConsolePollResult>(
      app,
      '/api/console/functions/member',
      { action: 'consolePoll', data: { ticket: ticket.ticket, pollKey: ticket.pollKey } },
      {},
    ),
    'poll',
  );
  if (polled.status !== 'signedIn') throw new Error(`poll: ${polled.status}`);
  return polled.token;
}

export async function consoleShot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}
