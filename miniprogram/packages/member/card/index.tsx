/**
 * 电子会员卡 (5·1 服务卡 style): masked name, card number, union, status and a QR code that
 * staff scan to verify membership. Non-members are invited to join (or to follow their
 * pending application, or to claim an imported membership).
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import LocalTools from '../../../components/LocalTools';
import type { Profile } from '../../../../shared/member/schemas';
import { MEMBER_PAGES } from '../routes';
import CardQr from './CardQr';
import { elderClass } from '../../../utils/elderMode';
import '../member.css';
import './index.css';

function NotMember({ profile }: { profile: Profile }) {
  const pending = profile.memberStatus === 'pending';
  return (
    <View className='card'>
      <EmptyState
        title={pending ? '您的入会申请正在审核中' : '您还不是会员'}
        hint={pending ? '审核通过后即可领取电子会员卡。' : '加入工会后即可领取电子会员卡，享受会员专属服务。'}
      />
      {pending ? (
        <Button className='mbtn' onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.status })}>
          查看申请进度
        </Button>
      ) : (
        <Button className='mbtn' onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.join })}>
          申请入会
        </Button>
      )}
      <Text className='mlink' onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.claim })}>
        单位已为我登记？认领会员卡 ›
      </Text>
    </View>
  );
}

export default function CardPage() {
  const { state, reload } = useRemote(api.member.profile);

  if (state.status !== 'ready') {
    return (
      <RemoteGate state={state} reload={reload} rows={5} page='page member-card'>
        <LocalTools />
      </RemoteGate>
    );
  }
  const card = state.data.card;
  return (
    <View className={`page member-card${elderClass()}`}>
      {card ? (
        <>
          <View className='mcard'>
            <View className='mcard__top'>
              <Text className='mcard__brand'>甬工惠 · 5·1 服务卡</Text>
              <Text className={`mcard__status mcard__status--${card.status}`}>{card.status === 'active' ? '有效' : '已停用'}</Text>
            </View>
            <Text className='mcard__name'>{card.nameMasked}</Text>
            <Text className='mcard__no'>{card.cardNo.replace(/(.{4})/g, '$1 ').trim()}</Text>
            <Text className='mcard__union'>{card.union.name}</Text>
            <Text className='mcard__emblem'>工</Text>
          </View>
          {card.status === 'active' ? (
            <View className='card'>
              <CardQr key={card.cardNo} />
            </View>
          ) : (
            <View className='card'>
              <EmptyState
                title='该会员卡已停用'
                hint={
                  card.revokedReason
                    ? `停用原因：${card.revokedReason.replace(/[。.!！]+$/, '')}。如有疑问，请联系所属工会。`
                    : '如有疑问，请联系所属工会。'
                }
                action={{ label: '联系工会', to: { kind: 'page', url: '/packages/help/contact/index' } }}
              />
            </View>
          )}
          <Text className='note'>出示会员码供工作人员扫码核验。会员卡号与二维码仅限本人使用。</Text>
        </>
      ) : (
        <NotMember profile={state.data} />
      )}
      <LocalTools />
    </View>
  );
}
