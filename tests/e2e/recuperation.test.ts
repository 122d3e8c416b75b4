/**
 * In Chromium against the real server: 王建国 applies for the first batch and sees his priority
 * and rank; the district admin (whose scope covers his unit) approves him from the ranked list;
 * he then sees the batch approved and the reason for his place.
 */
import { actAs, openPhone, shot, useAppAndBrowser } from './harness';

const e2e = useAppAndBrowser();

it('a member applies, the unit admin approves, the member sees the batch and the reason for the place', async () => {
  const page = await openPhone(e2e.browser, `${e2e.app.url}/#/packages/recuperation/index/index`);
  await page.locator('.rc-batch__title', { hasText: '宁波工人疗养院 第一批次' }).click();
  await page.getByText('我的优先分').waitFor();
  await page.locator('.rc-score__total', { hasText: '55 分' }).waitFor();
  await shot(page, 'recuperation-batch');
  await page.getByText('申请参加本批次').click();

  await page.locator('.rc-reason', { hasText: '审核中' }).waitFor();
  await page.locator('.rc-reason', { hasText: '排第 2 位' }).waitFor();
  await shot(page, 'recuperation-pending');

  await actAs(page, e2e.app, 'district_admin', '/packages/admin/recuperation/applicants/index');
  await page.locator('.rc-chip', { hasText: '宁波北仑港务有限公司工会' }).click();
  const wang = page.locator('.rc-applicant', { hasText: '王*国' });
  await wang.waitFor();
  // Ranked: 赵*平 (85) first, 王*国 (55) second.
  await page.locator('.rc-applicant').first().getByText('赵*平').waitFor();
  await wang.locator('.rc-rank', { hasText: '2' }).waitFor();
  await shot(page, 'recuperation-ranked');
  await wang.getByText('批准', { exact: true }).click();
  await page.getByText('已批准').first().waitFor();
  await page.locator('.rc-applicant', { hasText: '王*国' }).waitFor({ state: 'detached' });
  await page.locator('.rc-stat__num').first().filter({ hasText: '1' }).waitFor();

  await actAs(page, e2e.app, 'member', '/packages/recuperation/mine/index');
  const mine = page.locator('.rc-application', { hasText: '宁波工人疗养院 第一批次' });
  await mine.locator('.rc-badge', { hasText: '已批准' }).waitFor();
  await mine.locator('.rc-reason', { hasText: '已获批' }).waitFor();
  await mine.locator('.rc-reason', { hasText: '长期从事有毒有害或高强度岗位 +40' }).waitFor();
  await shot(page, 'recuperation-approved');
});
