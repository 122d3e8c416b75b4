import { fail, isResult, ok } from '../../shared/envelope';
import { ERROR_MESSAGES, isErrorCode } from '../../shared/errors';
import * as systemValidators from '../../shared/generated/validators/system';
import { validate } from '../../shared/validation/validate';

describe('envelope and error table', () => {
  it('fail() uses the table message unless a specific one is given', () => {
    expect(fail('DROP_SOLD_OUT')).toEqual({ ok: false, error: { code: 'DROP_SOLD_OUT', message: '福利已抢完' } });
    expect(fail('DROP_SOLD_OUT', '本次共 500 份，已于 10:00:07 领完').error.message).toBe('本次共 500 份，已于 10:00:07 领完');
  });

  it('recognises envelopes', () => {
    expect(isResult(ok(1))).toBe(true);
    expect(isResult(fail('INTERNAL'))).toBe(true);
    expect(isResult({ ok: false })).toBe(false);
    expect(isResult({ code: -1 })).toBe(false);
    expect(isResult(undefined)).toBe(false);
  });

  it('every code has a Chinese message', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(isErrorCode(code)).toBe(true);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(isErrorCode('NOPE')).toBe(false);
  });
});

describe('pre-compiled validators', () => {
  it('accepts a valid request', () => {
    expect(validate(systemValidators, 'system.homeSummary', {})).toEqual({ ok: true, data: {} });
  });

  it('rejects unknown fields and wrong types with a Chinese message', () => {
    const extra = validate(systemValidators, 'system.homeSummary', { openid: 'forged' });
    expect(extra.ok).toBe(false);
    if (!extra.ok) {
      expect(extra.error.code).toBe('INVALID_ARGUMENT');
      expect(extra.error.message).toContain('不支持的字段 openid');
    }
    const wrongType = validate(systemValidators, 'system.serverTime', 'hello');
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.error.message).toBe('请求类型不正确');
  });

  it('the generated files use neither eval nor new Function (WeChat forbids both)', () => {
    const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
    const dir = require('node:path').join(__dirname, '../../shared/generated/validators') as string;
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      expect(text).not.toMatch(/new Function|\beval\(/);
      expect(text.startsWith('/* Generated')).toBe(true);
    }
  });

  it('each function’s file holds only its own actions’ validators', () => {
    const member = require('../../shared/generated/validators/member') as Record<string, unknown>;
    expect(Object.keys(member.schemas as object).every((id) => id.startsWith('member.'))).toBe(true);
    expect(Object.keys(member).some((k) => k.startsWith('daycare_'))).toBe(false);
    expect(() => validate(member as never, 'daycare.overview', {})).toThrow(/no pre-compiled validator/);
  });
});
