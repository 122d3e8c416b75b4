/**
 * 管理员管理: an admin picks a union of their subtree (their own by default; UnionPicker), sees its
 * admins (masked), appoints a member as admin by card number and removes admins with a reason
 * (AdminList). The role and scope shown here only decide what to display: member.adminListAdmins /
 * adminAppoint / adminRemove check them on the server.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { RemoteGate } from '../../../../components/RemoteView';
import { EmptyState } from '../../../../components/StateViews';
import LocalTools from '../../../../components/LocalTools';
import { EVENTS } from '../../../../utils/events';
import { UNION_ADMIN_LIMIT } from '../../../../../shared/member/schemas';
import { isInScope } from '../../../../../shared/union/tree';
import AdminList from './AdminList';
import UnionPicker, { type PickedUnion } from './UnionPicker';
import { elderClass } from '../../../../utils/elderMode';
import '../admin-member.css';
import '../manage/manage.css';
import './admins.css';

export default function AdminsPage() {
  const { state, reload } = useRemote(api.member.profile);
  const [picked, setPicked] = useState<PickedUnion | null>(null);
  /** Said after the caller removed themselves (the page reloads their rights). */
  const [notice, setNotice] = useState<string | null>(null);

  // H5 demo: another persona administers other unions; start from their own.
  useEffect(() => {
    const reset = () => {
      setPicked(null);
      setNotice(null);
    };
    Taro.eventCenter.on(EVENTS.personaChanged, reset);
    return () => {
      Taro.eventCenter.off(EVENTS.personaChanged, reset);
    };
  }, []);

  if (state.status !== 'ready') {
    return (
      <RemoteGate state={state} reload={reload} rows={4} page='page am-admins'>
        <LocalTools />
      </RemoteGate>
    );
  }

  const adminUnions = state.data.adminUnions;
  if (adminUnions.length === 0) {
    return (
      <View className={`page am-admins${elderClass()}`}>
        {notice ? <Text className='am-done admins-self-done'>{notice}</Text> : null}
        <EmptyState
          title='仅工会管理员可以管理管理员'
          hint='如需开通，请联系上级工会。'
          action={{ label: '联系工会', to: { kind: 'page', url: '/packages/help/contact/index' } }}
        />
        <LocalTools />
      </View>
    );
  }

  const adminIds = adminUnions.map((u) => u.id);
  // A pick that left the caller's scope (they removed themselves) falls back to their own union.
  const union = picked && isInScope(adminIds, picked.ancestors) ? picked.union : adminUnions[0];

  return (
    <View className={`page am-admins${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>工会</Text>
        </View>
        {notice ? <Text className='am-done admins-self-done'>{notice}</Text> : null}
        <UnionPicker adminUnions={adminUnions} value={union} onPick={setPicked} />
      </View>
      <AdminList
        key={union.id}
        union={union}
        onSelfRemoved={(message) => {
          setNotice(message);
          reload();
        }}
      />
      <Text className='note'>
        {`管理员可在「工会工作台」办理本工会及下级工会的入会审核、会员卡管理、福利和活动等事务。每个工会最多 ${UNION_ADMIN_LIMIT} 位管理员；上级工会的管理员始终可以管理下级工会，市总工会须至少保留一位管理员。每次设置和移除都会记录操作人、时间和原因，写入该会员的变更记录，并通知对方。`}
      </Text>
      <LocalTools />
    </View>
  );
}
