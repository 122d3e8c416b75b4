/**
 * VenueCard's actions (miniprogram/components/venueActions.ts) and 发布福利's 兑换地点 form
 * (packages/admin/benefit/create/venueForm.ts): what the map, the clipboard and the dialler are
 * given, and which inputs are refused before the server is asked.
 */
import { dialNumber, locationAction, MAP_SCALE, webMapUrl } from '../../../miniprogram/components/venueActions';
import { EMPTY_VENUE_FORM, venueFromForm } from '../../../miniprogram/packages/admin/benefit/create/venueForm';
import { escapeRegExp } from '../../../shared/text';

const venue = { name: '宁波鄞州万达影城', address: '鄞州区四明中路 999 号', location: { lat: 29.8196, lng: 121.5589 } };

test('with a position the map opens at it with name and address; without, the address is copied', () => {
  expect(locationAction(venue)).toEqual({
    kind: 'map',
    latitude: 29.8196,
    longitude: 121.5589,
    name: venue.name,
    address: venue.address,
    scale: MAP_SCALE,
  });
  expect(locationAction({ ...venue, location: null })).toEqual({ kind: 'copy', data: '鄞州区四明中路 999 号' });
});

test('the browser map link puts longitude first and encodes the name', () => {
  const a = locationAction(venue);
  if (a.kind !== 'map') throw new Error('expected a map action');
  const url = new URL(webMapUrl(a));
  expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker');
  expect(url.searchParams.get('position')).toBe('121.5589,29.8196');
  expect(url.searchParams.get('name')).toBe('宁波鄞州万达影城');
  expect(url.searchParams.get('coordinate')).toBe('gaode');
});

test('the dialler gets digits only', () => {
  expect(dialNumber('0574-8826 3366')).toBe('057488263366');
  expect(dialNumber('13800000000')).toBe('13800000000');
});

test('a blank venue form means no venue; a partly filled one says what is missing', () => {
  expect(venueFromForm(EMPTY_VENUE_FORM)).toEqual({ ok: true, venue: undefined });
  expect(venueFromForm({ ...EMPTY_VENUE_FORM, name: '职工服务中心' })).toEqual({ ok: false, problem: expect.stringMatching(/兑换地址/) });
  expect(venueFromForm({ ...EMPTY_VENUE_FORM, name: '职工服务中心', address: '北仑区明州路 600 号' })).toEqual({
    ok: false,
    problem: expect.stringMatching(/营业时间/),
  });
  const full = { name: ' 职工服务中心 ', address: '北仑区明州路 600 号', hours: '9:00–17:00', phone: '', lat: '', lng: '' };
  expect(venueFromForm(full)).toEqual({ ok: true, venue: { name: '职工服务中心', address: '北仑区明州路 600 号', hours: '9:00–17:00' } });
});

test('the phone and the position are checked; full-width digits from a Chinese keyboard are accepted', () => {
  const base = { name: '职工服务中心', address: '北仑区明州路 600 号', hours: '9:00–17:00', phone: '', lat: '', lng: '' };
  expect(venueFromForm({ ...base, phone: '110' })).toEqual({ ok: false, problem: expect.stringMatching(/电话/) });
  expect(venueFromForm({ ...base, lat: '29.9' })).toEqual({ ok: false, problem: expect.stringMatching(/同时填写/) });
  expect(venueFromForm({ ...base, lat: '121.84', lng: '29.90' })).toEqual({ ok: false, problem: expect.stringMatching(/不在中国境内/) });
  expect(venueFromForm({ ...base, phone: '０５７４-８６８８１２３４', lat: '29.9003', lng: '121.8447' })).toEqual({
    ok: true,
    venue: {
      name: '职工服务中心',
      address: '北仑区明州路 600 号',
      hours: '9:00–17:00',
      phone: '0574-86881234',
      location: { lat: 29.9003, lng: 121.8447 },
    },
  });
});

test('escapeRegExp makes every pattern character literal', () => {
  const hostile = '.*+?^${}()|[]\\';
  expect(new RegExp(escapeRegExp(hostile)).test(`x${hostile}y`)).toBe(true);
  expect(new RegExp(escapeRegExp('会.费')).test('会(费')).toBe(false);
});
