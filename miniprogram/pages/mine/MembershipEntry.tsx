/**
 * The membership line on 我的: status (未入会 / 审核中 / 已认证会员 / 会员卡已停用 / 未通过) and where a tap
 * leads (member → card, suspended → the card with the union's reason, applicant → progress, others → join form). Pages live in packages/member.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api } from '../../services/api';
import { useRemote } from '../../hooks/useRemote';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '../../../shared/member/schemas';

const TARGET: Record<MemberStatus, { url: string; action: string }> = {
  none: { url: '/packages/member/join/index', action: '去入会' },
  pending: { url: '/packages/member/status/index', action: '查看进度' },
  verified: { url: '/packages/member/card/index', action: '会员卡' },
  suspended: { url: '/packages/member/card/index', action: '查看详情' },
  rejected: { url: '/packages/member/status/index', action: '查看原因' },
};

export default function MembershipEntry() {
  const { state, reload } = useRemote(api.member.profile);
  if (state.status === 'loading') {
    return (
      <View className='link-row mine-membership'>
        <Text>会员状态</Text>
        <Text className='link-row__arrow'>加载中…</Text>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className='link-row mine-membership' onClick={reload}>
        <Text>会员状态</Text>
        <Text className='link-row__arrow'>加载失败，点击重试</Text>
      </View>
    );
  }
  const status = state.data.memberStatus;
  const target = TARGET[status];
  return (
    <View className='link-row mine-membership' onClick={() => void Taro.navigateTo({ url: target.url })}>
      <Text>{`会员状态：${MEMBER_STATUS_LABELS[status]}`}</Text>
      <Text className='link-row__arrow'>{`${target.action} ›`}</Text>
    </View>
  );
}
