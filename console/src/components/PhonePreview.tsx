/**
 * The post as the mini-program's post page shows it, at phone width (375 px): cover, title, union
 * and time, then the body. The body is the same sanitised node tree (shared/content/richText.ts)
 * the server stores and the mini-program's RichText renders, drawn the way RichText draws it:
 * one element per node with the sanitiser's own inline styles — never raw HTML.
 */
import { createElement, type CSSProperties, type ReactNode } from 'react';
import { sanitizeHtml, type RichNode } from '../../../shared/content/richText';

function styleObject(style: string | undefined): CSSProperties | undefined {
  if (!style) return undefined;
  const out: Record<string, string> = {};
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i <= 0) continue;
    const prop = decl
      .slice(0, i)
      .trim()
      .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[prop] = decl.slice(i + 1).trim();
  }
  return out as CSSProperties;
}

export function renderRich(nodes: RichNode[], path = 'n'): ReactNode[] {
  return nodes.map((node, i) => {
    const key = `${path}-${i}`;
    if ('type' in node) return node.text;
    const { style, ...attrs } = node.attrs ?? {};
    const props: Record<string, unknown> = { key, style: styleObject(style), ...attrs };
    if (node.name === 'a') Object.assign(props, { target: '_blank', rel: 'noopener noreferrer' });
    if (node.name === 'img' || node.name === 'br') return createElement(node.name, props);
    return createElement(node.name, props, ...renderRich(node.children ?? [], key));
  });
}

export function PhonePreview(props: {
  title: string;
  unionName: string;
  cover: string;
  bodyHtml: string;
  when: string;
  activity?: { startAt: string; place: string } | null;
}) {
  const { nodes, changed } = sanitizeHtml(props.bodyHtml || '');
  const cover = /^https?:\/\//.test(props.cover)
    ? props.cover
    : props.cover.startsWith('cloud://')
      ? `/api/storage/${props.cover.replace(/^cloud:\/\/[^/]+\//, '')}`
      : '';
  return (
    <div className='phone' aria-label='手机预览'>
      <div className='phone__bar'>活动与资讯</div>
      <div className='phone__page'>
        {cover ? <img className='phone__cover' src={cover} alt='' /> : null}
        <div className='phone__card'>
          <div className='phone__title'>{props.title || '（标题）'}</div>
          <div className='phone__meta'>
            <span className='phone__union'>{props.unionName}</span>
            <span>{props.when} · 阅读 0</span>
          </div>
        </div>
        {props.activity ? (
          <div className='phone__card phone__activity'>
            <div>时间：{props.activity.startAt || '—'}</div>
            <div>地点：{props.activity.place || '—'}</div>
          </div>
        ) : null}
        <div className='phone__card'>
          <div className='phone__body preview-body'>{renderRich(nodes)}</div>
        </div>
      </div>
      {changed ? <p className='note phone__note'>部分格式不受支持，已按小程序的显示方式去掉。</p> : null}
    </div>
  );
}
