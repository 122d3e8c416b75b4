/** 申请进度: the caller's latest application (审核中 / 已通过 / 未通过), or none yet. */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import LocalTools from '../../../components/LocalTools';
import ApplicationStatusCard from '../components/ApplicationStatusCard';
import { MEMBER_PAGES } from '../routes';
import { elderClass } from '../../../utils/elderMode';
import '../member.css';

export default function StatusPage() {
  const { state, reload } = useRemote(api.member.myApplication);
  // Coming back from another page (the card, the form) shows the current decision.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) reload();
    shownOnce.current = true;
  });

  return (
    <View className={`page member-status${elderClass()}`}>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.data.application ? (
        <ApplicationStatusCard
          application={state.data.application}
          onReapply={() => void Taro.redirectTo({ url: `${MEMBER_PAGES.join}?reapply=1` })}
        />
      ) : (
        <View className='card'>
          <EmptyState
            title='您还没有提交入会申请'
            hint='在线填写信息，所在工会审核通过后即可领取电子会员卡。'
            action={{ label: '去入会', to: { kind: 'page', url: '/packages/member/join/index' } }}
          />
          <Button className='mbtn' onClick={() => void Taro.redirectTo({ url: MEMBER_PAGES.join })}>
            申请入会
          </Button>
        </View>
      )}
      <Text className='note'>审核通过后即可在「我的」查看电子会员卡。如有疑问请联系受理工会。</Text>
      <LocalTools />
    </View>
  );
}
