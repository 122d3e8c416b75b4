/**
 * 我的 → 已登录的工作台: the admin's console sessions (device, since when, last used, when it
 * ends) and 退出登录 for each. Ending one takes effect on that console's next call.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { elderClass } from '../../../../utils/elderMode';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState, ErrorState, Skeleton } from '../../../../components/StateViews';
import LocalTools from '../../../../components/LocalTools';
import { formatBusiness } from '../../../../../shared/time';
import Kv from '../Kv';
import '../admin-member.css';

export default function ConsoleSessionsPage() {
  const { state, reload } = useRemote(api.member.consoleSessions);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = async (key: string) => {
    setBusyKey(key);
    setError(null);
    const res = await api.member.consoleRevoke(key);
    setBusyKey(null);
    if (!res.ok) setError(res.error.message);
    reload();
  };

  return (
    <View className={`page am-sessions${elderClass()}`}>
      {state.status === 'loading' ? (
        <Skeleton rows={3} />
      ) : state.status === 'error' ? (
        <ErrorState message={state.error.message} onRetry={reload} />
      ) : state.data.sessions.length === 0 ? (
        <EmptyState
          title='没有已登录的工作台'
          hint='在电脑上打开工会工作台，用「扫码登录工作台」扫码即可登录'
          action={{ label: '扫码登录工作台', to: { kind: 'page', url: '/packages/admin/member/console/index' } }}
        />
      ) : (
        state.data.sessions.map((s) => (
          <View key={s.key} className='card console-session'>
            <Kv k='设备' v={s.device} />
            <Kv k='登录时间' v={formatBusiness(s.signedInAt, 'MM-DD HH:mm')} />
            <Kv k='最近使用' v={formatBusiness(s.lastSeenAt, 'MM-DD HH:mm')} />
            <Kv k='自动退出' v={formatBusiness(s.expiresAt, 'MM-DD HH:mm')} />
            <View className='am-actions'>
              <Button
                className='am-btn am-btn--ghost console-revoke'
                disabled={busyKey === s.key || undefined}
                onClick={() => void revoke(s.key)}
              >
                {busyKey === s.key ? '正在退出…' : '退出该工作台'}
              </Button>
            </View>
          </View>
        ))
      )}
      {error ? <Text className='am-error'>{error}</Text> : null}
      <Text className='note'>工作台 30 分钟无操作或登录满 8 小时后自动退出。如有不认识的设备，请立即退出并联系上级工会。</Text>
      <LocalTools />
    </View>
  );
}
