/** 活动与资讯 (union admin): my unions' posts by status, with publish / withdraw / roster / figures. */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { AdminListResult, AdminPostView } from '../../../../../shared/content/views';
import type { PostStatus } from '../../../../../shared/content/views';
import { formatBusiness } from '../../../../../shared/time';
import { api } from '../../../../services/api';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import LocalTools from '../../../../components/LocalTools';
import { usePaged } from '../../../../hooks/usePaged';
import { elderClass } from '../../../../utils/elderMode';
import '../admin.css';

const TABS: Array<{ key: PostStatus | 'all'; title: string }> = [
  { key: 'all', title: '全部' },
  { key: 'draft', title: '草稿' },
  { key: 'scheduled', title: '定时' },
  { key: 'published', title: '已发布' },
  { key: 'withdrawn', title: '已撤回' },
];

function when(p: AdminPostView): string {
  if (p.status === 'scheduled' && p.publishAt) return `将于 ${formatBusiness(p.publishAt)} 发布`;
  if (p.publishedAt) return `发布于 ${formatBusiness(p.publishedAt)}`;
  return `更新于 ${formatBusiness(p.updatedAt)}`;
}

export default function AdminContentList() {
  const [status, setStatus] = useState<PostStatus | 'all'>('all');
  const { state, reload, loadMore } = usePaged<AdminPostView, AdminListResult>((cursor) =>
    api.content.adminList({ ...(status === 'all' ? {} : { status }), ...(cursor ? { cursor } : {}) }),
  );
  useReachBottom(loadMore);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [status, reload]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });

  const go = (url: string) => void Taro.navigateTo({ url });
  const publish = async (p: AdminPostView) => {
    const res = await api.content.adminPublish(p.id);
    void Taro.showToast({ title: res.ok ? '已发布' : res.error.message, icon: 'none' });
    reload();
  };
  const withdraw = async (p: AdminPostView) => {
    const ok = await Taro.showModal({ title: '撤回内容', content: '撤回后会员将看不到这条内容，确定撤回吗？' });
    if (!ok.confirm) return;
    const res = await api.content.adminWithdraw(p.id);
    void Taro.showToast({ title: res.ok ? '已撤回' : res.error.message, icon: 'none' });
    reload();
  };

  return (
    <View className={`page${elderClass()}`}>
      <View className='ct-toolbar' style={{ display: 'flex', justifyContent: 'space-between', marginBottom: '16px' }}>
        <Text className='ca-action' onClick={() => go('/packages/admin/content/edit/index?kind=activity')}>
          + 发布活动
        </Text>
        <Text className='ca-action' onClick={() => go('/packages/admin/content/edit/index?kind=article')}>
          + 发布资讯
        </Text>
        <Text className='ca-action' onClick={() => go('/packages/admin/content/figures/index')}>
          数据统计
        </Text>
      </View>
      <View className='ca-tabs'>
        {TABS.map((t) => (
          <Text key={t.key} className={`ca-tab ${status === t.key ? 'ca-tab--on' : ''}`} onClick={() => setStatus(t.key)}>
            {t.title}
          </Text>
        ))}
      </View>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.items.length === 0 ? (
        <View className='card'>
          <EmptyState title='暂无内容' hint='点击“发布活动”或“发布资讯”开始' />
        </View>
      ) : (
        state.items.map((p) => (
          <View key={p.id} className='card ca-item'>
            <View className='ca-item__head'>
              <Text className='ca-item__title'>{p.title}</Text>
              <Text className={`ca-status ca-status--${p.status}`}>{p.statusLabel}</Text>
            </View>
            <Text className='ca-line'>
              {p.union.name} · {p.kind === 'activity' ? '活动' : '资讯'} · {when(p)}
            </Text>
            <Text className='ca-line'>
              阅读 {p.readCount}
              {p.activity?.signupEnabled ? ` · 报名 ${p.signedUp}/${p.activity.capacity ?? 0} · 候补 ${p.waitlisted}` : ''}
            </Text>
            <View className='ca-actions'>
              {p.status !== 'withdrawn' ? (
                <Text className='ca-action' onClick={() => go(`/packages/admin/content/edit/index?id=${p.id}`)}>
                  编辑
                </Text>
              ) : null}
              {p.status === 'draft' ? (
                <Text className='ca-action' onClick={() => void publish(p)}>
                  立即发布
                </Text>
              ) : null}
              {p.activity?.signupEnabled ? (
                <Text className='ca-action' onClick={() => go(`/packages/admin/content/roster/index?id=${p.id}`)}>
                  报名名单
                </Text>
              ) : null}
              {p.status !== 'withdrawn' ? (
                <Text className='ca-action' onClick={() => void withdraw(p)}>
                  撤回
                </Text>
              ) : null}
            </View>
          </View>
        ))
      )}
      <LocalTools />
    </View>
  );
}
