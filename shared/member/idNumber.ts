/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd = male), 1 check character (0-9 or X) computed with ISO 7064 MOD 11-2.
 * Pure: runs in the mini-program (instant feedback on the form) and in the functions (the
 * authority). The plain number must never be stored or logged; see cloudfunctions/_lib/personal.ts.
 */
import { toHalfWidth } from '../text';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'region' | 'birthDate' | 'checksum';

export type IdNumberCheck = { valid: true; normalized: string; birthDate: string } | { valid: false; problem: IdNumberProblem };

/** Chinese message per problem, for the form and for import row errors. */
export const ID_NUMBER_PROBLEMS: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，最后一位可以是数字或 X',
  region: '身份证号中的地区代码不正确',
  birthDate: '身份证号中的出生日期不正确',
  checksum: '身份证号校验位不正确，请核对',
};

/**
 * Trim, drop inner spaces, turn full-width digits/X into ASCII and upper-case the x, so that
 * "３３０２…x" and "3302…X" hash to the same value (one person, one hash).
 */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits. */
export function checkCharFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * The first two digits: a province-level region of GB/T 2260 (11 北京 … 65 新疆, 71 台湾,
 * 81 香港, 82 澳门; 83 on Taiwan residents' residence permits). Anything else (99, 00, 19…)
 * is no region at all.
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);

/**
 * A region code that can exist: its province is a real one. (A whole-province code such as
 * 810000 is real too: the residence permits of Hong Kong, Macao and Taiwan residents carry one.)
 */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCES.has(Number(code.slice(0, 2)));
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Validate an 18-digit ID number. `today` ("YYYY-MM-DD", business zone) rejects birth dates in
 * the future; births before 1900 are rejected as well (no living worker has one).
 */
export function checkIdNumber(raw: string, today?: string): IdNumberCheck {
  const id = normalizeIdNumber(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return { valid: false, problem: 'format' };
  if (!isRegionCode(id.slice(0, 6))) return { valid: false, problem: 'region' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (year < 1900 || !isRealDate(year, month, day) || (today !== undefined && birthDate > today)) {
    return { valid: false, problem: 'birthDate' };
  }
  if (checkCharFor(id.slice(0, 17)) !== id[17]) return { valid: false, problem: 'checksum' };
  return { valid: true, normalized: id, birthDate };
}

/** Build a checksum-valid number from 17 digits (tests and demo seeds use made-up numbers). */
export function withCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('need 17 digits');
  return first17 + checkCharFor(first17);
}
