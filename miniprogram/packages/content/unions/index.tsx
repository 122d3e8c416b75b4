/** 关注工会: my own chain (followed by default), then the city / district / industry / street unions. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { UnionCard } from '../../../../shared/content/views';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import { elderClass } from '../../../utils/elderMode';
import '../content.css';

function Row({ u, onToggle }: { u: UnionCard; onToggle: (u: UnionCard) => void }) {
  return (
    <View className='ct-union'>
      <View onClick={() => void Taro.navigateTo({ url: `/packages/content/union/index?id=${u.id}` })}>
        <Text className='ct-union__name'>{u.name}</Text>
        <Text className='ct-union__sub'>
          {u.levelLabel} · {u.followers} 人关注{u.ownChain ? ' · 我所在的工会' : ''}
        </Text>
      </View>
      <Text className={`ct-follow ${u.following ? 'ct-follow--on' : ''}`} onClick={() => onToggle(u)}>
        {u.following ? '已关注' : '+ 关注'}
      </Text>
    </View>
  );
}

export default function UnionsPage() {
  const { state, reload } = useRemote(api.content.discover);
  const [unions, setUnions] = useState<UnionCard[]>([]);
  useEffect(() => {
    if (state.status === 'ready') setUnions(state.data.unions);
  }, [state]);

  const toggle = async (u: UnionCard) => {
    const res = await api.content.follow(u.id, !u.following);
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' });
    setUnions((list) => list.map((x) => (x.id === u.id ? { ...x, following: res.data.following, followers: res.data.followers } : x)));
  };

  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={6} page='page' />;
  const mine = unions.filter((u) => u.ownChain);
  const others = unions.filter((u) => !u.ownChain);
  return (
    <View className={`page${elderClass()}`}>
      {mine.length ? (
        <View className='card'>
          <View className='section-title'>
            <Text>我所在的工会</Text>
          </View>
          {mine.map((u) => (
            <Row key={u.id} u={u} onToggle={(x) => void toggle(x)} />
          ))}
        </View>
      ) : null}
      <View className='card'>
        <View className='section-title'>
          <Text>更多工会</Text>
        </View>
        {others.length ? (
          others.map((u) => <Row key={u.id} u={u} onToggle={(x) => void toggle(x)} />)
        ) : (
          <EmptyState title='暂无可关注的工会' hint='您已关注了所有可关注的工会' />
        )}
      </View>
      <Text className='note'>入会认证通过后，会自动关注从市总工会到您所在基层工会的各级工会。</Text>
    </View>
  );
}
