/**
 * 网上入会 form: identity (name, ID number, phone), employer, where the application goes, job
 * tags, consent. Checks each field as it is typed (same rules as the server), shows the
 * server's Chinese message inline, and reuses the same requestId when retrying after a network
 * failure so one tap never files twice.
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRetrySafeCalls } from '../../../hooks/useRetrySafeSend';
import { SELF_DECLARED_TAGS, MEMBER_TAG_LABELS } from '../../../../shared/member/tags';
import { normalizeIdNumber } from '../../../../shared/member/idNumber';
import { normalizeName } from '../../../../shared/member/mask';
import type { ApplicationView, ApplyRequest } from '../../../../shared/member/schemas';
import UnionPicker, { type UnionChoice } from './UnionPicker';
import { employerProblem, idNumberProblem, phoneProblem, realNameProblem } from './validate';
import { PrivacyConsent } from '../components/PrivacyConsent';
import { revealProblems } from '../../../utils/formProblems';
import { askSubscribe } from '../../../services/notify';

type SelfTag = (typeof SELF_DECLARED_TAGS)[number];
type FieldKey = 'realName' | 'idNumber' | 'phone' | 'employer';

const CHECKS: Record<FieldKey, (v: string) => string | null> = {
  realName: realNameProblem,
  idNumber: idNumberProblem,
  phone: phoneProblem,
  employer: employerProblem,
};

export default function JoinForm({ onSubmitted }: { onSubmitted: (application: ApplicationView) => void }) {
  const [values, setValues] = useState<Record<FieldKey, string>>({ realName: '', idNumber: '', phone: '', employer: '' });
  const [touched, setTouched] = useState<Partial<Record<FieldKey, boolean>>>({});
  const [choice, setChoice] = useState<UnionChoice>({ routing: 'employer_union', union: null });
  const [tags, setTags] = useState<SelfTag[]>([]);
  const [consent, setConsent] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  // Kept across a retry after a network failure; a new one once the server has answered.
  const { run, pending } = useRetrySafeCalls();

  const problem = (k: FieldKey) => CHECKS[k](values[k]);
  const shown = (k: FieldKey) => (touched[k] || tried ? problem(k) : null);
  const set = (k: FieldKey, v: string) => {
    setValues((prev) => ({ ...prev, [k]: v }));
    // The ID number is checked as soon as all 18 characters are there.
    if (k === 'idNumber' && normalizeIdNumber(v).length >= 18) setTouched((t) => ({ ...t, idNumber: true }));
  };
  const blur = (k: FieldKey) => setTouched((t) => ({ ...t, [k]: true }));
  const toggleTag = (tag: SelfTag) => setTags((prev) => (prev.includes(tag) ? prev.filter((t) => t !== tag) : [...prev, tag]));

  const unionProblem = choice.union
    ? null
    : choice.routing === 'employer_union'
      ? '请选择您所在单位的工会'
      : '请选择单位所在的街道（乡镇）';

  const submit = async () => {
    setTried(true);
    setServerError(null);
    const problems = (Object.keys(CHECKS) as FieldKey[]).flatMap((k) => {
      const message = problem(k);
      return message ? [{ selector: `.field-${k}`, message }] : [];
    });
    if (unionProblem) problems.push({ selector: '.join-union', message: unionProblem });
    if (problems.length) {
      revealProblems(problems);
      return;
    }
    if (!consent) {
      setServerError('请先阅读并同意《用户隐私保护指引》');
      return;
    }
    if (!pending()) {
      const sure = await Taro.showModal({
        title: '提交入会申请',
        content: `申请将交给「${choice.union!.name}」审核，审核期间不能修改。请确认姓名、身份证号无误。`,
        confirmText: '提交',
      });
      if (!sure.confirm) return;
    }
    const form: ApplyRequest = {
      realName: normalizeName(values.realName),
      idNumber: normalizeIdNumber(values.idNumber),
      phone: values.phone.replace(/[\s-]/g, ''),
      employer: values.employer.trim(),
      routing: choice.routing,
      unionId: choice.union!.id,
      tags,
      consent: true,
    };
    setSubmitting(true);
    const res = await run((requestId) => api.member.apply(form, { requestId }));
    setSubmitting(false);
    if (res.ok) {
      onSubmitted(res.data.application);
      // The review result is what the applicant waits for: the natural moment to ask.
      await askSubscribe(['membership_review']);
      return;
    }
    setServerError(res.error.message);
  };

  const field = (k: FieldKey, label: string, input: JSX.Element, hint?: string) => {
    const msg = shown(k);
    return (
      <View className={`mform__field field-${k}`}>
        <Text className='mform__label'>
          {label}
          <Text className='mform__required'>*</Text>
        </Text>
        {input}
        {msg ? <Text className='mform__error'>{msg}</Text> : hint ? <Text className='mform__hint'>{hint}</Text> : null}
      </View>
    );
  };
  const inputClass = (k: FieldKey) => `mform__input ${shown(k) ? 'mform__input--bad' : ''}`;

  return (
    <View>
      <View className='card'>
        <View className='section-title'>
          <Text>个人信息</Text>
        </View>
        {field(
          'realName',
          '姓名',
          <Input
            className={inputClass('realName')}
            placeholder='与身份证一致'
            maxlength={30}
            value={values.realName}
            onInput={(e) => set('realName', e.detail.value)}
            onBlur={() => blur('realName')}
          />,
        )}
        {field(
          'idNumber',
          '身份证号',
          <Input
            className={inputClass('idNumber')}
            type='idcard'
            placeholder='18 位居民身份证号'
            maxlength={18}
            value={values.idNumber}
            onInput={(e) => set('idNumber', e.detail.value)}
            onBlur={() => blur('idNumber')}
          />,
          '仅用于核验身份、防止重复入会；系统只保存加密摘要和脱敏号码',
        )}
        {field(
          'phone',
          '手机号',
          <Input
            className={inputClass('phone')}
            type='number'
            placeholder='11 位手机号'
            maxlength={11}
            value={values.phone}
            onInput={(e) => set('phone', e.detail.value)}
            onBlur={() => blur('phone')}
          />,
        )}
        {field(
          'employer',
          '工作单位',
          <Input
            className={inputClass('employer')}
            placeholder='单位全称'
            maxlength={100}
            value={values.employer}
            onInput={(e) => set('employer', e.detail.value)}
            onBlur={() => blur('employer')}
          />,
        )}
      </View>

      <View className='card join-union'>
        <View className='section-title'>
          <Text>加入工会</Text>
        </View>
        <UnionPicker value={choice} onChange={setChoice} />
        {tried && unionProblem ? <Text className='mform__error'>{unionProblem}</Text> : null}
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>职工标签（可多选）</Text>
        </View>
        <View className='mchips'>
          {SELF_DECLARED_TAGS.map((tag) => (
            <Text key={tag} className={`mchip tag-option ${tags.includes(tag) ? 'mchip--on' : ''}`} onClick={() => toggleTag(tag)}>
              {MEMBER_TAG_LABELS[tag]}
            </Text>
          ))}
        </View>
        <Text className='mform__hint'>标签由受理工会核实，用于疗休养、专属福利等服务的资格与优先安排。</Text>
      </View>

      <View className='card'>
        <PrivacyConsent checked={consent} onToggle={() => setConsent((c) => !c)} purpose='，同意工会为办理入会收集上述信息' />
        {serverError ? <Text className='mserver-error'>{serverError}</Text> : null}
        <Button className={`mbtn join-submit`} disabled={submitting || undefined} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交入会申请'}
        </Button>
      </View>
    </View>
  );
}
