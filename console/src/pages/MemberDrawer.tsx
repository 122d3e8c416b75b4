/**
 * One member's panel: the card's 变更记录 (adminMemberHistory), 停用/恢复 with a reason
 * (adminSetStatus) and 转会 with a note (adminUpdateMember). Each change keeps its request id
 * until it succeeds, so 重试 after a network failure cannot apply it twice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CARD_STATUS_LABELS,
  STATUS_REASON_MIN,
  UPDATE_NOTE_MIN,
  type AdminMemberDetail,
  type AdminMemberHistoryResult,
} from '../../../shared/member/schemas';
import { MEMBER_TAG_LABELS } from '../../../shared/member/tags';
import { api } from '../api/api';
import { newRequestId } from '../api/client';
import { UnionPicker } from '../components/UnionPicker';

export function MemberDrawer({ member, onClose, onChanged }: { member: AdminMemberDetail; onClose: () => void; onChanged: () => void }) {
  const [history, setHistory] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: AdminMemberHistoryResult }
  >({ kind: 'loading' });
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef(new Map<string, string>());

  const load = useCallback(async () => {
    setHistory({ kind: 'loading' });
    const res = await api.member.history(member.cardNo);
    setHistory(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [member.cardNo]);
  useEffect(() => {
    void load();
  }, [load]);

  const current = history.kind === 'ready' ? history.data.member : member;
  const requestIdFor = (key: string) => pending.current.get(key) ?? pending.current.set(key, newRequestId()).get(key)!;

  const setStatus = async () => {
    const status = current.status === 'active' ? 'revoked' : 'active';
    if (status === 'revoked' && reason.trim().length < STATUS_REASON_MIN) {
      setMessage({ ok: false, text: `请填写停用原因（至少 ${STATUS_REASON_MIN} 个字）` });
      return;
    }
    setBusy(true);
    const key = `status:${status}:${reason.trim()}`;
    const res = await api.member.setStatus(
      { memberId: current.id, status, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      requestIdFor(key),
    );
    setBusy(false);
    if (res.ok) pending.current.delete(key);
    setMessage(
      res.ok
        ? { ok: true, text: status === 'revoked' ? '会员卡已停用，会员已收到通知' : '会员卡已恢复' }
        : { ok: false, text: res.error.message },
    );
    if (res.ok) {
      setReason('');
      onChanged();
      void load();
    }
  };

  const transfer = async () => {
    if (!target) return setMessage({ ok: false, text: '请选择转入工会' });
    if (note.trim().length < UPDATE_NOTE_MIN) return setMessage({ ok: false, text: `请填写转会说明（至少 ${UPDATE_NOTE_MIN} 个字）` });
    setBusy(true);
    const key = `transfer:${target}:${note.trim()}`;
    const res = await api.member.update({ cardNo: current.cardNo, unionId: target, note: note.trim() }, requestIdFor(key));
    setBusy(false);
    if (res.ok) pending.current.delete(key);
    setMessage(res.ok ? { ok: true, text: '已转会，会员已收到通知' } : { ok: false, text: res.error.message });
    if (res.ok) {
      setNote('');
      onChanged();
      void load();
    }
  };

  return (
    <aside className='drawer' role='dialog' aria-label={`会员 ${current.cardNo}`}>
      <div className='drawer__head'>
        <h3>
          {current.nameMasked} · {current.cardNo}
        </h3>
        <button type='button' className='btn btn--plain' onClick={onClose}>
          关闭
        </button>
      </div>
      <dl className='kv'>
        <dt>所属工会</dt>
        <dd>{current.union.name}</dd>
        <dt>标签</dt>
        <dd>{current.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、') || '—'}</dd>
        <dt>会员卡</dt>
        <dd>{CARD_STATUS_LABELS[current.status]}</dd>
      </dl>
      <h4>{current.status === 'active' ? '停用会员卡' : '恢复会员卡'}</h4>
      <div className='inline'>
        <input
          value={reason}
          maxLength={200}
          placeholder={current.status === 'active' ? '停用原因（会员会看到）' : '说明（选填）'}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type='button'
          className={current.status === 'active' ? 'btn btn--danger' : 'btn'}
          disabled={busy}
          onClick={() => void setStatus()}
        >
          {current.status === 'active' ? '停用' : '恢复'}
        </button>
      </div>
      <h4>转会</h4>
      <div className='inline'>
        <UnionPicker value={target} onChange={setTarget} />
      </div>
      <div className='inline'>
        <input value={note} maxLength={100} placeholder='转会说明（会员会看到）' onChange={(e) => setNote(e.target.value)} />
        <button type='button' className='btn' disabled={busy} onClick={() => void transfer()}>
          转会
        </button>
      </div>
      {message ? <p className={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p> : null}
      <h4>变更记录</h4>
      {history.kind === 'loading' ? <p className='note'>正在加载…</p> : null}
      {history.kind === 'error' ? (
        <p className='error-text'>
          {history.message}{' '}
          <button type='button' className='link' onClick={() => void load()}>
            重试
          </button>
        </p>
      ) : null}
      {history.kind === 'ready' ? (
        history.data.entries.length === 0 ? (
          <p className='note'>暂无变更记录</p>
        ) : (
          <ol className='history'>
            {history.data.entries.map((e) => (
              <li key={e.id}>
                <strong>{e.title}</strong> · {e.atText} · {e.byName}
                {e.details.map((d) => (
                  <div key={d} className='note'>
                    {d}
                  </div>
                ))}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </aside>
  );
}
