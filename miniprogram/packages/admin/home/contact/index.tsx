/**
 * 联系方式 (工会工作台): the admin picks a union of the subtree (own union by default; the same
 * picker as 管理员管理) and sets its office phone, address, hours and, optionally, its map point
 * (chooseLocation). Members of that union and of the unions below without their own contact
 * see it on 联系工会. system.adminContact / adminSaveContact check the scope on the server.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { RemoteGate } from '../../../../components/RemoteView';
import { EmptyState } from '../../../../components/StateViews';
import LocalTools from '../../../../components/LocalTools';
import { elderClass } from '../../../../utils/elderMode';
import UnionPicker, { type PickedUnion } from '../../member/admins/UnionPicker';
import ContactForm from './ContactForm';
import '../../member/admin-member.css';
import '../../member/manage/manage.css';
import '../../member/admins/admins.css';
import '../home.css';

export default function AdminContactPage() {
  const { state, reload } = useRemote(api.member.profile);
  const [picked, setPicked] = useState<PickedUnion | null>(null);
  if (state.status !== 'ready') {
    return (
      <RemoteGate state={state} reload={reload} rows={4} page='page'>
        <LocalTools />
      </RemoteGate>
    );
  }
  const adminUnions = state.data.adminUnions;
  if (adminUnions.length === 0) {
    return (
      <View className={`page${elderClass()}`}>
        <EmptyState title='仅工会管理员可以设置联系方式' hint='如需开通，请联系上级工会。' />
        <LocalTools />
      </View>
    );
  }
  const union = picked?.union ?? adminUnions[0];
  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>工会</Text>
        </View>
        <UnionPicker adminUnions={adminUnions} value={union} onPick={setPicked} />
      </View>
      <ContactForm key={union.id} unionId={union.id} />
      <Text className='note'>联系方式对所有职工公开。下级工会没有填写时，其会员看到的是最近一级上级工会的联系方式。</Text>
      <LocalTools />
    </View>
  );
}
