/**
 * 兑换地点 on 发布福利: the form's text fields → the request's `venue` (pure, unit-tested).
 * All blank: no venue (流量/话费 arrive on the phone). Otherwise name, address and hours are
 * needed; the map position is optional but both numbers or neither. The server checks again
 * (schema + trimmed lengths); this only says it sooner, in words.
 */
import type { AdminCreateRequest } from '../../../../../shared/benefit/schemas';
import { VENUE_PHONE_PATTERN } from '../../../../../shared/venue/schemas';
import { toHalfWidth } from '../../../../../shared/text';

export interface VenueForm {
  name: string;
  address: string;
  hours: string;
  phone: string;
  lat: string;
  lng: string;
}

export const EMPTY_VENUE_FORM: VenueForm = { name: '', address: '', hours: '', phone: '', lat: '', lng: '' };

export type VenueFromForm = { ok: true; venue: AdminCreateRequest['venue'] } | { ok: false; problem: string };

export function venueFromForm(f: VenueForm): VenueFromForm {
  const t = (s: string) => toHalfWidth(s).trim();
  const [name, address, hours, phone, lat, lng] = [t(f.name), t(f.address), t(f.hours), t(f.phone).replace(/\s/g, ''), t(f.lat), t(f.lng)];
  if (!name && !address && !hours && !phone && !lat && !lng) return { ok: true, venue: undefined };
  if (name.length < 2) return { ok: false, problem: '请填写兑换地点名称（至少 2 个字）' };
  if (address.length < 4) return { ok: false, problem: '请填写兑换地址（至少 4 个字）' };
  if (hours.length < 2) return { ok: false, problem: '请填写营业时间，如：周一至周日 9:00–21:00' };
  if (phone && !new RegExp(VENUE_PHONE_PATTERN).test(phone))
    return { ok: false, problem: '联系电话格式不对，如：0574-86881234 或 13800000000' };
  if (!!lat !== !!lng) return { ok: false, problem: '地图位置需要同时填写纬度和经度，或都不填' };
  let location: { lat: number; lng: number } | undefined;
  if (lat) {
    const la = Number(lat);
    const ln = Number(lng);
    if (!Number.isFinite(la) || !Number.isFinite(ln) || la < 3 || la > 54 || ln < 73 || ln > 136) {
      return { ok: false, problem: '纬度、经度不在中国境内，请检查（宁波约为 纬度 29.8，经度 121.5）' };
    }
    location = { lat: la, lng: ln };
  }
  return { ok: true, venue: { name, address, hours, ...(phone ? { phone } : {}), ...(location ? { location } : {}) } };
}
