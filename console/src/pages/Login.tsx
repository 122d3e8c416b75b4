/**
 * 扫码登录: ask for a ticket, show it as a QR code, poll every 2 s until the admin confirms in the
 * mini-program (扫码登录工作台), then keep the session for this tab. A ticket lasts 2 minutes;
 * an expired or declined one is replaced by pressing 刷新二维码.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { consoleQrText } from '../../../shared/member/console';
import { api } from '../api/api';
import { session } from '../api/client';
import { Qr } from '../components/Qr';
import { deviceSummary } from '../lib/device';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'waiting'; ticket: string; pollKey: string; scanned: boolean }
  | { kind: 'ended'; reason: 'expired' | 'declined' };

const POLL_MS = 2000;
const LOCAL = ['127.0.0.1', 'localhost'].includes(location.hostname);

export function Login({ onSignedIn }: { onSignedIn: () => void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const generation = useRef(0);

  const start = useCallback(async () => {
    const mine = ++generation.current;
    setState({ kind: 'loading' });
    const res = await api.signIn.ticket(deviceSummary());
    if (mine !== generation.current) return;
    if (!res.ok) setState({ kind: 'error', message: res.error.message });
    else setState({ kind: 'waiting', ticket: res.data.ticket, pollKey: res.data.pollKey, scanned: false });
  }, []);

  useEffect(() => {
    void start();
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- a counter, not a DOM node: the latest value must be bumped to drop answers still in flight.
      generation.current++;
    };
  }, [start]);

  useEffect(() => {
    if (state.kind !== 'waiting') return;
    const mine = generation.current;
    const timer = setTimeout(
      () =>
        void (async () => {
          const res = await api.signIn.poll({ ticket: state.ticket, pollKey: state.pollKey });
          if (mine !== generation.current) return;
          if (!res.ok) {
            setState(res.error.code === 'NETWORK' ? { ...state } : { kind: 'ended', reason: 'expired' });
            return;
          }
          const d = res.data;
          if (d.status === 'signedIn') {
            session.set(d.token);
            onSignedIn();
          } else if (d.status === 'waiting') setState({ ...state, scanned: d.scanned });
          else setState({ kind: 'ended', reason: d.status });
        })(),
      POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [state, onSignedIn]);

  return (
    <main className='login'>
      <section className='login__card'>
        <h1>工会工作台</h1>
        <p className='login__sub'>请使用甬工惠小程序「工会工作台 → 扫码登录工作台」扫描二维码</p>
        <div className='login__qr'>
          {state.kind === 'loading' ? <div className='login__placeholder'>正在生成二维码…</div> : null}
          {state.kind === 'error' ? <div className='login__placeholder login__placeholder--error'>{state.message}</div> : null}
          {state.kind === 'waiting' ? <Qr text={consoleQrText(state.ticket)} /> : null}
          {state.kind === 'waiting' && state.scanned ? <div className='login__overlay'>已扫码，请在手机上确认登录</div> : null}
          {state.kind === 'ended' ? (
            <div className='login__placeholder'>{state.reason === 'declined' ? '已在手机上取消登录' : '二维码已失效'}</div>
          ) : null}
        </div>
        {state.kind === 'ended' || state.kind === 'error' ? (
          <button type='button' className='btn login__refresh' onClick={() => void start()}>
            刷新二维码
          </button>
        ) : (
          <p className='login__hint'>二维码 2 分钟内有效。登录后 30 分钟无操作或满 8 小时需重新扫码。</p>
        )}
        {LOCAL && state.kind === 'waiting' ? (
          <details className='login__local'>
            <summary>本地演示：无法扫码？</summary>
            <p>在 H5 演示中以管理员身份打开「工会工作台 → 扫码登录工作台」，粘贴下面的登录码：</p>
            <code className='login__code'>{consoleQrText(state.ticket)}</code>
          </details>
        ) : null}
      </section>
    </main>
  );
}
