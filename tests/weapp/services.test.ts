/**
 * Day-care, recuperation, activities and the admin chart in the weapp runtime against a seeded
 * local cloud, each as the people who use them:
 * - 李秀梅 adds a child and signs her up for a day-care slot;
 * - 王建国 applies for a recuperation batch, 周海燕 approves him from the ranked list, he sees it;
 * - 周海燕 publishes an activity, 王建国 (a follower) finds it in 活动 and signs up;
 * - the workbench's F2 chart mounts on the 2d canvas and its labels can be read back.
 */
import { weappSuite } from './harness/suite';

const suite = weappSuite();

it('a parent adds a child and signs her up for a day-care slot', async () => {
  suite.mp.as('parent');
  const children = await suite.mp.open('/packages/daycare/children/index');
  await children.waitFor('.child-card', '李小雨');
  await children.input('.field-name wx-input', '李小宇');
  await children.tap('.gender-male');
  await children.tap('.grade-2');
  await children.input('.field-school wx-input', '北仑区新碶小学');
  await children.input('.field-emergencyName wx-input', '李秀梅');
  await children.input('.field-emergencyPhone wx-input', '13805741202');
  await children.tap('.add-child-submit');
  await children.waitFor('.child-card', '李小宇');

  const campaigns = await suite.mp.open('/packages/daycare/index/index');
  const campaign = campaigns
    .all('.dc-campaign')
    .find((c) => /北仑区/.test(c.textContent ?? '') && /按优先档次摇号/.test(c.textContent ?? ''));
  expect(campaign).toBeDefined();
  const slot = [...campaign!.querySelectorAll('.dc-site')]
    .find((s) => s.textContent?.includes('新碶街道职工子女暑托班'))
    ?.querySelectorAll('.dc-slot-wrap');
  const first = [...(slot ?? [])].find((s) => s.textContent?.includes('第一期 · 一至三年级'));
  expect(first?.textContent).toContain('已报名 36');
  await campaigns.tap(first!.querySelector('.signup-btn')!);
  const option = await campaigns.waitFor('.dc-child-option', '李小宇');
  await campaigns.tap(option.querySelector('.choose-child')!);
  await suite.mp.idle();
  expect(suite.mp.toasts().at(-1)?.title).toBe('已报名');
  const registrations = suite.mp.current;
  expect(registrations.route).toBe('packages/daycare/mine/index');
  await registrations.settled();
  const mine = registrations.get('.registration', '李*宇');
  expect(mine.querySelector('.dc-reg__status')?.textContent).toContain('已报名');
  expect(mine.textContent).toContain('报名截止后按优先档次摇号');
  expect(suite.mp.results('daycare.signUp').at(-1)?.ok).toBe(true);
});

it('a member applies for a recuperation batch, the district admin approves, the member sees it', async () => {
  suite.mp.as('member');
  const list = await suite.mp.open('/packages/recuperation/index/index');
  await list.tap('.rc-batch__title', '宁波工人疗养院 第一批次');
  await suite.mp.idle();
  const batch = suite.mp.current;
  expect(batch.route).toBe('packages/recuperation/batch/index');
  await batch.settled();
  await batch.waitFor('.rc-score__total', '55 分');
  await batch.tap('wx-button', '申请参加本批次');
  await suite.mp.idle();
  const applied = suite.mp.current;
  expect(applied.route).toBe('packages/recuperation/mine/index');
  expect(suite.mp.stack).toHaveLength(2); // redirectTo replaced the batch page
  await applied.settled();
  await applied.waitFor('.rc-reason', '审核中');
  await applied.waitFor('.rc-reason', '排第 2 位');

  suite.mp.as('district_admin');
  const applicants = await suite.mp.open('/packages/admin/recuperation/applicants/index');
  await applicants.tap('.rc-chip', '宁波北仑港务有限公司工会');
  const wang = await applicants.waitFor('.rc-applicant', '王*国');
  expect(applicants.all('.rc-applicant')[0].textContent).toContain('赵*平');
  const approve = [...wang.querySelectorAll('wx-button')].find((b) => b.textContent?.trim() === '批准');
  await applicants.tap(approve!);
  await applicants.waitForText('已批准');
  await suite.mp.idle();
  expect(applicants.find('.rc-applicant', '王*国')).toBeNull();

  suite.mp.as('member');
  const mine = await suite.mp.open('/packages/recuperation/mine/index');
  const application = mine.get('.rc-application', '宁波工人疗养院 第一批次');
  expect(application.querySelector('.rc-badge')?.textContent).toContain('已批准');
  expect(application.textContent).toContain('长期从事有毒有害或高强度岗位 +40');
});

