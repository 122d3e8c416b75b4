/**
 * Where a thing happens or is redeemed: a venue's name, address, opening hours, and optionally
 * its map position (GCJ-02, what WeChat's map and `wx.openLocation` use in China) and a public
 * phone number. One schema for every domain that has a place (drops, day-care sites,
 * recuperation venues, activities), so pages show all of them with one component.
 * A venue phone is a business's public number, not personal data.
 */

/** Map position. Bounds are mainland China's (a position outside is a typo, e.g. lat/lng swapped). */
export const geoPointSchema = {
  type: 'object',
  title: '地图位置',
  additionalProperties: false,
  required: ['lat', 'lng'],
  properties: {
    lat: { type: 'number', title: '纬度', minimum: 3, maximum: 54 },
    lng: { type: 'number', title: '经度', minimum: 73, maximum: 136 },
  },
} as const;

/** Mobile, landline (0574-87654321) or a 400 service number. */
export const VENUE_PHONE_PATTERN = '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|400-?\\d{3}-?\\d{4})$';
export const venuePhoneSchema = { type: 'string', title: '联系电话', pattern: VENUE_PHONE_PATTERN } as const;

/** Where and how to redeem a drop (set by the admin who publishes it). */
export const venueInputSchema = {
  type: 'object',
  title: '兑换地点',
  additionalProperties: false,
  required: ['name', 'address', 'hours'],
  properties: {
    name: { type: 'string', title: '兑换地点名称', minLength: 2, maxLength: 40 },
    address: { type: 'string', title: '兑换地址', minLength: 4, maxLength: 80 },
    hours: { type: 'string', title: '营业时间', minLength: 2, maxLength: 40 },
    location: geoPointSchema,
    phone: venuePhoneSchema,
  },
} as const;

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** A place as pages show it (components/VenueCard.tsx). */
export interface VenueInfo {
  name: string;
  address: string;
  /** Opening hours in words ("周一至周五 9:00–17:00"), or null when not given. */
  hours: string | null;
  location: GeoPoint | null;
  phone: string | null;
}

/** A venue from stored fields (trimmed; absent optional fields become null). */
export function venueInfo(v: {
  name: string;
  address: string;
  hours?: string | null;
  location?: GeoPoint | null;
  phone?: string | null;
}): VenueInfo {
  return {
    name: v.name.trim(),
    address: v.address.trim(),
    hours: v.hours?.trim() || null,
    location: v.location ? { lat: v.location.lat, lng: v.location.lng } : null,
    phone: v.phone || null,
  };
}
