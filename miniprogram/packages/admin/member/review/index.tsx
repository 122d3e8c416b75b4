/**
 * 入会审核: applications to the admin's unions and their subtree (the server decides the scope),
 * pending ones oldest first, 20 per page with 加载更多. Tabs show decided ones for reference.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../../services/api';
import { EmptyState, ErrorState, Skeleton } from '../../../../components/StateViews';
import LocalTools from '../../../../components/LocalTools';
import { EVENTS } from '../../../../utils/events';
import type { AdminApplicationView, ApplicationStatus } from '../../../../../shared/member/schemas';
import ApplicationItem from './ApplicationItem';
import { elderClass } from '../../../../utils/elderMode';
import '../admin-member.css';

const PAGE = 20;
const TABS: Array<{ key: ApplicationStatus; title: string }> = [
  { key: 'pending', title: '待审核' },
  { key: 'approved', title: '已通过' },
  { key: 'rejected', title: '已驳回' },
];

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: AdminApplicationView[]; total: number; more: 'idle' | 'loading' | string };

export default function ReviewPage() {
  const [tab, setTab] = useState<ApplicationStatus>('pending');
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const ticket = useRef(0);

  const load = useCallback((status: ApplicationStatus) => {
    const t = ++ticket.current;
    setList({ status: 'loading' });
    void api.member.adminListApplications({ status, offset: 0, limit: PAGE }).then((res) => {
      if (t !== ticket.current) return;
      setList(
        res.ok
          ? { status: 'ready', items: res.data.items, total: res.data.total, more: 'idle' }
          : { status: 'error', message: res.error.message },
      );
    });
  }, []);

  useEffect(() => {
    load(tab);
  }, [tab, load]);
  useEffect(() => {
    const again = () => load(tab);
    Taro.eventCenter.on(EVENTS.personaChanged, again);
    return () => {
      Taro.eventCenter.off(EVENTS.personaChanged, again);
    };
  }, [tab, load]);

  const loadMore = () => {
    if (list.status !== 'ready' || list.more === 'loading') return;
    const t = ticket.current;
    setList({ ...list, more: 'loading' });
    void api.member.adminListApplications({ status: tab, offset: list.items.length, limit: PAGE }).then((res) => {
      if (t !== ticket.current) return;
      setList((prev) => {
        if (prev.status !== 'ready') return prev;
        if (!res.ok) return { ...prev, more: res.error.message };
        const seen = new Set(prev.items.map((i) => i.id));
        return {
          status: 'ready',
          items: [...prev.items, ...res.data.items.filter((i) => !seen.has(i.id))],
          total: res.data.total,
          more: 'idle',
        };
      });
    });
  };

  return (
    <View className={`page am-review${elderClass()}`}>
      <View className='am-tabs'>
        {TABS.map((t) => (
          <Text key={t.key} className={`am-tab ${t.key === tab ? 'am-tab--on' : ''}`} onClick={() => setTab(t.key)}>
            {t.title}
          </Text>
        ))}
      </View>

      {list.status === 'loading' ? (
        <View className='card'>
          <Skeleton rows={5} />
        </View>
      ) : list.status === 'error' ? (
        <ErrorState message={list.message} onRetry={() => load(tab)} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={tab === 'pending' ? '暂无待审核的入会申请' : '暂无记录'}
          hint='仅显示本级及下级工会受理的申请。已有会员名单的，可以批量导入。'
          action={{ label: '批量导入会员', to: { kind: 'page', url: '/packages/admin/member/import/index' } }}
        />
      ) : (
        <>
          <Text className='note'>{`共 ${list.total} 条${tab === 'pending' ? '，按提交时间先后排列' : ''}`}</Text>
          {list.items.map((item) => (
            <ApplicationItem key={item.id} item={item} />
          ))}
          {list.items.length < list.total ? (
            <Text className='am-more' onClick={loadMore}>
              {list.more === 'loading' ? '正在加载…' : list.more === 'idle' ? '加载更多' : `${list.more}，点击重试`}
            </Text>
          ) : null}
        </>
      )}
      <Text className='note'>审核时请核对申请人的姓名、单位与所选工会是否相符。姓名在审核后不再保存明文。</Text>
      <LocalTools />
    </View>
  );
}
