/**
 * The activity editor's form ⇄ adminSave request (packages/admin/content/edit/form.ts): the
 * place's phone and map position survive opening and saving a post again (adminSave replaces the
 * whole activity, so a form without them would erase them), and full-width digits are accepted.
 */
import { formFromPost, toRequest } from '../../../miniprogram/packages/admin/content/edit/form';
import type { AdminPostView } from '../../../shared/content/views';

const post = {
  id: 'p1',
  kind: 'activity',
  status: 'published',
  statusLabel: '已发布',
  union: { id: 'nb-bl', name: '北仑区总工会' },
  title: '职工健步走',
  summary: '',
  cover: null,
  bodyHtml: '<p>欢迎参加</p>',
  body: [],
  activity: {
    startAt: '2099-05-01 09:00',
    endAt: null,
    place: '北仑区职工文化中心广场',
    location: { lat: 29.9031, lng: 121.8452 },
    phone: '0574-86783000',
    signupEnabled: false,
    capacity: null,
    deadline: null,
  },
  publishAt: null,
  publishedAt: null,
  withdrawnAt: null,
  version: 2,
  readCount: 0,
  signedUp: 0,
} as unknown as AdminPostView;

test('an opened activity is saved back with its phone and map position', () => {
  const req = toRequest(formFromPost(post, Date.now()));
  expect(req.activity).toMatchObject({
    place: '北仑区职工文化中心广场',
    location: { lat: 29.9031, lng: 121.8452 },
    phone: '0574-86783000',
  });
});

test('blank phone and position are left out; full-width input is read as digits', () => {
  const form = formFromPost(post, Date.now());
  expect(toRequest({ ...form, phone: '', lat: '', lng: '' }).activity).not.toHaveProperty('location');
  expect(toRequest({ ...form, phone: '', lat: '', lng: '' }).activity).not.toHaveProperty('phone');
  expect(toRequest({ ...form, phone: '０５７４-８６７８３０００', lat: '２９.９', lng: '１２１.８' }).activity).toMatchObject({
    phone: '0574-86783000',
    location: { lat: 29.9, lng: 121.8 },
  });
});
