/**
 * 扫码登录工作台: an admin scans the QR code the desktop console shows (weapp: Taro.scanCode; the
 * H5 demo pastes the code), sees which device asks, when, and for which unions, and confirms or
 * refuses. The console is then signed in as this admin (docs/console.md).
 */
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { elderClass } from '../../../../utils/elderMode';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import LocalTools from '../../../../components/LocalTools';
import { formatBusiness } from '../../../../../shared/time';
import { ticketFromQr, type ConsoleScanResult } from '../../../../../shared/member/console';
import { ADMIN_MEMBER_PAGES } from '../routes';
import Kv from '../Kv';
import '../admin-member.css';

type Step = { kind: 'scan' } | { kind: 'confirm'; ticket: string; info: ConsoleScanResult } | { kind: 'done'; confirmed: boolean };

export default function ConsoleSignInPage() {
  const [step, setStep] = useState<Step>({ kind: 'scan' });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const read = async (text: string) => {
    const ticket = ticketFromQr(text);
    if (!ticket) {
      setError('这不是工会工作台的登录二维码');
      return;
    }
    setError(null);
    setBusy(true);
    const res = await api.member.consoleScan(ticket);
    setBusy(false);
    if (res.ok) setStep({ kind: 'confirm', ticket, info: res.data });
    else setError(res.error.message);
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await read(res.result);
    } catch {
      // The admin closed the scanner: nothing to do.
    }
  };

  const decide = async (ticket: string, decision: 'confirm' | 'decline') => {
    setBusy(true);
    setError(null);
    const res = await api.member.consoleConfirm({ ticket, decision });
    setBusy(false);
    if (res.ok) setStep({ kind: 'done', confirmed: decision === 'confirm' });
    else {
      setError(res.error.message);
      setStep({ kind: 'scan' });
    }
  };

  if (step.kind === 'confirm') {
    const { info, ticket } = step;
    return (
      <View className={`page am-console${elderClass()}`}>
        <View className='card console-confirm'>
          <View className='section-title'>
            <Text>电脑端请求登录工会工作台</Text>
          </View>
          <Kv k='设备' v={info.device} />
          <Kv k='请求时间' v={formatBusiness(info.requestedAt, 'MM-DD HH:mm:ss')} />
          <Kv k='登录后管理' v={info.unionNames.join('、')} />
          <Text className='note'>请确认这是您本人正在使用的电脑。登录后可在「我的 → 已登录的工作台」随时退出。</Text>
          <View className='am-actions'>
            <Button className='am-btn am-btn--ghost console-decline' disabled={busy} onClick={() => void decide(ticket, 'decline')}>
              取消
            </Button>
            <Button className='am-btn console-approve' disabled={busy} onClick={() => void decide(ticket, 'confirm')}>
              {busy ? '正在登录…' : '确认登录'}
            </Button>
          </View>
          {error ? <Text className='am-error'>{error}</Text> : null}
        </View>
      </View>
    );
  }

  return (
    <View className={`page am-console${elderClass()}`}>
      {step.kind === 'done' ? (
        <View className={`am-verdict ${step.confirmed ? 'am-verdict--valid' : 'am-verdict--revoked'} console-done`}>
          <Text className='am-verdict__title'>{step.confirmed ? '已确认登录' : '已取消登录'}</Text>
          <Text className='am-verdict__msg'>{step.confirmed ? '电脑上的工会工作台将自动进入。' : '电脑不会登录。'}</Text>
        </View>
      ) : null}
      <View className='card'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='am-btn console-scan' disabled={busy} onClick={() => void scan()}>
            {busy ? '正在读取…' : '扫一扫电脑上的二维码'}
          </Button>
        ) : (
          <>
            <View className='section-title'>
              <Text>输入登录码</Text>
            </View>
            <Textarea
              className='am-textarea console-code'
              placeholder='粘贴工作台登录页显示的登录码（以 YGH-CONSOLE: 开头）'
              maxlength={80}
              value={code}
              onInput={(e) => setCode(e.detail.value)}
            />
            <View className='am-actions'>
              <Button className={`am-btn console-read ${busy ? 'am-btn--disabled' : ''}`} disabled={busy} onClick={() => void read(code)}>
                {busy ? '正在读取…' : '下一步'}
              </Button>
            </View>
          </>
        )}
        {error ? <Text className='am-error'>{error}</Text> : null}
      </View>
      <View className='link-row' onClick={() => void Taro.navigateTo({ url: ADMIN_MEMBER_PAGES.sessions })}>
        <Text>已登录的工作台</Text>
        <Text className='link-row__arrow'>›</Text>
      </View>
      <Text className='note'>
        在电脑浏览器打开工会工作台，用本页扫描其登录二维码。二维码 2 分钟内有效、只能使用一次；工作台 30 分钟无操作或登录满 8
        小时后需重新扫码。
      </Text>
      <LocalTools />
    </View>
  );
}
