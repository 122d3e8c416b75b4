/**
 * Bugs the weapp harness found, one test each (each fails on the code before its fix).
 */
import { givenLocalCloud, type TestCloud } from '../scenarios/cloud';
import { bootWeapp, type Weapp } from './harness/miniapp';

let cloud: TestCloud;
let mp: Weapp;

beforeAll(async () => {
  cloud = await givenLocalCloud();
  mp = await bootWeapp(cloud.cloud.appUrl);
});
afterAll(async () => {
  await mp?.close();
  await cloud?.close();
});
afterEach(() => {
  expect(mp.errors).toEqual([]);
  expect(mp.fake.unknown).toEqual([]);
});

it('an article published from an editor opened as the first page lands on the list (WeChat refuses navigateBack there)', async () => {
  mp.as('district_admin');
  const edit = await mp.open('/packages/admin/content/edit/index?kind=article');
  expect(mp.stack).toHaveLength(1);
  await edit.input(edit.get('.ca-field', '标题').querySelector('wx-input')!, '北仑职工书法展开幕');
  await edit.input('.ca-textarea', '<p>展期一周，欢迎参观。</p>');
  await edit.tap('.ca-btn', '立即发布');
  (await mp.asks.next('showModal')).answer({ confirm: true, cancel: false }); // 立即发布 asks first
  const list = await mp.waitForRoute('packages/admin/content/list/index');
  expect(list.text()).toContain('北仑职工书法展开幕');
  expect(mp.records.filter((r) => r.kind === 'navigateBack')).toEqual([]);
});
