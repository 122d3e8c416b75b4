/**
 * 疗休养 → 审批: pick a unit, see its places for the year (quota vs the staff share, approved,
 * left) and its applicants ranked by priority score (recuperation.adminApplicants, the server's
 * ranking); 批准 within the quota and caps (the server refuses and names the rule otherwise),
 * 不批准 with a reason; 推荐 a member of the unit who did not apply (adminNominate); 导出 CSV.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminApplicantsResult, ApplicantView, UnitMemberView, UnitView } from '../../../../shared/recuperation/schemas';
import { MEMBER_TAG_LABELS } from '../../../../shared/member/tags';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../api/api';
import { DataTable, type Column } from '../../components/DataTable';
import { downloadCsv, toCsv } from '../../lib/csv';

type Load<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };
type Status = 'pending' | 'approved' | 'refused' | 'all';
const STATUSES: Array<[Status, string]> = [
  ['pending', '待审核'],
  ['approved', '已批准'],
  ['refused', '未批准'],
  ['all', '全部'],
];

function Places({ u }: { u: UnitView }) {
  return (
    <div className='ov-cards'>
      {(
        [
          ['已批准', u.approved],
          [`${u.year} 年可用名额`, u.limit],
          ['剩余', u.placesLeft],
          ['年度名额', u.quota],
        ] as const
      ).map(([label, value]) => (
        <div key={label} className='ov-card'>
          <div className='ov-card__label'>{label}</div>
          <div className='ov-card__value' data-figure={label}>
            {value}
          </div>
        </div>
      ))}
    </div>
  );
}

export function RecuApplicants({ units }: { units: UnitView[] }) {
  const [unionId, setUnionId] = useState((units.find((u) => u.configured) ?? units[0])?.unit.id ?? '');
  const [status, setStatus] = useState<Status>('pending');
  const [list, setList] = useState<Load<AdminApplicantsResult>>({ kind: 'loading' });
  const [refusing, setRefusing] = useState<ApplicantView | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [nominating, setNominating] = useState<Load<UnitMemberView[]> | null>(null);
  const [batchId, setBatchId] = useState('');
  const [batches, setBatches] = useState<Array<{ id: string; title: string; period: string }>>([]);

  const load = useCallback(async () => {
    if (!unionId) return;
    setList({ kind: 'loading' });
    const res = await api.recuperation.applicants({ unionId, status });
    setList(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [unionId, status]);
  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (a: ApplicantView, decision: 'approve' | 'refuse') => {
    setBusy(true);
    setMessage(null);
    const res = await api.recuperation.decide({
      applicationId: a.id,
      decision,
      ...(decision === 'refuse' ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    // The server names the rule that stops an approval (名额、比例、费用标准…).
    if (!res.ok) return setMessage({ ok: false, text: `${a.nameMasked}：${res.error.message}` });
    setMessage({ ok: true, text: `${a.nameMasked}：${decision === 'approve' ? '已批准' : '未批准，已通知本人'}` });
    setRefusing(null);
    setReason('');
    void load();
  };

  const openNominate = async () => {
    setNominating({ kind: 'loading' });
    const [members, all] = await Promise.all([api.recuperation.unitMembers(unionId), api.recuperation.batches()]);
    if (!members.ok) return setNominating({ kind: 'error', message: members.error.message });
    const open = all.ok ? all.data.batches.filter((b) => b.accepting) : [];
    setBatches(open.map((b) => ({ id: b.id, title: b.title, period: b.period })));
    setBatchId(open[0]?.id ?? '');
    setNominating({ kind: 'ready', data: members.data.members });
  };
  const nominate = async (m: UnitMemberView) => {
    if (!batchId) return setMessage({ ok: false, text: '请先选择批次' });
    const res = await api.recuperation.nominate({ batchId, memberId: m.memberId });
    if (!res.ok) return setMessage({ ok: false, text: `${m.nameMasked}：${res.error.message}` });
    setMessage({ ok: true, text: `已推荐 ${m.nameMasked}，列入待审核` });
    setNominating(null);
    void load();
  };

  const exportCsv = () => {
    if (list.kind !== 'ready') return;
    const unit = list.data.unit.unit.name;
    const header = ['排名', '会员', '标签', '来源', '批次', '时间', '优先分', '状态', '申请时间', '不予批准原因'];
    const rows = list.data.items.map((a) => [
      a.rank,
      a.nameMasked,
      a.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、'),
      a.source === 'nominated' ? '工会推荐' : '本人申请',
      a.batch.title,
      a.batch.period,
      a.priority.score,
      a.statusLabel,
      formatBusiness(a.submittedAt),
      a.refuseReason ?? '',
    ]);
    downloadCsv(`疗休养申请_${unit}_${formatBusiness(Date.now(), 'YYYY-MM-DD')}.csv`, toCsv(header, rows));
  };

  const columns: Column<ApplicantView>[] = [
    { key: 'rank', title: '排名', width: 60, sortValue: (a) => a.rank, render: (a) => a.rank },
    { key: 'name', title: '会员', width: 90, sortValue: (a) => a.nameMasked, render: (a) => a.nameMasked },
    {
      key: 'tags',
      title: '标签',
      width: 170,
      render: (a) =>
        [
          ...a.tags.map((t) => MEMBER_TAG_LABELS[t]),
          ...(a.source === 'nominated' ? ['工会推荐'] : []),
          ...(a.memberSuspended ? ['会员卡已停用'] : []),
        ].join('、') || '—',
    },
    { key: 'batch', title: '批次', sortValue: (a) => a.batch.title, render: (a) => `${a.batch.title}（${a.batch.period}）` },
    {
      key: 'score',
      title: '优先分',
      width: 80,
      sortValue: (a) => a.priority.score,
      render: (a) => <span title={a.priority.explanation}>{a.priority.score}</span>,
    },
    { key: 'why', title: '计分说明', optional: true, render: (a) => a.priority.explanation },
    {
      key: 'submitted',
      title: '申请时间',
      width: 130,
      sortValue: (a) => a.submittedAt,
      render: (a) => formatBusiness(a.submittedAt, 'MM-DD HH:mm'),
    },
    {
      key: 'status',
      title: '状态',
      width: 80,
      sortValue: (a) => a.statusLabel,
      render: (a) => (a.refuseReason ? <span title={a.refuseReason}>{a.statusLabel}</span> : a.statusLabel),
    },
    {
      key: 'ops',
      title: '',
      width: 130,
      render: (a) =>
        a.status === 'pending' ? (
          <span className='ops'>
            {a.memberSuspended ? null : (
              <button type='button' className='link' disabled={busy} onClick={() => void decide(a, 'approve')}>
                批准
              </button>
            )}
            <button type='button' className='link' disabled={busy} onClick={() => setRefusing(a)}>
              不批准
            </button>
          </span>
        ) : null,
    },
  ];

  const data = list.kind === 'ready' ? list.data : null;
  return (
    <div className='rc-applicants'>
      <div className='toolbar toolbar--left'>
        <label className='inline'>
          基层工会
          <select aria-label='基层工会' value={unionId} onChange={(e) => setUnionId(e.target.value)}>
            {units.map((u) => (
              <option key={u.unit.id} value={u.unit.id}>
                {u.unit.name}
                {u.configured ? '' : '（未设置名额）'}
              </option>
            ))}
          </select>
        </label>
        <span role='tablist' aria-label='申请状态' className='inline'>
          {STATUSES.map(([key, label]) => (
            <button
              key={key}
              type='button'
              role='tab'
              aria-selected={status === key}
              className={status === key ? 'btn' : 'btn btn--plain'}
              onClick={() => setStatus(key)}
            >
              {label}
            </button>
          ))}
        </span>
        <button type='button' className='btn btn--plain' onClick={() => void openNominate()}>
          推荐人选
        </button>
        <button type='button' className='btn btn--plain' disabled={!data} onClick={exportCsv}>
          导出 CSV
        </button>
      </div>
      {data ? <Places u={data.unit} /> : null}
      {data ? (
        <p className='note'>
          年度名额 {data.unit.quota} 人，职工 {data.unit.staffCount} 人的{data.unit.staffShare.label}为{' '}
          {Math.floor((data.unit.staffCount * data.unit.staffShare.num) / data.unit.staffShare.den)}{' '}
          人，取较小者；领导干部不超过每批次本单位人数的{data.unit.leaderShare.label}；费用标准 {data.unit.costCapLabel}；
          {data.unit.noRepeatYears} 年内不重复参加。按优先分从高到低排列（同分按申请先后）。
        </p>
      ) : null}
      {message ? <p className={message.ok ? 'ok-text rc-message' : 'error-text rc-message'}>{message.text}</p> : null}
      <DataTable
        caption='疗休养申请'
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(a) => a.id}
        state={list.kind}
        error={list.kind === 'error' ? list.message : undefined}
        onRetry={() => void load()}
        empty='暂无申请'
      />
      {refusing ? (
        <div className='dialog' role='dialog' aria-label='不予批准'>
          <div className='dialog__box'>
            <h3>不批准：{refusing.nameMasked}</h3>
            <label className='inline'>
              原因
              <input
                className='grow-input'
                aria-label='不予批准的原因'
                value={reason}
                maxLength={200}
                placeholder='请填写不予批准的原因（本人可见）'
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            <div className='dialog__actions'>
              <button type='button' className='btn btn--plain' onClick={() => setRefusing(null)}>
                取消
              </button>
              <button type='button' className='btn' disabled={busy || !reason.trim()} onClick={() => void decide(refusing, 'refuse')}>
                确认不批准
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {nominating ? (
        <div className='dialog' role='dialog' aria-label='推荐人选'>
          <div className='dialog__box dialog__box--wide'>
            <h3>推荐人选（本单位未申请的会员，按优先分排列）</h3>
            <label className='inline'>
              批次
              <select aria-label='推荐批次' value={batchId} onChange={(e) => setBatchId(e.target.value)}>
                {batches.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}（{b.period}）
                  </option>
                ))}
              </select>
            </label>
            {nominating.kind === 'loading' ? <p className='note'>正在加载…</p> : null}
            {nominating.kind === 'error' ? <p className='error-text'>{nominating.message}</p> : null}
            {nominating.kind === 'ready' ? (
              nominating.data.length === 0 ? (
                <p className='note'>本单位没有可推荐的会员。</p>
              ) : (
                <ul className='rc-nominees'>
                  {nominating.data.slice(0, 50).map((m) => (
                    <li key={m.memberId} className='inline'>
                      <span className='grow'>
                        {m.nameMasked} · {m.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、') || '无标签'} · 优先分 {m.priority.score}
                      </span>
                      <button type='button' className='btn btn--plain' onClick={() => void nominate(m)}>
                        推荐
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
            <div className='dialog__actions'>
              <button type='button' className='btn btn--plain' onClick={() => setNominating(null)}>
                关闭
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
