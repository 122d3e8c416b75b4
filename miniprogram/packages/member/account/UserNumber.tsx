/**
 * 用户编号 on 账号与隐私: the caller's own openid (member.profile answers only the caller's own),
 * with 复制, so that a new union admin can send it to whoever appoints them — the upper union or
 * the platform's operator running `ops:set-admin` (docs/operations.md).
 *
 * Copying: weapp `setClipboardData` shows WeChat's own 「内容已复制」; Taro's H5 implementation
 * copies through a hidden textarea and `document.execCommand('copy')` and shows the same toast.
 * The number is also selectable (after 显示), for a browser or device where copying fails.
 * It is hidden until asked for: only someone becoming an admin needs it.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { ErrorState } from '../../../components/StateViews';

export const USER_NUMBER_HINT = '开通工会管理员时，请把用户编号发给上级工会或平台运维人员';

export default function UserNumber() {
  const { state, reload } = useRemote(api.member.profile);
  const [copyFailed, setCopyFailed] = useState(false);
  const [shown, setShown] = useState(false);

  const copy = (openid: string) => {
    setCopyFailed(false);
    void Taro.setClipboardData({ data: openid }).then(
      () => undefined,
      () => setCopyFailed(true),
    );
  };

  return (
    <View className='card macct-id'>
      <View className='section-title'>
        <Text>用户编号</Text>
      </View>
      {state.status === 'loading' ? (
        <Text className='macct__p'>加载中…</Text>
      ) : state.status === 'error' ? (
        <ErrorState message={state.error.message} onRetry={reload} />
      ) : shown ? (
        <View className='macct-id__row'>
          <Text className='macct-id__value' userSelect>
            {state.data.openid}
          </Text>
          <Button className='macct-id__copy' size='mini' onClick={() => copy(state.data.openid)}>
            复制
          </Button>
        </View>
      ) : (
        // A long machine code means nothing to most people: it stays one tap away.
        <View className='macct-id__row'>
          <Button className='macct-id__copy' size='mini' onClick={() => copy(state.data.openid)}>
            复制用户编号
          </Button>
          <Button className='macct-id__copy macct-id__show' size='mini' onClick={() => setShown(true)}>
            显示
          </Button>
        </View>
      )}
      <Text className='macct__p'>{USER_NUMBER_HINT}</Text>
      {copyFailed ? <Text className='macct__warn'>复制失败，请点「显示」后长按用户编号手动复制</Text> : null}
    </View>
  );
}
