/**
 * 入会 (the home grid's entry): a member sees 「您已是会员」 with a link to the card (a suspended
 * member: 「会员卡已停用」 — applying again would not lift it); someone with
 * an application sees its progress (rejected → 重新申请 opens the form); everyone else gets the
 * join form. After submitting, the status page takes over.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { RemoteGate } from '../../../components/RemoteView';
import LocalTools from '../../../components/LocalTools';
import ApplicationStatusCard from '../components/ApplicationStatusCard';
import { MEMBER_PAGES } from '../routes';
import JoinForm from './JoinForm';
import { elderClass } from '../../../utils/elderMode';
import '../member.css';

export default function JoinPage() {
  const router = useRouter();
  const { state, reload } = useRemote(api.member.profile);
  const [reapply, setReapply] = useState(router.params.reapply === '1');

  let body: JSX.Element;
  if (state.status !== 'ready') {
    body = <RemoteGate state={state} reload={reload} rows={5} />;
  } else {
    const p = state.data;
    const app = p.application;
    if (p.memberStatus === 'verified' || p.memberStatus === 'suspended') {
      const suspended = p.memberStatus === 'suspended';
      body = (
        <View className='card'>
          <View className='mstatus'>
            <Text className={`mstatus__badge mstatus__badge--${suspended ? 'rejected' : 'approved'}`}>
              {suspended ? '会员卡已停用' : '您已是会员'}
            </Text>
            <Text className='mstatus__lead'>{p.union ? `所属工会：${p.union.name}` : '您已完成入会认证'}</Text>
          </View>
          {suspended && p.card?.revokedReason ? <Text className='mreason'>{`停用原因：${p.card.revokedReason}`}</Text> : null}
          <View className='mactions'>
            <Button className='mbtn' onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.card })}>
              查看我的会员卡
            </Button>
          </View>
        </View>
      );
    } else if (app && (app.status !== 'rejected' || !reapply)) {
      body = <ApplicationStatusCard application={app} onReapply={() => setReapply(true)} />;
    } else {
      body = (
        <>
          {app?.status === 'rejected' ? (
            <Text className='mreason'>{`上次申请未通过：${app.rejectReason ?? '请核对信息后重新提交'}`}</Text>
          ) : null}
          <JoinForm onSubmitted={() => void Taro.redirectTo({ url: MEMBER_PAGES.status })} />
          <Text className='mlink' onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.claim })}>
            已是会员？认领会员卡 ›
          </Text>
        </>
      );
    }
  }

  return (
    <View className={`page member-join${elderClass()}`}>
      <View className='hero'>
        <Text className='hero__title'>网上入会</Text>
        <Text className='hero__sub'>填写信息 → 工会审核 → 领取电子会员卡</Text>
      </View>
      {body}
      <LocalTools />
    </View>
  );
}
