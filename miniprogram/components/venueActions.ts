/**
 * What VenueCard's two buttons do, without React (pure, so unit tests and the weapp harness can
 * check the exact arguments):
 *
 * - 查看位置: with a map position, WeChat's own map (`wx.openLocation`, GCJ-02 coordinates, the
 *   venue's name and address on the marker). Without one, the address is copied
 *   (`setClipboardData`) so the person can paste it into any map app. In the H5 demo (a plain
 *   browser) `openLocation` is not available, so the same position opens AMap's public marker page
 *   (uri.amap.com, no key needed, GCJ-02 like WeChat) in a new tab.
 * - 拨打电话: `makePhoneCall` (WeChat asks the person before dialling; H5 follows a `tel:` link).
 */
import type { VenueInfo } from '../../shared/venue/schemas';

export type LocationAction =
  { kind: 'map'; latitude: number; longitude: number; name: string; address: string; scale: number } | { kind: 'copy'; data: string };

/** The map zoom WeChat opens at: street level, the venue's neighbourhood readable. */
export const MAP_SCALE = 17;

export function locationAction(v: Pick<VenueInfo, 'name' | 'address' | 'location'>): LocationAction {
  if (v.location)
    return { kind: 'map', latitude: v.location.lat, longitude: v.location.lng, name: v.name, address: v.address, scale: MAP_SCALE };
  return { kind: 'copy', data: v.address };
}

/** AMap's public marker page for a browser (H5): `position` is "lng,lat". */
export function webMapUrl(a: Extract<LocationAction, { kind: 'map' }>): string {
  const q = [
    `position=${a.longitude},${a.latitude}`,
    `name=${encodeURIComponent(a.name)}`,
    'coordinate=gaode',
    'callnative=0',
    'src=yonggonghui',
  ];
  return `https://uri.amap.com/marker?${q.join('&')}`;
}

/** Digits only for the dialler ("0574-8768 1234" → "057487681234"). */
export function dialNumber(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}
