/**
 * 发布: the union's articles and activities (drafts, scheduled, published, withdrawn), newest
 * edits first, loaded page by page; 新建 / 编辑 open the editor with its phone preview; an
 * activity's 报名名单 shows its roster with check-in.
 */
import { useCallback, useEffect, useState } from 'react';
import { STATUS_LABELS, type AdminPostView, type PostStatus, type UnionBrief } from '../../../shared/content/views';

import { api } from '../api/api';
import { DataTable, type Column } from '../components/DataTable';
import { when } from '../lib/dates';
import { PostEditor } from './PostEditor';
import { Roster } from './Roster';

const PAGE = 30;

export function Publish() {
  const [status, setStatus] = useState<'' | PostStatus>('');
  const [items, setItems] = useState<AdminPostView[]>([]);
  const [unions, setUnions] = useState<UnionBrief[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ kind: 'loading' | 'ready' } | { kind: 'error'; message: string }>({ kind: 'loading' });
  const [editing, setEditing] = useState<AdminPostView | 'new' | null>(null);
  const [roster, setRoster] = useState<AdminPostView | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setState({ kind: 'loading' });
      const res = await api.content.list({ limit: PAGE, ...(status ? { status } : {}), ...(after ? { cursor: after } : {}) });
      if (!res.ok) return setState({ kind: 'error', message: res.error.message });
      setItems((prev) => (after ? [...prev, ...res.data.items] : res.data.items));
      setUnions(res.data.unions);
      setCursor(res.data.nextCursor);
      setState({ kind: 'ready' });
    },
    [status],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  if (editing) {
    return (
      <PostEditor
        post={editing === 'new' ? null : editing}
        unions={unions}
        onClose={() => {
          setEditing(null);
          void load(null);
        }}
      />
    );
  }
  if (roster) return <Roster post={roster} onClose={() => setRoster(null)} />;

  const columns: Column<AdminPostView>[] = [
    { key: 'title', title: '标题', render: (p) => p.title },
    { key: 'kind', title: '类型', width: 70, render: (p) => (p.kind === 'activity' ? '活动' : '资讯') },
    { key: 'union', title: '发布工会', width: 180, render: (p) => p.union.name },
    { key: 'status', title: '状态', width: 90, render: (p) => STATUS_LABELS[p.status] },
    { key: 'time', title: '发布时间', width: 140, render: (p) => when(p.publishedAt ?? p.publishAt) },
    { key: 'reads', title: '阅读', width: 70, render: (p) => p.readCount },
    { key: 'signups', title: '报名 / 候补', width: 100, render: (p) => (p.kind === 'activity' ? `${p.signedUp} / ${p.waitlisted}` : '—') },
    { key: 'updated', title: '最后修改', width: 140, optional: true, render: (p) => when(p.updatedAt) },
    {
      key: 'ops',
      title: '',
      width: 150,
      render: (p) => (
        <span className='ops'>
          <button type='button' className='link pb-edit' onClick={() => setEditing(p)}>
            编辑
          </button>
          {p.kind === 'activity' && p.status === 'published' ? (
            <button type='button' className='link' onClick={() => setRoster(p)}>
              报名名单
            </button>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <section className='page-publish'>
      <div className='page-head'>
        <h2>发布</h2>
        <div className='toolbar'>
          <select value={status} onChange={(e) => setStatus(e.target.value as '' | PostStatus)} aria-label='状态'>
            <option value=''>全部</option>
            {(Object.keys(STATUS_LABELS) as PostStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <button type='button' className='btn pb-new' disabled={unions.length === 0} onClick={() => setEditing('new')}>
            新建
          </button>
        </div>
      </div>
      <DataTable
        caption='已发布与草稿'
        columns={columns}
        rows={items}
        rowKey={(p) => p.id}
        state={state.kind === 'loading' && items.length ? 'ready' : state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load(null)}
        empty='还没有内容，点击「新建」发布第一篇'
        onOpen={setEditing}
      />
      {cursor ? (
        <button type='button' className='btn btn--plain more' disabled={state.kind === 'loading'} onClick={() => void load(cursor)}>
          {state.kind === 'loading' ? '正在加载…' : '加载更多'}
        </button>
      ) : null}
    </section>
  );
}
