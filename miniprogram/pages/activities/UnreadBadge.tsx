/** The unread count next to 我的 → 消息 (one indexed count; refreshed whenever 我的 shows). */
import { Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { api } from '../../services/api';
import { useRemote } from '../../hooks/useRemote';

export default function UnreadBadge() {
  const { state, reload } = useRemote(api.notify.unreadCount);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  if (state.status !== 'ready' || state.data.unread === 0) return null;
  return (
    <Text
      className='unread-badge'
      style={{
        marginLeft: 'auto',
        marginRight: '12px',
        minWidth: '18px',
        padding: '0 6px',
        borderRadius: '10px',
        background: '#d7000f',
        color: '#fff',
        fontSize: '12px',
        lineHeight: '18px',
        textAlign: 'center',
      }}
    >
      {state.data.unread > 99 ? '99+' : state.data.unread}
    </Text>
  );
}
