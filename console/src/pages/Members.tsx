/**
 * 会员: the members of the admin's subtree — search by card number, filter by union, tag and card
 * status, pages on the server, export everything that matches as CSV — and, per member, the card
 * history, 停用/恢复 and 转会 (existing admin actions). 批量导入 opens the import panel.
 */
import { useCallback, useEffect, useState } from 'react';
import { MEMBER_LIST_MAX, type AdminListMembersRequest, type AdminListMembersResult } from '../../../shared/member/console';
import { CARD_STATUS_LABELS, type AdminMemberDetail } from '../../../shared/member/schemas';
import { MEMBER_TAGS, MEMBER_TAG_LABELS, type MemberTag } from '../../../shared/member/tags';
import { api } from '../api/api';
import { DataTable, type Column } from '../components/DataTable';
import { UnionPicker } from '../components/UnionPicker';
import { downloadCsv, toCsv } from '../lib/csv';
import { when } from '../lib/dates';
import { MemberDrawer } from './MemberDrawer';
import { MemberImport } from './MemberImport';

const PAGE = 50;
/** Rows an export fetches at most (page by page). */
const EXPORT_MAX = 20000;

type Filters = { unionId: string; status: '' | 'active' | 'revoked'; tag: '' | MemberTag; cardNo: string };

function query(f: Filters): AdminListMembersRequest {
  return {
    ...(f.unionId ? { unionId: f.unionId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(f.cardNo.trim() ? { cardNo: f.cardNo.trim() } : {}),
  };
}

export function Members() {
  const [filters, setFilters] = useState<Filters>({ unionId: '', status: '', tag: '', cardNo: '' });
  const [cardInput, setCardInput] = useState('');
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: AdminListMembersResult }
  >({ kind: 'loading' });
  const [open, setOpen] = useState<AdminMemberDetail | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.member.listMembers({ ...query(filters), offset, limit: PAGE });
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [filters, offset]);
  useEffect(() => {
    void load();
  }, [load]);
  const set = (patch: Partial<Filters>) => {
    setOffset(0);
    setFilters({ ...filters, ...patch });
  };

  const exportAll = async () => {
    const all: AdminMemberDetail[] = [];
    for (let at = 0; at < EXPORT_MAX; at += MEMBER_LIST_MAX) {
      setExporting(`正在导出（${all.length} 条）…`);
      const res = await api.member.listMembers({ ...query(filters), offset: at, limit: MEMBER_LIST_MAX });
      if (!res.ok) {
        setExporting(`导出失败：${res.error.message}`);
        return;
      }
      all.push(...res.data.items);
      if (at + MEMBER_LIST_MAX >= res.data.total) break;
    }
    const csv = toCsv(
      ['会员卡号', '姓名', '所属工会', '标签', '会员卡状态', '已绑定微信'],
      all.map((m) => [
        m.cardNo,
        m.nameMasked,
        m.union.name,
        m.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、'),
        CARD_STATUS_LABELS[m.status],
        m.claimed ? '是' : '否',
      ]),
    );
    downloadCsv('会员名单.csv', csv);
    setExporting(null);
  };

  const columns: Column<AdminMemberDetail>[] = [
    { key: 'card', title: '会员卡号', width: 150, render: (m) => m.cardNo },
    { key: 'name', title: '姓名', width: 90, render: (m) => m.nameMasked },
    { key: 'union', title: '所属工会', render: (m) => m.union.name },
    { key: 'tags', title: '标签', render: (m) => m.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、') || '—' },
    {
      key: 'status',
      title: '会员卡',
      width: 90,
      render: (m) => <span className={m.status === 'active' ? '' : 'error-text'}>{CARD_STATUS_LABELS[m.status]}</span>,
    },
    { key: 'claimed', title: '已绑定微信', width: 100, render: (m) => (m.claimed ? '是' : '否') },
    {
      key: 'change',
      title: '最近变更',
      optional: true,
      render: (m) => (m.lastChange ? `${when(m.lastChange.at)} ${m.lastChange.byName}` : '—'),
    },
    {
      key: 'open',
      title: '',
      width: 70,
      render: (m) => (
        <button type='button' className='link mb-open' onClick={() => setOpen(m)}>
          详情
        </button>
      ),
    },
  ];

  return (
    <section className='page-members'>
      <div className='page-head'>
        <h2>会员</h2>
        <div className='toolbar'>
          <form
            className='inline'
            onSubmit={(e) => {
              e.preventDefault();
              set({ cardNo: cardInput });
            }}
          >
            <input
              type='search'
              className='mb-card'
              placeholder='按会员卡号查找'
              value={cardInput}
              onChange={(e) => setCardInput(e.target.value)}
            />
            <button type='submit' className='btn btn--plain'>
              查找
            </button>
          </form>
          <UnionPicker value={filters.unionId} onChange={(unionId) => set({ unionId })} />
          <select value={filters.tag} onChange={(e) => set({ tag: e.target.value as Filters['tag'] })} aria-label='标签'>
            <option value=''>全部标签</option>
            {MEMBER_TAGS.map((t) => (
              <option key={t} value={t}>
                {MEMBER_TAG_LABELS[t]}
              </option>
            ))}
          </select>
          <select value={filters.status} onChange={(e) => set({ status: e.target.value as Filters['status'] })} aria-label='会员卡状态'>
            <option value=''>全部状态</option>
            <option value='active'>有效</option>
            <option value='revoked'>已停用</option>
          </select>
          <button
            type='button'
            className='btn btn--plain mb-export'
            disabled={!!exporting && exporting.startsWith('正在')}
            onClick={() => void exportAll()}
          >
            导出 CSV
          </button>
          <button type='button' className='btn mb-import' onClick={() => setImporting(true)}>
            批量导入
          </button>
        </div>
      </div>
      {exporting ? <p className='note'>{exporting}</p> : null}
      <DataTable
        caption='会员'
        columns={columns}
        rows={state.kind === 'ready' ? state.data.items : []}
        rowKey={(m) => m.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        empty={filters.cardNo ? '未找到该会员卡，或该会员不在您管理的工会范围内' : '没有符合条件的会员'}
        page={state.kind === 'ready' ? { offset: state.data.offset, limit: state.data.limit, total: state.data.total } : undefined}
        onPage={setOffset}
        onOpen={setOpen}
      />
      {open ? <MemberDrawer member={open} onClose={() => setOpen(null)} onChanged={() => void load()} /> : null}
      {importing ? (
        <MemberImport
          onClose={() => {
            setImporting(false);
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
