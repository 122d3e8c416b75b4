/**
 * The console's shell: the sign-in gate, then a sidebar layout with one page per hash route
 * (#/overview, #/review, #/members, #/publish, #/benefit, #/daycare, #/recuperation). The header shows who is signed in, for which
 * unions and until when; 退出登录 ends the session on the server.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleMeResult } from '../../shared/member/console';
import { api } from './api/api';
import { session } from './api/client';
import { when } from './lib/dates';
import { Login } from './pages/Login';
import { Overview } from './pages/Overview';
import { Review } from './pages/Review';
import { Members } from './pages/Members';
import { Publish } from './pages/Publish';
import { Benefit } from './pages/Benefit';
import { Daycare } from './pages/daycare/Daycare';
import { Recuperation } from './pages/recuperation/Recuperation';
import { MeContext } from './components/MeContext';

const ROUTES = [
  { path: 'overview', title: '概览' },
  { path: 'review', title: '入会审核' },
  { path: 'members', title: '会员' },
  { path: 'publish', title: '发布' },
  { path: 'benefit', title: '福利' },
  { path: 'daycare', title: '暑托班' },
  { path: 'recuperation', title: '疗休养' },
] as const;
type RoutePath = (typeof ROUTES)[number]['path'];

function currentRoute(): RoutePath {
  const p = location.hash.replace(/^#\/?/, '').split('?')[0];
  return (ROUTES.find((r) => r.path === p)?.path ?? 'overview') as RoutePath;
}

export function App() {
  const [me, setMe] = useState<ConsoleMeResult | null>(null);
  const [checking, setChecking] = useState(() => !!session.get());
  const [route, setRoute] = useState<RoutePath>(currentRoute);
  const [error, setError] = useState<string | null>(null);

  const loadMe = useCallback(async () => {
    if (!session.get()) {
      setChecking(false);
      return;
    }
    setChecking(true);
    const res = await api.signIn.me();
    setChecking(false);
    if (res.ok) {
      setMe(res.data);
      setError(null);
    } else if (res.error.code !== 'CONSOLE_SESSION_INVALID') setError(res.error.message);
  }, []);

  useEffect(() => {
    session.onSignedOut(() => setMe(null));
    void loadMe();
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [loadMe]);

  useEffect(() => {
    const title = ROUTES.find((r) => r.path === route)?.title ?? '';
    document.title = `${title} · 工会工作台`;
  }, [route]);

  if (checking) return <div className='boot'>正在进入工会工作台…</div>;
  if (error && !me) {
    return (
      <div className='boot boot--error'>
        {error}
        <button type='button' className='btn' onClick={() => void loadMe()}>
          重试
        </button>
      </div>
    );
  }
  if (!me) return <Login onSignedIn={() => void loadMe()} />;

  const signOut = async () => {
    await api.signIn.signOut();
    session.clear();
    setMe(null);
  };

  return (
    <MeContext.Provider value={me}>
      <div className='shell'>
        <nav className='shell__nav' aria-label='工作台菜单'>
          <div className='shell__brand'>甬工惠 · 工会工作台</div>
          {ROUTES.map((r) => (
            <a
              key={r.path}
              href={`#/${r.path}`}
              className={route === r.path ? 'shell__link shell__link--on' : 'shell__link'}
              aria-current={route === r.path ? 'page' : undefined}
            >
              {r.title}
            </a>
          ))}
        </nav>
        <div className='shell__main'>
          <header className='shell__head'>
            <span className='shell__who'>
              {me.nameMasked} · {me.unions.map((u) => u.name).join('、')}
            </span>
            <span className='shell__expiry'>无操作将于 {when(me.expiresAt, 'HH:mm')} 前后自动退出</span>
            <button type='button' className='btn btn--plain shell__signout' onClick={() => void signOut()}>
              退出登录
            </button>
          </header>
          <main className='shell__page'>
            {route === 'overview' ? <Overview rootUnionId={me.unions[0]?.id} /> : null}
            {route === 'review' ? <Review /> : null}
            {route === 'members' ? <Members /> : null}
            {route === 'publish' ? <Publish /> : null}
            {route === 'benefit' ? <Benefit /> : null}
            {route === 'daycare' ? <Daycare /> : null}
            {route === 'recuperation' ? <Recuperation /> : null}
          </main>
        </div>
      </div>
    </MeContext.Provider>
  );
}
