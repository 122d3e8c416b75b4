/**
 * 核销 on the console (as packages/admin/benefit/redeem): type or paste a member's code (a USB
 * scanner types it and presses Enter), it is redeemed once; every attempt, good or refused, is
 * recorded on the server with who and when (see 核销记录 per drop). This desk's attempts are
 * listed below, newest first.
 */
import { useRef, useState } from 'react';
import { formatBusiness } from '../../../shared/time';
import { api } from '../api/api';

interface Attempt {
  at: number;
  ok: boolean;
  text: string;
}

export function BenefitRedeem({ onRedeemed }: { onRedeemed: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const redeem = async () => {
    const value = code.trim();
    if (!value || busy) return;
    setBusy(true);
    const res = await api.benefit.redeem(value);
    setBusy(false);
    const attempt: Attempt = res.ok
      ? { at: res.data.redeemedAt, ok: true, text: `核销成功：${res.data.title}，会员 ${res.data.memberName}，兑换码 ${res.data.code}` }
      : { at: Date.now(), ok: false, text: `${value}：${res.error.message}` };
    setAttempts((prev) => [attempt, ...prev].slice(0, 50));
    if (res.ok) {
      setCode('');
      onRedeemed();
    }
    input.current?.focus();
  };

  return (
    <section className='form sub-form bf-redeem'>
      <h3>核销兑换码</h3>
      <form
        className='inline'
        onSubmit={(e) => {
          e.preventDefault();
          void redeem();
        }}
      >
        <input
          ref={input}
          name='code'
          aria-label='兑换码'
          placeholder='输入 12 位兑换码（可用扫码枪）'
          value={code}
          maxLength={20}
          autoFocus
          onChange={(e) => setCode(e.target.value)}
        />
        <button type='submit' className='btn' disabled={busy || !code.trim()}>
          {busy ? '正在核销…' : '核销'}
        </button>
      </form>
      <p className='note'>仅可核销本工会及下级工会发放的福利；每次核销（含失败）都会记录核销人和时间。</p>
      {attempts.length ? (
        <ul className='bf-attempts' aria-label='本次核销结果'>
          {attempts.map((a, i) => (
            <li key={`${a.at}-${i}`} className={a.ok ? 'ok-text' : 'error-text'}>
              {formatBusiness(a.at, 'HH:mm:ss')} {a.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
