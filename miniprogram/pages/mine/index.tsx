import { Text, View } from '@tarojs/components';
import { api } from '../../services/api';
import { useRemote } from '../../hooks/useRemote';
import { ErrorState, Skeleton } from '../../components/StateViews';
import LocalTools from '../../components/LocalTools';
import MembershipEntry from './MembershipEntry';
import ElderSwitch from './ElderSwitch';
import UnreadBadge from '../activities/UnreadBadge';
import { openTarget, type EntryTarget } from '../../utils/navigate';
import { elderClass } from '../../utils/elderMode';
import './index.css';

interface MineLink {
  key: string;
  title: string;
  target: EntryTarget;
}

/** The "我的" menu. Features plug in by changing `target`. */
const LINKS: MineLink[] = [
  { key: 'card', title: '我的会员卡', target: { kind: 'page', url: '/packages/member/card/index' } },
  { key: 'claims', title: '我的福利', target: { kind: 'page', url: '/packages/benefit/mine/index' } },
  { key: 'signups', title: '我的报名', target: { kind: 'page', url: '/packages/content/mine/index' } },
  { key: 'inbox', title: '消息', target: { kind: 'page', url: '/packages/content/inbox/index' } },
  { key: 'recuperation', title: '我的疗休养', target: { kind: 'page', url: '/packages/recuperation/mine/index' } },
  { key: 'daycare', title: '我的暑托班', target: { kind: 'page', url: '/packages/daycare/mine/index' } },
  { key: 'daycare-staff', title: '托管点工作台', target: { kind: 'page', url: '/packages/daycare/staff/index' } },
  { key: 'faq', title: '常见问题', target: { kind: 'page', url: '/packages/help/faq/index' } },
  { key: 'contact', title: '联系工会', target: { kind: 'page', url: '/packages/help/contact/index' } },
  { key: 'privacy', title: '用户隐私保护指引', target: { kind: 'page', url: '/pages/privacy/index' } },
  { key: 'account', title: '账号与隐私', target: { kind: 'page', url: '/packages/member/account/index' } },
];

export default function MinePage() {
  const { state, reload } = useRemote(api.system.homeSummary);

  return (
    <View className={`page mine${elderClass()}`}>
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
        <MembershipEntry />
        {state.status === 'ready' && state.data.viewer.role === 'union_admin' ? (
          <View className='link-row mine__admin' onClick={() => openTarget({ kind: 'page', url: '/packages/admin/dashboard/index' })}>
            <Text>工会工作台</Text>
            <Text className='link-row__arrow'>›</Text>
          </View>
        ) : null}
        {state.status === 'ready' && state.data.viewer.role === 'union_admin' ? (
          <View
            className='link-row mine__consoles'
            onClick={() => openTarget({ kind: 'page', url: '/packages/admin/member/sessions/index' })}
          >
            <Text>已登录的工作台</Text>
            <Text className='link-row__arrow'>›</Text>
          </View>
        ) : null}
        {LINKS.map((link) => (
          <View key={link.key} className='link-row' onClick={() => openTarget(link.target)}>
            <Text>{link.title}</Text>
            {link.key === 'inbox' ? <UnreadBadge /> : null}
            <Text className='link-row__arrow'>›</Text>
          </View>
        ))}
      </View>

      <View className='card mine__links'>
        <ElderSwitch />
      </View>

      <Text className='note mine__footnote'>姓名已脱敏显示。个人信息的收集与使用详见《用户隐私保护指引》。</Text>
      <LocalTools />
    </View>
  );
}
