/**
 * One drop in a side panel: 领取情况 (benefit.figures), 核销记录 (benefit.adminRedemptions, paged
 * and ordered by time on the server: the 时间 column sorts there) and, for a draw, the public
 * draw record (benefit.drawProof) with 如何验证 in plain words and a check run in this browser.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminDropRow, AdminRedemptionsResult, DrawProof, FiguresResult, RedemptionRow } from '../../../shared/benefit/schemas';
import type { DrawCheck } from '../../../shared/benefit/draw';
import { formatBusiness } from '../../../shared/time';
import { api } from '../api/api';
import { DataTable, type Column, type Sort } from '../components/DataTable';
import { checkDraw } from '../lib/drawCheck';

const LIMIT = 10;
type Load<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };

function Figures({ figures }: { figures: FiguresResult }) {
  const cards: Array<[string, number]> = [
    ['数量', figures.stock],
    ['已领取', figures.claims],
    ['预约报名', figures.registrations],
    ['已核销', figures.redemptions],
    ['已过期', figures.expired],
  ];
  return (
    <div className='ov-cards'>
      {cards.map(([label, value]) => (
        <div key={label} className='ov-card'>
          <div className='ov-card__label'>{label}</div>
          <div className='ov-card__value'>{value}</div>
        </div>
      ))}
    </div>
  );
}

function DrawRecord({ dropId }: { dropId: string }) {
  const [proof, setProof] = useState<Load<DrawProof>>({ kind: 'loading' });
  const [check, setCheck] = useState<DrawCheck | 'running' | null>(null);
  useEffect(() => {
    void api.benefit
      .drawProof(dropId)
      .then((res) => setProof(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message }));
  }, [dropId]);
  if (proof.kind === 'loading') return <p className='note'>正在读取抽签记录…</p>;
  if (proof.kind === 'error') return <p className='error-text'>{proof.message}</p>;
  const p = proof.data;
  const run = async () => {
    if (!p.seed) return;
    setCheck('running');
    setCheck(await checkDraw({ ...p, seed: p.seed }));
  };
  return (
    <div className='bf-draw'>
      <h4>抽签记录</h4>
      <dl className='kv kv--wide'>
        <dt>种子承诺</dt>
        <dd className='mono'>{p.seedHash}</dd>
        <dt>种子</dt>
        <dd className='mono'>{p.seed ?? '开奖时公布'}</dd>
        <dt>报名人数</dt>
        <dd>{p.seed ? `${p.entrants.length} 人` : '开奖时公布'}</dd>
        <dt>中签</dt>
        <dd>{p.seed ? `${p.winners.length} 人（共 ${p.stock} 份）` : '—'}</dd>
        <dt>开奖时间</dt>
        <dd>{p.drawnAt ? formatBusiness(p.drawnAt, 'YYYY-MM-DD HH:mm:ss') : '未开奖'}</dd>
      </dl>
      <h4>如何验证</h4>
      <ol className='bf-how'>
        <li>
          报名截止前，工会先公布「种子承诺」：它是一串只有工会知道的「种子」经 SHA-256
          计算得到的结果。种子一旦定下就不能再改，否则承诺对不上。
        </li>
        <li>开奖时公布种子和全部报名编号（匿名，不含姓名）。任何人都可以算一遍：种子的 SHA-256 应当等于之前公布的承诺。</li>
        <li>
          对每个报名编号计算 SHA-256（种子 + “:” + 编号），结果从小到大排列，前 {p.stock}{' '}
          个就是中签者。名单与公布的一致，说明抽签没有人为挑选。
        </li>
        <li>会员可在小程序「我的领取」中看到自己的报名编号，对照名单查找自己。</li>
      </ol>
      {p.seed ? (
        <div className='inline'>
          <button type='button' className='btn btn--plain' disabled={check === 'running'} onClick={() => void run()}>
            在本机复核
          </button>
          {check && check !== 'running' ? (
            check.commitmentOk && check.matchesPublished ? (
              <span className='ok-text'>复核通过：种子与承诺一致，算出的 {check.winners.length} 名中签者与公布名单完全相同。</span>
            ) : (
              <span className='error-text'>
                复核不一致：{check.commitmentOk ? '种子与承诺一致，但中签名单不同' : '种子与承诺不一致'}。请联系发布工会。
              </span>
            )
          ) : null}
        </div>
      ) : (
        <p className='note'>尚未开奖：开奖后可在此复核。</p>
      )}
    </div>
  );
}

export function BenefitDrop({ drop, onClose }: { drop: AdminDropRow; onClose: () => void }) {
  const [figures, setFigures] = useState<Load<FiguresResult>>({ kind: 'loading' });
  const [log, setLog] = useState<Load<AdminRedemptionsResult>>({ kind: 'loading' });
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<Sort>({ key: 'at', dir: 'desc' });

  useEffect(() => {
    setFigures({ kind: 'loading' });
    void api.benefit
      .figures(drop.id)
      .then((res) => setFigures(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message }));
  }, [drop.id]);
  const loadLog = useCallback(async () => {
    setLog({ kind: 'loading' });
    const res = await api.benefit.redemptions({ dropId: drop.id, offset, limit: LIMIT, order: sort.dir });
    setLog(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [drop.id, offset, sort.dir]);
  useEffect(() => {
    void loadLog();
  }, [loadLog]);

  const columns: Column<RedemptionRow>[] = [
    { key: 'at', title: '时间', width: 150, sortValue: (r) => r.at, render: (r) => formatBusiness(r.at, 'MM-DD HH:mm:ss') },
    { key: 'code', title: '兑换码', width: 140, render: (r) => <span className='mono'>{r.code}</span> },
    {
      key: 'outcome',
      title: '结果',
      render: (r) => <span className={r.outcome === 'redeemed' ? 'ok-text' : 'error-text'}>{r.outcomeLabel}</span>,
    },
    { key: 'by', title: '核销人', width: 120, render: (r) => r.by },
  ];

  return (
    <aside className='drawer drawer--wide' aria-label={`福利详情：${drop.title}`}>
      <div className='drawer__head'>
        <h3>{drop.title}</h3>
        <button type='button' className='btn btn--plain' onClick={onClose}>
          关闭
        </button>
      </div>
      <h4>领取情况</h4>
      {figures.kind === 'ready' ? (
        <Figures figures={figures.data} />
      ) : figures.kind === 'error' ? (
        <p className='error-text'>{figures.message}</p>
      ) : (
        <p className='note'>正在加载…</p>
      )}
      <h4>核销记录</h4>
      <DataTable
        caption='核销记录'
        columns={columns}
        rows={log.kind === 'ready' ? log.data.items : []}
        rowKey={(r) => `${r.at}-${r.code}-${r.outcome}`}
        state={log.kind}
        error={log.kind === 'error' ? log.message : undefined}
        onRetry={() => void loadLog()}
        empty='还没有核销记录'
        page={log.kind === 'ready' ? { offset: log.data.offset, limit: log.data.limit, total: log.data.total } : undefined}
        onPage={setOffset}
        sort={sort}
        onSort={(next) => {
          setSort(next);
          setOffset(0);
        }}
      />
      {drop.mode === 'draw' ? <DrawRecord dropId={drop.id} /> : null}
    </aside>
  );
}
