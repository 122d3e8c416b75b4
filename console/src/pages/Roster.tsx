/** An activity's 报名名单: signed-up and waitlisted members (masked), check-in, CSV export. */
import { useCallback, useEffect, useState } from 'react';
import type { AdminPostView, AdminRosterResult, RosterItem } from '../../../shared/content/views';
import { api } from '../api/api';
import { DataTable, type Column } from '../components/DataTable';
import { downloadCsv, toCsv } from '../lib/csv';
import { when } from '../lib/dates';

export function Roster({ post, onClose }: { post: AdminPostView; onClose: () => void }) {
  const [data, setData] = useState<AdminRosterResult | null>(null);
  const [items, setItems] = useState<RosterItem[]>([]);
  const [state, setState] = useState<{ kind: 'loading' | 'ready' } | { kind: 'error'; message: string }>({ kind: 'loading' });
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      setState({ kind: 'loading' });
      const res = await api.content.roster({ postId: post.id, limit: 100, ...(cursor ? { cursor } : {}) });
      if (!res.ok) return setState({ kind: 'error', message: res.error.message });
      setData(res.data);
      setItems((prev) => (cursor ? [...prev, ...res.data.items] : res.data.items));
      setState({ kind: 'ready' });
    },
    [post.id],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  const checkIn = async (item: RosterItem) => {
    const res = await api.content.checkIn({ signupId: item.id });
    if (!res.ok) return setMessage(res.error.message);
    setMessage(res.data.already ? `${item.nameMasked} 已签到过` : `${item.nameMasked} 签到成功`);
    setItems(items.map((i) => (i.id === item.id ? res.data.item : i)));
  };

  const columns: Column<RosterItem>[] = [
    { key: 'name', title: '姓名', render: (i) => i.nameMasked },
    { key: 'status', title: '状态', render: (i) => i.statusLabel },
    { key: 'at', title: '报名时间', render: (i) => when(i.createdAt) },
    {
      key: 'check',
      title: '签到',
      render: (i) =>
        i.checkedInAt ? (
          `已签到 ${when(i.checkedInAt, 'HH:mm')}`
        ) : i.status === 'signed' ? (
          <button type='button' className='link' onClick={() => void checkIn(i)}>
            签到
          </button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <section>
      <div className='page-head'>
        <h2>报名名单：{post.title}</h2>
        <div className='toolbar'>
          {data ? (
            <span>
              已报名 {data.counts.signed} · 候补 {data.counts.waitlisted} · 已签到 {data.counts.checkedIn}
            </span>
          ) : null}
          <button
            type='button'
            className='btn btn--plain'
            disabled={items.length === 0}
            onClick={() =>
              downloadCsv(
                `报名名单_${post.title}.csv`,
                toCsv(
                  ['姓名', '状态', '报名时间', '签到时间'],
                  items.map((i) => [i.nameMasked, i.statusLabel, when(i.createdAt), i.checkedInAt ? when(i.checkedInAt) : '']),
                ),
              )
            }
          >
            导出 CSV
          </button>
          <button type='button' className='btn btn--plain' onClick={onClose}>
            返回列表
          </button>
        </div>
      </div>
      {message ? <p className='note'>{message}</p> : null}
      <DataTable
        caption='报名名单'
        columns={columns}
        rows={items}
        rowKey={(i) => i.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load(null)}
        empty='还没有人报名'
      />
      {data?.nextCursor ? (
        <button type='button' className='btn btn--plain more' onClick={() => void load(data.nextCursor)}>
          加载更多
        </button>
      ) : null}
    </section>
  );
}
