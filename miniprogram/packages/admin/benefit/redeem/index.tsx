/** 兑换码核销: scan the member's QR (weapp) or type the code; each code is valid once; every attempt is audited. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { formatBusiness } from '../../../../../shared/time';
import { elderClass } from '../../../../utils/elderMode';
import '../../../benefit/benefit.css';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

export default function RedeemPage() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const redeem = async (value: string) => {
    if (!value.trim()) return;
    setBusy(true);
    const res = await api.benefit.redeem(value.trim());
    setBusy(false);
    setOutcome(
      res.ok
        ? {
            ok: true,
            text: `核销成功：${res.data.title}，会员 ${res.data.memberName}，兑换码 ${res.data.code}，${formatBusiness(res.data.redeemedAt, 'HH:mm:ss')} 核销`,
          }
        : { ok: false, text: res.error.message },
    );
    if (res.ok) setCode('');
  };

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setCode(r.result);
      await redeem(r.result);
    } catch {
      // cancelled
    }
  };

  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='bf-field'>
          <Text className='bf-field__label'>兑换码</Text>
          <Input
            className='bf-field__input'
            name='code'
            placeholder='输入 12 位兑换码'
            value={code}
            maxlength={20}
            onInput={(e) => setCode(e.detail.value)}
          />
        </View>
        <Button className='bf-primary' loading={busy} disabled={busy || !code.trim()} onClick={() => void redeem(code)}>
          核销
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='bf-secondary' onClick={() => void scan()}>
            扫码核销
          </Button>
        ) : null}
        {outcome ? <View className={`bf-result ${outcome.ok ? 'bf-result--ok' : 'bf-result--fail'}`}>{outcome.text}</View> : null}
        <Text className='note' style={{ display: 'block', marginTop: '16px' }}>
          仅可核销本工会及下级工会发放的福利；每次核销（含失败）都会记录核销人和时间。
        </Text>
      </View>
    </View>
  );
}
