import { signCardToken, verifyCardToken } from '../../../cloudfunctions/_lib/cardToken';
import { CARD_TOKEN_TTL_SECONDS, formatCardNo } from '../../../shared/member/card';

const SECRET = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const T0 = Date.parse('2026-05-01T02:00:00Z');
const CARD = formatCardNo(42);

describe('member card QR token', () => {
  it('has the documented format v1.<cardNo>.<exp>.<sig>', () => {
    const { token, exp } = signCardToken(CARD, T0, SECRET);
    expect(token).toMatch(/^v1\.NB5100000042\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(exp).toBe(T0 / 1000 + CARD_TOKEN_TTL_SECONDS);
  });

  it('is valid for about 60 s, then expired', () => {
    const { token } = signCardToken(CARD, T0, SECRET);
    expect(verifyCardToken(token, T0, SECRET)).toEqual({ status: 'valid', cardNo: CARD, exp: T0 / 1000 + 60 });
    expect(verifyCardToken(token, T0 + 59_000, SECRET).status).toBe('valid');
    expect(verifyCardToken(token, T0 + 64_000, SECRET).status).toBe('valid'); // 5 s grace for skew
    expect(verifyCardToken(token, T0 + 66_000, SECRET).status).toBe('expired');
    expect(verifyCardToken(token, T0 + 3600_000, SECRET).status).toBe('expired');
  });

  it('is forged when any part is changed or the key differs', () => {
    const { token } = signCardToken(CARD, T0, SECRET);
    const [v, card, exp, sig] = token.split('.');
    expect(verifyCardToken(token, T0, OTHER).status).toBe('forged');
    expect(verifyCardToken([v, formatCardNo(43), exp, sig].join('.'), T0, SECRET).status).toBe('forged');
    expect(verifyCardToken([v, card, String(Number(exp) + 30), sig].join('.'), T0, SECRET).status).toBe('forged');
    const flipped = sig.slice(0, -2) + (sig.slice(-2) === 'AA' ? 'AB' : 'AA');
    expect(verifyCardToken([v, card, exp, flipped].join('.'), T0, SECRET).status).toBe('forged');
    expect(verifyCardToken(['v2', card, exp, sig].join('.'), T0, SECRET).status).toBe('forged');
  });

  it('an old forged token is forged, not expired: the signature is checked first', () => {
    const { token } = signCardToken(CARD, T0, OTHER);
    expect(verifyCardToken(token, T0 + 3600_000, SECRET).status).toBe('forged');
  });

  it('a token claiming a lifetime longer than 60 s is forged even if signed', () => {
    const { token } = signCardToken(CARD, T0 + 3600_000, SECRET);
    expect(verifyCardToken(token, T0, SECRET).status).toBe('forged');
  });

  it('garbage is forged', () => {
    for (const junk of [
      '',
      'hello',
      'v1..1.x',
      'v1.NB5100000042.abc.' + 'A'.repeat(43),
      'v1.NB5100000042.1.' + 'A'.repeat(44),
      'a.b.c.d.e',
    ]) {
      expect(verifyCardToken(junk, T0, SECRET).status).toBe('forged');
    }
  });

  it('refuses to work without a configured secret', () => {
    const saved = process.env.CARD_TOKEN_SECRET;
    delete process.env.CARD_TOKEN_SECRET;
    try {
      expect(() => signCardToken(CARD, T0)).toThrow(/CARD_TOKEN_SECRET/);
    } finally {
      if (saved !== undefined) process.env.CARD_TOKEN_SECRET = saved;
    }
  });
});
