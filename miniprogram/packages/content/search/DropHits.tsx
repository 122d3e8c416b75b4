/** This week's drops matching the keyword (benefit.search): one row each; tapping opens the 福利 tab. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { ErrorState } from '../../../components/StateViews';
import { DROP_KIND_LABELS, DROP_MODE_LABELS } from '../../../../shared/benefit/kinds';
import { formatBusinessFriendly } from '../../../../shared/time';
import { groupThousands } from '../../../../shared/text';

const BENEFITS_TAB = '/pages/benefits/index';

export default function DropHits({ keyword }: { keyword: string }) {
  const load = useCallback(() => api.benefit.search(keyword), [keyword]);
  const { state, reload } = useRemote(load);
  if (state.status === 'loading') return <Text className='sr-note'>正在查找福利…</Text>;
  if (state.status === 'error') return <ErrorState message={state.error.message} onRetry={reload} />;
  const { drops } = state.data;
  if (drops.length === 0) return <Text className='sr-note'>本周没有相关的福利</Text>;
  return (
    <View>
      {drops.map((d) => (
        <View key={d.id} className='sr-drop' data-drop={d.id} onClick={() => void Taro.switchTab({ url: BENEFITS_TAB })}>
          <View className='sr-drop__head'>
            <Text className='sr-drop__kind'>{DROP_KIND_LABELS[d.kind]}</Text>
            <Text className='sr-drop__title'>{d.title}</Text>
          </View>
          <Text className='sr-drop__meta'>
            {d.unionName} · {DROP_MODE_LABELS[d.mode]} · {d.mode === 'draw' ? '抽签' : '开抢'} {formatBusinessFriendly(d.opensAt)}
          </Text>
          {d.left !== null ? <Text className='sr-drop__meta'>{d.left > 0 ? `剩余 ${groupThousands(d.left)} 份` : '已抢完'}</Text> : null}
          {d.venue ? <Text className='sr-drop__meta'>兑换地点：{d.venue.name}</Text> : null}
        </View>
      ))}
    </View>
  );
}
