import { launchBrowser, openPhone, startApp } from '/work/main/tests/e2e/harness';
it('probe', async () => {
  const app = await startApp();
  const browser = await launchBrowser();
  const page = await openPhone(browser, `${app.url}/#/packages/admin/recuperation/applicants/index`);
  await page.evaluate(() => window.localStorage.setItem('localPersona', 'district_admin'));
  await page.reload();
  await page.locator('.rc-applicant').first().waitFor();
  const info = await page.evaluate(() => {
    const b = Array.from(document.querySelectorAll('.rc-btn')).slice(0, 2);
    return b.map((x) => { const cs = getComputedStyle(x); return { html: x.outerHTML.slice(0, 300), color: cs.color, opacity: cs.opacity, bg: cs.backgroundImage, fs: cs.fontSize }; });
  });
  console.log(JSON.stringify(info, null, 1));
  await browser.close();
  await app.stop();
}, 60000);
