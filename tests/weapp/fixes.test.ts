/**
 * Bugs the weapp harness found, one test each (each fails on the code before its fix).
 */
import { weappSuite } from './harness/suite';

const suite = weappSuite();

it('an article published from an editor opened as the first page lands on the list (WeChat refuses navigateBack there)', async () => {
  suite.mp.as('district_admin');
  const edit = await suite.mp.open('/packages/admin/content/edit/index?kind=article');
  expect(suite.mp.stack).toHaveLength(1);
  await edit.input(edit.get('.ca-field', '标题').querySelector('wx-input')!, '北仑职工书法展开幕');
  await edit.input('.ca-textarea', '<p>展期一周，欢迎参观。</p>');
  await edit.tap('.ca-btn', '立即发布');
  (await suite.mp.asks.next('showModal')).answer({ confirm: true, cancel: false }); // 立即发布 asks first
  const list = await suite.mp.waitForRoute('packages/admin/content/list/index');
  expect(list.text()).toContain('北仑职工书法展开幕');
  expect(suite.mp.records.filter((r) => r.kind === 'navigateBack')).toEqual([]);
});
