/**
 * 发布福利 on the console: the fields of the mini-program's admin create page
 * (packages/admin/benefit/create): union, name, picture (uploaded for that union), kind, mode,
 * stock, per-member limit (first-come), opening (default next Friday 10:00), member tags. The
 * request is checked with the function's own pre-compiled validator before it is sent (the same
 * Chinese messages), and again on the server. The request id is kept until an answer arrives,
 * so a double click publishes once.
 */
import { useRef, useState } from 'react';
import * as benefitValidators from '../../../shared/generated/validators/benefit';
import { DROP_KINDS, DROP_KIND_LABELS, DROP_MODES, DROP_MODE_LABELS, type DropKind, type DropMode } from '../../../shared/benefit/kinds';
import { defaultOpening } from '../../../shared/benefit/rules';
import type { AdminCreateRequest } from '../../../shared/benefit/schemas';
import { MEMBER_TAGS, MEMBER_TAG_LABELS, type MemberTag } from '../../../shared/member/tags';
import { formatBusiness, fromBusinessWallClock } from '../../../shared/time';
import { validate } from '../../../shared/validation/validate';
import { api } from '../api/api';
import { newRequestId } from '../api/client';
import { PicturePicker } from '../components/PicturePicker';

export function BenefitCreate({
  unions,
  onDone,
  onCancel,
}: {
  unions: Array<{ id: string; name: string }>;
  onDone: (title: string) => void;
  onCancel: () => void;
}) {
  const opening = defaultOpening(Date.now());
  const [unionId, setUnionId] = useState(unions[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DropKind>('data');
  const [mode, setMode] = useState<DropMode>('first_come');
  const [stock, setStock] = useState('100');
  const [limit, setLimit] = useState('1');
  const [opensAt, setOpensAt] = useState(formatBusiness(opening, 'YYYY-MM-DD[T]HH:mm'));
  const [tags, setTags] = useState<MemberTag[]>([]);
  const [picture, setPicture] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestId = useRef(newRequestId());

  const submit = async () => {
    setError(null);
    const when = opensAt ? fromBusinessWallClock(opensAt.replace('T', ' ')).getTime() : NaN;
    if (!Number.isFinite(when)) return setError(`请选择${mode === 'draw' ? '抽签' : '开抢'}时间`);
    const request: AdminCreateRequest = {
      unionId,
      title: title.trim(),
      kind,
      stock: Number(stock),
      perMemberLimit: mode === 'draw' ? 1 : Number(limit),
      mode,
      opensAt: when,
      ...(tags.length ? { requiredTags: tags } : {}),
      ...(picture ? { picture } : {}),
    };
    const checked = validate(benefitValidators, 'benefit.adminCreate', request);
    if (!checked.ok) return setError(checked.error.message);
    setBusy(true);
    const res = await api.benefit.create(request, requestId.current);
    setBusy(false);
    if (!res.ok) {
      if (res.error.code !== 'NETWORK') requestId.current = newRequestId();
      return setError(res.error.message);
    }
    requestId.current = newRequestId();
    onDone(request.title);
  };

  if (unions.length === 0) return <p className='note'>您没有可发布福利的工会。</p>;
  return (
    <form className='form bf-create' onSubmit={(e) => e.preventDefault()}>
      <h3>发布福利</h3>
      <label>
        发布工会
        <select
          value={unionId}
          onChange={(e) => {
            setUnionId(e.target.value);
            setPicture(''); // an uploaded picture belongs to the union it was uploaded for
          }}
        >
          {unions.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        福利名称
        <input
          name='title'
          placeholder='如：10GB 流量包'
          value={title}
          maxLength={40}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
        />
      </label>
      <PicturePicker
        label='福利图片（选填）'
        value={picture}
        onChange={setPicture}
        slotFor={(ext) => api.benefit.uploadSlot(unionId, ext)}
      />
      <fieldset>
        <legend>福利类型</legend>
        <div className='chips'>
          {DROP_KINDS.map((k) => (
            <label key={k} className='check'>
              <input type='radio' name='kind' checked={kind === k} onChange={() => setKind(k)} />
              {DROP_KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>发放方式</legend>
        <div className='chips'>
          {DROP_MODES.map((m) => (
            <label key={m} className='check'>
              <input type='radio' name='mode' checked={mode === m} onChange={() => setMode(m)} />
              {DROP_MODE_LABELS[m]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className='form__row'>
        <label>
          总份数
          <input type='number' min={1} max={100000} value={stock} onChange={(e) => setStock(e.target.value)} />
        </label>
        {mode === 'first_come' ? (
          <label>
            每人限领
            <input type='number' min={1} max={5} value={limit} onChange={(e) => setLimit(e.target.value)} />
          </label>
        ) : null}
        <label>
          {mode === 'draw' ? '抽签时间' : '开抢时间'}
          <input type='datetime-local' value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
        </label>
      </div>
      <fieldset>
        <legend>限定标签（选填，会员需有其中之一）</legend>
        <div className='chips'>
          {MEMBER_TAGS.map((t) => (
            <label key={t} className='check'>
              <input
                type='checkbox'
                checked={tags.includes(t)}
                onChange={() => setTags((prev) => (prev.includes(t) ? prev.filter((x) => x !== t) : [...prev, t]))}
              />
              {MEMBER_TAG_LABELS[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <p className='note'>
        {mode === 'draw'
          ? '会员即日起可报名，抽签前 1 小时截止；开奖时公布种子，任何人可复核名单。'
          : '领取截止为开抢后 1 天，兑换码 30 天内有效。'}
      </p>
      {error ? <p className='error-text'>{error}</p> : null}
      <div className='form__actions'>
        <button type='button' className='btn' disabled={busy || !title.trim()} onClick={() => void submit()}>
          {busy ? '正在发布…' : '发布'}
        </button>
        <button type='button' className='btn btn--plain' onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
