/** 变更记录: the card's history from member.adminMemberHistory, newest first (at most 50). */
import { Text, View } from '@tarojs/components';
import type { RemoteState } from '../../../../hooks/useRemote';
import { RemoteGate } from '../../../../components/RemoteView';
import { EmptyState } from '../../../../components/StateViews';
import { MEMBER_HISTORY_LIMIT, type AdminMemberHistoryResult } from '../../../../../shared/member/schemas';

export default function HistoryList({ state, reload }: { state: RemoteState<AdminMemberHistoryResult>; reload: () => void }) {
  return (
    <View className='card mg-history manage-history'>
      <View className='section-title'>
        <Text>变更记录</Text>
      </View>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={3} bare />
      ) : state.data.entries.length === 0 ? (
        <EmptyState title='暂无变更记录' hint='停用、恢复、修改标签和转会都会记录在这里' />
      ) : (
        <>
          {state.data.entries.map((e) => (
            <View key={e.id} className='mg-entry manage-history-entry'>
              <View className='mg-entry__head'>
                <Text className='mg-entry__title'>{e.title}</Text>
                <Text className='mg-entry__time'>{e.atText}</Text>
              </View>
              <Text className='mg-entry__by'>{`操作人：${e.byName}`}</Text>
              {e.details.map((d, i) => (
                <Text key={i} className='mg-entry__line'>
                  {d}
                </Text>
              ))}
            </View>
          ))}
          {state.data.entries.length >= MEMBER_HISTORY_LIMIT ? (
            <Text className='mg-hint'>{`仅显示最近 ${MEMBER_HISTORY_LIMIT} 条`}</Text>
          ) : null}
        </>
      )}
    </View>
  );
}
