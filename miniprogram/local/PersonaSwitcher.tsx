/**
 * LOCAL_ONLY_PERSONA_SWITCHER — H5 local demo only. A floating "切换身份" button and a sheet that
 * lists the local cloud's seeded personas (GET /api/_local/personas). The choice is kept in
 * localStorage and sent by services as `x-local-persona`; pages reload their data on the
 * 'persona:changed' event. The weapp build never contains this file: scripts/weapp-size.ts fails
 * the build if the marker string above appears in dist/weapp.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { EVENTS } from '../utils/events';
import { formatBusiness, nextWeekdayAt } from '../../shared/time';
import { currentLocalPersona, saveLocalPersona } from './persona';
import './PersonaSwitcher.css';

export const LOCAL_ONLY_MARKER = 'LOCAL_ONLY_PERSONA_SWITCHER';

interface Persona {
  id: string;
  label: string;
  description: string;
}

interface LocalClock {
  offsetMs: number;
  now: string;
}

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

async function getLocal<T>(path: string): Promise<T> {
  const base = process.env.TARO_APP_API_BASE ?? '';
  const res = await fetch(`${base}/api/_local/${path}`);
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { message?: string } };
  if (!body.ok || body.data === undefined) throw new Error(body.error?.message ?? '本地云未返回数据');
  return body.data;
}

async function setLocalClock(body: { at: string } | { offsetMs: number }): Promise<LocalClock> {
  const base = process.env.TARO_APP_API_BASE ?? '';
  const res = await fetch(`${base}/api/_local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = (await res.json()) as { ok: boolean; data?: LocalClock; error?: { message?: string } };
  if (!parsed.ok || !parsed.data) throw new Error(parsed.error?.message ?? '设置模拟时间失败');
  return parsed.data;
}

export default function PersonaSwitcher() {
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState(currentLocalPersona);
  const [personas, setPersonas] = useState<Load<Persona[]>>({ status: 'loading' });
  const [clock, setClock] = useState<LocalClock | null>(null);

  const load = () => {
    setPersonas({ status: 'loading' });
    getLocal<Persona[]>('personas').then(
      (data) => setPersonas({ status: 'ready', data }),
      () => setPersonas({ status: 'error', message: '无法连接本地云，请先运行 npm start' }),
    );
    getLocal<LocalClock>('clock').then(
      (data) => setClock(data),
      () => setClock(null),
    );
  };

  const show = () => {
    setCurrent(currentLocalPersona());
    setOpen(true);
    load();
  };

  /** Shift the local cloud's business clock (functions, database serverDate, timers), then reload pages. */
  const moveClock = (body: { at: string } | { offsetMs: number }) => {
    setLocalClock(body).then(
      (data) => {
        setClock(data);
        Taro.eventCenter.trigger(EVENTS.personaChanged, currentLocalPersona());
      },
      (err: Error) => Taro.showToast({ title: err.message, icon: 'none' }),
    );
  };
  const nowOnClock = () => (clock ? Date.parse(clock.now) : Date.now());
  const toFridayOpening = () => moveClock({ at: new Date(nextWeekdayAt(nowOnClock(), 5, 10).getTime() - 10_000).toISOString() });

  const choose = (id: string) => {
    saveLocalPersona(id);
    setCurrent(id);
    setOpen(false);
    Taro.eventCenter.trigger(EVENTS.personaChanged, id);
  };

  return (
    <View data-marker={LOCAL_ONLY_MARKER}>
      <View className='persona-fab' onClick={show}>
        <Text>切换身份</Text>
      </View>
      {/* Portalled to <body>: inside the page, the router's stacking context keeps it under the tab bar. */}
      {open
        ? createPortal(
            <View className='persona-mask' onClick={() => setOpen(false)}>
              <View className='persona-sheet' onClick={(e) => e.stopPropagation()}>
                <View className='persona-sheet__head'>
                  <Text className='persona-sheet__title'>切换身份（本地演示）</Text>
                  <Text className='persona-sheet__close' onClick={() => setOpen(false)}>
                    关闭
                  </Text>
                </View>
                {clock && clock.offsetMs !== 0 ? (
                  <Text className='persona-sheet__clock'>模拟时间：{formatBusiness(clock.now, 'YYYY-MM-DD HH:mm:ss')}</Text>
                ) : null}
                <View className='persona-clock-actions'>
                  <Text className='persona-clock-btn' onClick={toFridayOpening}>
                    时间跳到下个周五 09:59:50
                  </Text>
                  {clock && clock.offsetMs !== 0 ? (
                    <Text className='persona-clock-btn' onClick={() => moveClock({ offsetMs: 0 })}>
                      恢复真实时间
                    </Text>
                  ) : null}
                </View>
                {personas.status === 'loading' ? (
                  <Text className='persona-sheet__hint'>加载中…</Text>
                ) : personas.status === 'error' ? (
                  <View className='persona-sheet__error'>
                    <Text className='persona-sheet__hint'>{personas.message}</Text>
                    <Text className='persona-sheet__retry' onClick={load}>
                      重试
                    </Text>
                  </View>
                ) : (
                  personas.data.map((p) => (
                    <View
                      key={p.id}
                      className={`persona-item ${p.id === current ? 'persona-item--active' : ''}`}
                      onClick={() => choose(p.id)}
                    >
                      <View className='persona-item__text'>
                        <Text className='persona-item__label'>{p.label}</Text>
                        <Text className='persona-item__desc'>{p.description}</Text>
                      </View>
                      {p.id === current ? <Text className='persona-item__check'>当前</Text> : null}
                    </View>
                  ))
                )}
                <Text className='persona-sheet__foot'>仅本地演示环境可见，正式小程序不包含此功能。</Text>
              </View>
            </View>,
            document.body,
          )
        : null}
    </View>
  );
}
