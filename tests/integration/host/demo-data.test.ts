import { demoDataNotice, SEED_VERSION } from '../../../scripts/local-cloud/demo/seed';
import { C } from '../../../cloudfunctions/_lib/collections';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';

// `npm start` on an old data folder says why the demo no longer matches the README.
let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

const marker = () => t.db.collection(C.meta).doc('seed');

it('says nothing about fresh demo data, and tells how to refresh old or outdated data', async () => {
  const now = t.cloud.clock.now();
  expect(await demoDataNotice(t.cloud.dbUrl, now)).toBeNull();

  await marker().update({ seededAt: new Date(now - 10 * 86_400_000) });
  expect(await demoDataNotice(t.cloud.dbUrl, now)).toMatch(/演示数据写入于 10 天前.*npm run reset/);

  await marker().update({ version: SEED_VERSION - 1, seededAt: new Date(now) });
  expect(await demoDataNotice(t.cloud.dbUrl, now)).toMatch(new RegExp(`旧版演示数据（v${SEED_VERSION - 1}）.*npm run reset`));
});

it('says nothing for a folder it did not seed', async () => {
  await marker().remove();
  expect(await demoDataNotice(t.cloud.dbUrl, t.cloud.clock.now())).toBeNull();
});
