/**
 * The member found on 会员卡管理 and everything an admin can do with it: 停用 / 恢复
 * (MemberPanel), 修改标签 (TagEditor), 转会 (TransferForm) and the card's 变更记录
 * (HistoryList). The member lives here: each change hands the server's answer up, and the
 * history (which also brings the current tags) is loaded again.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useRemote } from '../../../../hooks/useRemote';
import { api } from '../../../../services/api';
import type { AdminMemberView } from '../../../../../shared/member/schemas';
import type { MemberTag } from '../../../../../shared/member/tags';
import HistoryList from './HistoryList';
import MemberPanel from './MemberPanel';
import TagEditor from './TagEditor';
import TransferForm from './TransferForm';
import './manage.css';

export default function MemberDetail({ found }: { found: AdminMemberView }) {
  const [member, setMember] = useState<AdminMemberView>(found);
  const [tags, setTags] = useState<MemberTag[] | null>(null);
  const { state: history, reload } = useRemote(() => api.member.adminMemberHistory(found.cardNo));

  useEffect(() => {
    if (history.status !== 'ready') return;
    setMember(history.data.member);
    setTags(history.data.member.tags);
  }, [history]);

  const changed = (next: AdminMemberView & { tags?: MemberTag[] }) => {
    setMember(next);
    if (next.tags) setTags(next.tags);
    reload();
  };

  const suspended = member.status === 'revoked';
  return (
    <View>
      <MemberPanel member={member} onChanged={changed} />
      <View className='card mg-info'>
        <View className='section-title'>
          <Text>会员信息维护</Text>
        </View>
        {suspended ? <Text className='note mg-suspended'>会员卡已停用：请先恢复会员卡，再修改标签或转会。</Text> : null}
        <TagEditor member={member} tags={tags} disabled={suspended} onSaved={changed} />
        <TransferForm member={member} disabled={suspended} onMoved={changed} />
      </View>
      <HistoryList state={history} reload={reload} />
    </View>
  );
}
