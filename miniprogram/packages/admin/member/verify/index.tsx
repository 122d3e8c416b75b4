/**
 * 会员卡核验: staff scan the member's QR code (weapp: Taro.scanCode) or paste the code (H5
 * demo) and see 有效 / 已过期 / 无效（伪造或截图） / 已停用, with the masked name, card number and
 * union for a valid card. The server checks the signature and the card's state.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import LocalTools from '../../../../components/LocalTools';
import { formatBusiness } from '../../../../../shared/time';
import type { CardCheck, VerifyCardResult } from '../../../../../shared/member/schemas';
import { elderClass } from '../../../../utils/elderMode';
import '../admin-member.css';

const TITLES: Record<CardCheck, string> = {
  valid: '会员身份有效',
  expired: '会员码已过期',
  forged: '会员码无效',
  revoked: '会员卡已停用',
};

export default function VerifyPage() {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyCardResult | null>(null);

  const check = async (raw: string) => {
    const t = raw.trim();
    if (!t) {
      setError('请先扫描或粘贴会员码');
      return;
    }
    setError(null);
    setResult(null);
    setBusy(true);
    const res = await api.member.verifyCard(t.slice(0, 200));
    setBusy(false);
    if (res.ok) setResult(res.data);
    else setError(res.error.message);
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setToken(res.result);
      await check(res.result);
    } catch {
      // The staff member closed the scanner: nothing to do.
    }
  };

  return (
    <View className={`page am-verify${elderClass()}`}>
      {result ? (
        <View className={`am-verdict am-verdict--${result.result} verify-result`}>
          <Text className='am-verdict__title'>{TITLES[result.result]}</Text>
          <Text className='am-verdict__msg'>{result.message}</Text>
        </View>
      ) : null}
      {result?.member ? (
        <View className='card'>
          <View className='am-kv'>
            <Text className='am-kv__k'>会员</Text>
            <Text className='am-kv__v'>{result.member.nameMasked}</Text>
          </View>
          <View className='am-kv'>
            <Text className='am-kv__k'>会员卡号</Text>
            <Text className='am-kv__v'>{result.member.cardNo}</Text>
          </View>
          <View className='am-kv'>
            <Text className='am-kv__k'>所属工会</Text>
            <Text className='am-kv__v'>{result.member.unionName}</Text>
          </View>
          <View className='am-kv'>
            <Text className='am-kv__k'>核验时间</Text>
            <Text className='am-kv__v'>{formatBusiness(result.checkedAt, 'YYYY-MM-DD HH:mm:ss')}</Text>
          </View>
        </View>
      ) : null}

      <View className='card'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='am-btn verify-scan' disabled={busy || undefined} onClick={() => void scan()}>
            {busy ? '正在核验…' : '扫一扫会员码'}
          </Button>
        ) : (
          <>
            <View className='section-title'>
              <Text>输入会员码</Text>
            </View>
            <Textarea
              className='am-textarea verify-token'
              placeholder='粘贴会员出示的会员码内容（以 v1. 开头）'
              maxlength={200}
              value={token}
              onInput={(e) => setToken(e.detail.value)}
            />
            <View className='am-actions'>
              <Button className={`am-btn verify-submit`} disabled={busy || undefined} onClick={() => void check(token)}>
                {busy ? '正在核验…' : '核验'}
              </Button>
            </View>
          </>
        )}
        {error ? <Text className='am-error'>{error}</Text> : null}
      </View>
      <Text className='note'>会员码每分钟刷新一次，截图或过期的会员码无法通过核验。核验结果仅显示脱敏姓名。</Text>
      <LocalTools />
    </View>
  );
}
