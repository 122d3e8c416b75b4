/**
 * 花名册 of one 暑托班 class (daycare.staffRoster): children admitted or waiting, their school,
 * emergency contact and attendance; 导出花名册 is the function's CSV (daycare.staffRosterCsv,
 * audited on the server). Only an admin of the site's host chain (or its named staff) gets it.
 */
import { useCallback, useEffect, useState } from 'react';
import { STATUS_LABELS, gradeInSummer, percent } from '../../../../shared/daycare/rules';
import type { FigureRow, RosterRow, StaffRosterResult } from '../../../../shared/daycare/views';
import { api } from '../../api/api';
import { DataTable, type Column } from '../../components/DataTable';
import { downloadCsv } from '../../lib/csv';

export function DaycareRoster({ row, summer, onClose }: { row: FigureRow; summer: number; onClose: () => void }) {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: StaffRosterResult }>(
    { kind: 'loading' },
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.daycare.roster(row.slotId);
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [row.slotId]);
  useEffect(() => {
    void load();
  }, [load]);

  const exportCsv = async () => {
    const res = await api.daycare.rosterCsv(row.slotId);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    downloadCsv(res.data.filename, res.data.csv);
    setMessage({ ok: true, text: '已导出花名册（导出已记入操作记录）' });
  };

  const columns: Column<RosterRow>[] = [
    { key: 'name', title: '孩子', width: 80, sortValue: (r) => r.child.name, render: (r) => r.child.name },
    { key: 'gender', title: '性别', width: 56, render: (r) => (r.child.gender === 'male' ? '男' : '女') },
    {
      key: 'grade',
      title: '年级',
      width: 70,
      sortValue: (r) => gradeInSummer(r.child, summer),
      render: (r) => (gradeInSummer(r.child, summer) ? `${gradeInSummer(r.child, summer)} 年级` : '—'),
    },
    { key: 'school', title: '学校', sortValue: (r) => r.child.school, render: (r) => r.child.school },
    { key: 'contact', title: '紧急联系人', width: 170, render: (r) => `${r.child.emergencyName} ${r.child.emergencyPhone}` },
    { key: 'health', title: '健康提示', optional: true, render: (r) => r.child.healthNotes || '—' },
    { key: 'status', title: '状态', width: 80, sortValue: (r) => STATUS_LABELS[r.status], render: (r) => STATUS_LABELS[r.status] },
    {
      key: 'attendance',
      title: '出勤',
      width: 100,
      sortValue: (r) => r.attendance.rate,
      render: (r) =>
        r.attendance.marked ? `${r.attendance.present}/${r.attendance.marked}（${percent(r.attendance.rate ?? 0)}）` : '未登记',
    },
  ];

  return (
    <aside className='drawer drawer--wide drawer--xl' aria-label={`花名册：${row.siteName} ${row.periodName} ${row.bandLabel}`}>
      <div className='drawer__head'>
        <h3>
          花名册 · {row.siteName} {row.periodName} {row.bandLabel}
        </h3>
        <span className='toolbar'>
          <button
            type='button'
            className='btn btn--plain dc-export-roster'
            disabled={state.kind !== 'ready'}
            onClick={() => void exportCsv()}
          >
            导出花名册
          </button>
          <button type='button' className='btn btn--plain' onClick={onClose}>
            关闭
          </button>
        </span>
      </div>
      <p className='note'>
        名额 {row.capacity} · 已录取 {row.admitted} · 待确认 {row.offered} · 候补 {row.waitlist}
        。孩子信息仅供托管点工作人员和承办工会使用，请勿外传。
      </p>
      {message ? <p className={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p> : null}
      <DataTable
        caption='花名册'
        columns={columns}
        rows={state.kind === 'ready' ? state.data.rows : []}
        rowKey={(r) => r.registrationId}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        empty='这个班期的花名册上还没有孩子'
      />
    </aside>
  );
}
