import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalCloud } from '/work/wt/console/scripts/local-cloud';
import { sessionFor } from '/work/wt/console/tests/e2e/console';

(async () => {
  process.env.LOG_LEVEL = 'error';
  const cloud = await startLocalCloud({ dataDir: mkdtempSync(join(tmpdir(), 'cs-')), port: 0, dbPort: 0, staticDir: null, runTimers: false });
  const app = { url: cloud.appUrl };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(app.url + '/console/');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/cs-login.png' });
  const token = await sessionFor(app, 'district_admin');
  await page.evaluate((t) => sessionStorage.setItem('ygh.console.session', t), token);
  await page.reload();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/cs-overview.png' });
  for (const r of ['review', 'members', 'publish']) {
    await page.goto(app.url + '/console/#/' + r);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/cs-${r}.png` });
  }
  await browser.close();
  await cloud.close();
})();
