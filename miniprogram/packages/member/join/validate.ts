/**
 * Instant checks for the join and claim forms, with the same rules and Chinese wording as the
 * server (which checks everything again): name and phone patterns, ID number checksum and
 * birth date (shared/member/idNumber.ts).
 */
import { checkIdNumber, ID_NUMBER_PROBLEMS } from '../../../../shared/member/idNumber';
import { PHONE_PATTERN, REAL_NAME_PATTERN, normalizeName } from '../../../../shared/member/mask';
import { formatBusiness } from '../../../../shared/time';

const nameRe = new RegExp(REAL_NAME_PATTERN);
const phoneRe = new RegExp(PHONE_PATTERN);

export function realNameProblem(value: string): string | null {
  const name = normalizeName(value);
  if (!name) return '请填写姓名';
  return nameRe.test(name) ? null : '请填写身份证上的姓名（汉字或字母）';
}

export function idNumberProblem(value: string): string | null {
  if (!value.trim()) return '请填写身份证号';
  const check = checkIdNumber(value, formatBusiness(Date.now(), 'YYYY-MM-DD'));
  return check.valid ? null : ID_NUMBER_PROBLEMS[check.problem];
}

export function phoneProblem(value: string): string | null {
  const phone = value.replace(/[\s-]/g, '');
  if (!phone) return '请填写手机号';
  return phoneRe.test(phone) ? null : '手机号格式不正确';
}

export function employerProblem(value: string): string | null {
  const v = value.trim();
  if (v.length < 2) return '请填写工作单位全称';
  return v.length > 100 ? '工作单位最多 100 个字' : null;
}
