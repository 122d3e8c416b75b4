import { Text, View } from '@tarojs/components';
import { api } from '../../services/api';
import { useRemote } from '../../hooks/useRemote';
import { ErrorState, Skeleton } from '../../components/StateViews';
import LocalTools from '../../components/LocalTools';
import { openTarget, type EntryTarget } from '../../utils/navigate';
import './index.css';

interface MineLink {
  key: string;
  title: string;
  target: EntryTarget;
}

/** The "我的" menu. Features plug in by changing `target`. */
const LINKS: MineLink[] = [
  { key: 'card', title: '我的会员卡', target: { kind: 'soon' } },
  { key: 'claims', title: '我的福利', target: { kind: 'soon' } },
  { key: 'signups', title: '我的报名', target: { kind: 'soon' } },
  { key: 'privacy', title: '用户隐私保护指引', target: { kind: 'page', url: '/pages/privacy/index' } },
];

export default function MinePage() {
  const { state, reload } = useRemote(api.system.homeSummary);

  return (
    <View className='page mine'>
      <View className='mine__profile'>
        {state.status === 'loading' ? (
          <Skeleton rows={2} />
        ) : state.status === 'error' ? (
          <View className='mine__profile-error'>
            <ErrorState message={state.error.message} onRetry={reload} />
          </View>
        ) : (
          <View className='mine__who'>
            <View className='mine__avatar'>
              <Text>{state.data.viewer.displayName.slice(0, 1) || '工'}</Text>
            </View>
            <View className='mine__who-text'>
              <Text className='mine__name'>{state.data.viewer.displayName}</Text>
              <View className='mine__tags'>
                <Text className='mine__tag'>{state.data.viewer.roleLabel}</Text>
                {state.data.viewer.unionName ? <Text className='mine__union'>{state.data.viewer.unionName}</Text> : null}
              </View>
            </View>
          </View>
        )}
      </View>

      <View className='card mine__links'>
        {LINKS.map((link) => (
          <View key={link.key} className='link-row' onClick={() => openTarget(link.target)}>
            <Text>{link.title}</Text>
            <Text className='link-row__arrow'>›</Text>
          </View>
        ))}
      </View>

      <Text className='note mine__footnote'>姓名已脱敏显示。个人信息的收集与使用详见《用户隐私保护指引》。</Text>
      <LocalTools />
    </View>
  );
}
