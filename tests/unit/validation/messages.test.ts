import { jsonTextNestsDeeper, MAX_NESTING, valueNestsDeeper } from '../../../shared/validation/depth';
import * as daycareValidators from '../../../shared/generated/validators/daycare';
import * as memberValidators from '../../../shared/generated/validators/member';
import * as systemValidators from '../../../shared/generated/validators/system';
import { MAX_ECHOED_NAME, validate } from '../../../shared/validation/validate';

describe('validation messages repeat no input', () => {
  it('an unknown field name is cut short, control characters dropped', () => {
    const r = validate(systemValidators, 'system.serverTime', { [`evil\u2028${'x'.repeat(100_000)}`]: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(`请求包含不支持的字段 ${`evil${'x'.repeat(MAX_ECHOED_NAME - 4)}`}…`);
  });

  it('a value never appears in the message', () => {
    const secret = '330206199001011234 secret value';
    for (const data of [{ keyword: secret.repeat(3) }, { level: secret }, { parentId: secret }]) {
      const r = validate(memberValidators, 'member.listUnions', data);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).not.toContain('secret');
    }
  });

  it('instant bounds are told in words, not as 13 digits', () => {
    const r = validate(daycareValidators, 'daycare.adminCreateCampaign', {
      unionId: 'nb',
      title: '暑托活动名',
      summer: 2027,
      opensAt: 1_800_000_000_000,
      closesAt: 9e15,
      mode: 'lottery',
    });
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '报名截止时间不在允许的时间范围内' } });
  });
});

describe('nesting limits', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  it('JSON text: counts brackets outside strings only', () => {
    expect(jsonTextNestsDeeper(nested(MAX_NESTING))).toBe(false);
    expect(jsonTextNestsDeeper(nested(MAX_NESTING + 1))).toBe(true);
    expect(jsonTextNestsDeeper(JSON.stringify({ s: '['.repeat(1000) + '\\"[' }))).toBe(false);
    expect(jsonTextNestsDeeper(nested(1_000_000))).toBe(true); // no stack used
  });

  it('values: an explicit stack, so a million levels do not overflow it', () => {
    let v: unknown = 1;
    for (let i = 0; i < MAX_NESTING; i++) v = { a: v };
    expect(valueNestsDeeper(v)).toBe(false);
    expect(valueNestsDeeper([v])).toBe(true);
    let huge: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) huge = [huge];
    expect(valueNestsDeeper(huge)).toBe(true);
    expect(valueNestsDeeper({ a: 'x'.repeat(10), b: [1, 2, { c: null }] })).toBe(false);
  });
});
