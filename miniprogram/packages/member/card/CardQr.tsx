/**
 * The card's QR code: a signed token valid for 60 s (member.cardToken). A new one is fetched
 * every 45 s while the page is shown, and whenever the page is shown again, so a screenshot stops
 * working within a minute. Validity is computed from the server's clock in the response
 * (offset = serverTime − local time on arrival), not from the phone's clock.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../services/api';
import QrCode from '../../../components/QrCode';
import { CARD_TOKEN_REFRESH_SECONDS } from '../../../../shared/member/card';

interface Token {
  token: string;
  /** Local clock (ms) when the server says the token expires. */
  expiresAtLocal: number;
  /** Local clock (ms) when the next token is due. */
  refreshAtLocal: number;
}

export default function CardQr() {
  const [token, setToken] = useState<Token | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const loading = useRef(false);
  const visible = useRef(true);

  const load = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    const res = await api.member.cardToken();
    loading.current = false;
    const arrived = Date.now();
    if (!res.ok) {
      setError(res.error.message);
      // Try again in a few seconds; the old token stays on screen while it is still valid.
      setToken((t) => (t ? { ...t, refreshAtLocal: arrived + 5000 } : t));
      return;
    }
    const offset = res.data.serverTime - arrived;
    const expiresAtLocal = res.data.expiresAt - offset;
    setError(null);
    setToken({
      token: res.data.token,
      expiresAtLocal,
      refreshAtLocal: Math.min(arrived + CARD_TOKEN_REFRESH_SECONDS * 1000, expiresAtLocal - 5000),
    });
    setNow(arrived);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const tokenRef = useRef(token);
  tokenRef.current = token;
  useEffect(() => {
    const timer = setInterval(() => {
      if (!visible.current) return;
      const t = Date.now();
      setNow(t);
      const current = tokenRef.current;
      if (current && t >= current.refreshAtLocal) void load();
    }, 1000);
    return () => clearInterval(timer);
  }, [load]);

  const shownOnce = useRef(false);
  useDidShow(() => {
    visible.current = true;
    // First show is the mount (already loading); later shows fetch a fresh token at once.
    if (shownOnce.current) void load();
    shownOnce.current = true;
  });
  useDidHide(() => {
    visible.current = false;
  });

  if (!token) {
    return (
      <View className='mcard-qr'>
        {error ? (
          <Text className='mcard-qr__error' onClick={() => void load()}>
            {`${error}（点击重试）`}
          </Text>
        ) : (
          <Text className='mcard-qr__hint'>正在生成会员码…</Text>
        )}
      </View>
    );
  }

  const validSeconds = Math.max(0, Math.ceil((token.expiresAtLocal - now) / 1000));
  const refreshSeconds = Math.max(0, Math.ceil((token.refreshAtLocal - now) / 1000));
  const expired = validSeconds === 0;
  return (
    <View className='mcard-qr'>
      <View className='mcard-qr__code' onClick={() => void load()}>
        <View className={expired ? 'mcard-qr__faded' : ''}>
          <QrCode text={token.token} size={200} />
        </View>
        {expired ? <Text className='mcard-qr__overlay'>已失效，点击刷新</Text> : null}
      </View>
      <Text className='mcard-qr__hint'>二维码每分钟自动刷新，截图无效</Text>
      <Text className='mcard-qr__count'>{expired ? '会员码已失效' : `${refreshSeconds} 秒后自动刷新 · 有效期剩余 ${validSeconds} 秒`}</Text>
      {error ? <Text className='mcard-qr__error'>{error}</Text> : null}
    </View>
  );
}