it('the district admin publishes an activity; a follower finds it in 活动 and signs up', async () => {
  const title = '北仑区职工羽毛球友谊赛';
  suite.mp.as('district_admin');
  await suite.mp.open('/packages/admin/content/list/index');
  await suite.mp.navigate('navigateTo', '/packages/admin/content/edit/index?kind=activity'); // 发布活动 on the list
  const edit = suite.mp.current;
  await edit.settled();
  await edit.input(edit.get('.ca-field', '标题').querySelector('wx-input')!, title);
  await edit.input('.ca-textarea', '<p>欢迎职工朋友报名参赛。</p><p onclick="x()">比赛设男子、女子和混合双打。</p>');
  await edit.input(edit.get('.ca-field', '活动地点').querySelector('wx-input')!, '北仑区体育馆');
  await edit.tap('.ca-btn', '立即发布');
  (await suite.mp.asks.next('showModal')).answer({ confirm: true, cancel: false }); // 立即发布 asks first
  await suite.mp.idle();
  expect(suite.mp.toasts().at(-1)?.title).toBe('发布成功');
  const list = await suite.mp.waitForRoute('packages/admin/content/list/index'); // back to the list
  expect(list.text()).toContain(title);
  expect(suite.mp.results('content.adminPublish').at(-1)?.ok ?? suite.mp.results('content.adminSave').at(-1)?.ok).toBe(true);

  suite.mp.as('member');
  const feed = await suite.mp.open('/pages/activities/index');
  const card = await feed.waitFor('.post-card', title);
  expect(card.textContent).toContain('报名中 · 余50');
  await feed.tap(card);
  await suite.mp.idle();
  const post = suite.mp.current;
  expect(post.route).toBe('packages/content/post/index');
  await post.settled();
  await post.waitFor('.ct-title', title);
  const body = post.richText(post.get('.ct-body'));
  expect(body.text).toContain('比赛设男子、女子和混合双打。');
  expect(body.attributes.filter((a) => a.startsWith('on'))).toEqual([]); // the handler was dropped by the sanitiser
  await post.tap('wx-button', '立即报名');
  await post.waitFor('.ct-state', '已报名');
  await post.waitForText('已报 1 / 50 人');

  const signups = await suite.mp.open('/packages/content/mine/index');
  expect(signups.get('.my-signup', title).textContent).toContain('已报名');
});

it('the workbench chart mounts: F2 draws on the 2d canvas and its labels read back', async () => {
  suite.mp.as('district_admin');
  const dash = await suite.mp.open('/packages/admin/dashboard/index');
  await dash.waitFor('.chart__unit', '单位：个 / 人');
  const deadline = performance.now() + 10_000;
  while ([...suite.mp.canvases.values()].every((c) => c.texts.length === 0) && performance.now() < deadline) await suite.mp.idle();
  const canvases = [...suite.mp.canvases.values()];
  expect(canvases.length).toBeGreaterThan(0);
  const drawn = canvases.flatMap((c) => c.texts.map((t) => t.text));
  // The overview bars of the admin's own subtree (工会组织, 在册会员) with a whole-number value axis, on a 2× backing store of the measured width.
  expect(drawn).toEqual(expect.arrayContaining(['工会组织', '在册会员', '0']));
  expect(canvases[0].width).toBe(2 * 343);
});
