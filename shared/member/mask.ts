/**
 * Masked forms shown on cards, lists and verification screens. Only these (never the plain
 * values) are stored for members; see docs/membership.md.
 */

/** "王建国" → "王*国", "陈晓" → "陈*", "欧阳建国" → "欧**国". Counts characters, not UTF-16 units. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** "330206199001011234" → "3302**********1234" (region prefix and last four stay). */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** "13812345678" → "138****5678". */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const PHONE_PATTERN = '^1[3-9]\\d{9}$';
/** Chinese names (with the middle dot of minority names) or Latin names with spaces. */
export const REAL_NAME_PATTERN = '^[\\u4e00-\\u9fa5\\u3400-\\u4dbf·•A-Za-z][\\u4e00-\\u9fa5\\u3400-\\u4dbf·• A-Za-z]{0,29}$';

/** Collapse spaces and unify the middle dot, so the same name always hashes the same. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').replace(/[•・]/g, '·');
}
