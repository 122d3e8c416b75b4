/**
 * 认领会员身份: a worker whose union imported them (no WeChat link yet) links the record to this
 * WeChat user with name + ID number. The server compares keyed hashes and answers one message
 * for "no record" and "name differs", so the page cannot be used to probe who is a member.
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRetrySafeCalls } from '../../../hooks/useRetrySafeSend';
import LocalTools from '../../../components/LocalTools';
import { normalizeIdNumber } from '../../../../shared/member/idNumber';
import { normalizeName } from '../../../../shared/member/mask';
import type { MemberCardView } from '../../../../shared/member/schemas';
import { idNumberProblem, realNameProblem } from '../join/validate';
import { MEMBER_PAGES } from '../routes';
import { elderClass } from '../../../utils/elderMode';
import '../member.css';
import { PrivacyConsent } from '../components/PrivacyConsent';

export default function ClaimPage() {
  const [realName, setRealName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [consent, setConsent] = useState(false);
  const [tried, setTried] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [claimed, setClaimed] = useState<MemberCardView | null>(null);
  const { run } = useRetrySafeCalls();

  const nameMsg = tried ? realNameProblem(realName) : null;
  const idMsg = tried || normalizeIdNumber(idNumber).length >= 18 ? idNumberProblem(idNumber) : null;

  const submit = async () => {
    setTried(true);
    setServerError(null);
    if (realNameProblem(realName) || idNumberProblem(idNumber)) return;
    if (!consent) {
      setServerError('请先阅读并同意《用户隐私保护指引》');
      return;
    }
    setSubmitting(true);
    const res = await run((requestId) =>
      api.member.claim({ realName: normalizeName(realName), idNumber: normalizeIdNumber(idNumber), consent: true }, { requestId }),
    );
    setSubmitting(false);
    if (res.ok) {
      setClaimed(res.data.card);
      return;
    }
    setServerError(res.error.message);
  };

  if (claimed) {
    return (
      <View className={`page member-claim${elderClass()}`}>
        <View className='card'>
          <View className='mstatus'>
            <Text className='mstatus__badge mstatus__badge--approved'>认领成功</Text>
            <Text className='mstatus__lead'>{`${claimed.nameMasked}，您的会员身份已绑定本微信`}</Text>
          </View>
          <View className='mkv'>
            <Text className='mkv__k'>会员卡号</Text>
            <Text className='mkv__v'>{claimed.cardNo}</Text>
          </View>
          <View className='mkv'>
            <Text className='mkv__k'>所属工会</Text>
            <Text className='mkv__v'>{claimed.union.name}</Text>
          </View>
          <View className='mactions'>
            <Button className='mbtn' onClick={() => void Taro.redirectTo({ url: MEMBER_PAGES.card })}>
              查看我的会员卡
            </Button>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className={`page member-claim${elderClass()}`}>
      <View className='hero'>
        <Text className='hero__title'>认领会员身份</Text>
        <Text className='hero__sub'>单位工会已为您登记入会？填写姓名和身份证号即可绑定电子会员卡</Text>
      </View>
      <View className='card'>
        <View className='mform__field'>
          <Text className='mform__label'>
            姓名<Text className='mform__required'>*</Text>
          </Text>
          <Input
            className={`mform__input ${nameMsg ? 'mform__input--bad' : ''}`}
            placeholder='与身份证一致'
            maxlength={30}
            value={realName}
            onInput={(e) => setRealName(e.detail.value)}
          />
          {nameMsg ? <Text className='mform__error'>{nameMsg}</Text> : null}
        </View>
        <View className='mform__field'>
          <Text className='mform__label'>
            身份证号<Text className='mform__required'>*</Text>
          </Text>
          <Input
            className={`mform__input ${idMsg ? 'mform__input--bad' : ''}`}
            type='idcard'
            placeholder='18 位居民身份证号'
            maxlength={18}
            value={idNumber}
            onInput={(e) => setIdNumber(e.detail.value)}
          />
          {idMsg ? (
            <Text className='mform__error'>{idMsg}</Text>
          ) : (
            <Text className='mform__hint'>仅用于与工会登记的信息比对，不保存明文</Text>
          )}
        </View>
      </View>
      <View className='card'>
        <PrivacyConsent checked={consent} onToggle={() => setConsent((c) => !c)} />
        {serverError ? <Text className='mserver-error'>{serverError}</Text> : null}
        <Button className={`mbtn`} disabled={submitting || undefined} onClick={() => void submit()}>
          {submitting ? '正在认领…' : '认领会员卡'}
        </Button>
      </View>
      <Text className='mlink' onClick={() => void Taro.redirectTo({ url: MEMBER_PAGES.join })}>
        还没有入会？在线申请入会 ›
      </Text>
      <LocalTools />
    </View>
  );
}
