/**
 * A WYSIWYG editor for post bodies: the browser's contentEditable with a small toolbar (小标题,
 * 加粗, 列表, 引用, 图片, 链接). Whatever is typed or pasted (from Word, a web page) is HTML that
 * the shared sanitiser reduces to what the mini-program shows, for the preview and on the server.
 */
import { useEffect, useRef, useState } from 'react';
import { safeUrl, sanitizeHtml, type RichNode } from '../../../shared/content/richText';

/** The stored body into the editor as DOM nodes built from the sanitised tree (never innerHTML). */
function fill(parent: HTMLElement, nodes: RichNode[]): void {
  for (const node of nodes) {
    if ('type' in node) {
      parent.appendChild(document.createTextNode(node.text));
      continue;
    }
    const el = document.createElement(node.name);
    for (const [k, v] of Object.entries(node.attrs ?? {})) if (k !== 'style') el.setAttribute(k, v);
    fill(el, node.children ?? []);
    parent.appendChild(el);
  }
}

export function RichEditor({ initialHtml, onChange }: { initialHtml: string; onChange: (html: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [link, setLink] = useState<{ kind: 'image' | 'link'; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Where the caret was when 图片 / 链接 opened the address field (typing there moves the focus). */
  const saved = useRef<Range | null>(null);

  useEffect(() => {
    if (!box.current) return;
    box.current.replaceChildren();
    fill(box.current, sanitizeHtml(initialHtml).nodes);
  }, [initialHtml]);

  const exec = (command: string, value?: string) => {
    box.current?.focus();
    if (saved.current) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(saved.current);
      saved.current = null;
    }
    document.execCommand(command, false, value);
    onChange(box.current?.innerHTML ?? '');
  };
  const ask = (kind: 'image' | 'link') => {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
    saved.current = range && box.current?.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
    setLink({ kind, url: '' });
  };
  const insert = () => {
    if (!link) return;
    const url = safeUrl(link.url.trim());
    if (!url) return setError('请填写以 http:// 或 https:// 开头的地址');
    setError(null);
    if (link.kind === 'image') exec('insertImage', url);
    else exec('createLink', url);
    setLink(null);
  };

  return (
    <div className='editor'>
      {/* mousedown would take the focus (and the caret) out of the text: keep it there. */}
      <div className='editor__tools' role='toolbar' aria-label='格式' onMouseDown={(e) => e.preventDefault()}>
        <button type='button' onClick={() => exec('formatBlock', 'h2')}>
          小标题
        </button>
        <button type='button' onClick={() => exec('formatBlock', 'p')}>
          正文
        </button>
        <button type='button' onClick={() => exec('bold')}>
          加粗
        </button>
        <button type='button' onClick={() => exec('insertUnorderedList')}>
          列表
        </button>
        <button type='button' onClick={() => exec('formatBlock', 'blockquote')}>
          引用
        </button>
        <button type='button' className='ed-image' onClick={() => ask('image')}>
          图片
        </button>
        <button type='button' onClick={() => ask('link')}>
          链接
        </button>
      </div>
      {link ? (
        <div className='inline editor__link'>
          <input
            autoFocus
            className='ed-url'
            placeholder={link.kind === 'image' ? '图片地址（https://…）' : '链接地址（https://…）'}
            value={link.url}
            onChange={(e) => setLink({ ...link, url: e.target.value })}
            onKeyDown={(e) => e.key === 'Enter' && insert()}
          />
          <button type='button' className='btn ed-insert' onClick={insert}>
            插入
          </button>
          <button type='button' className='btn btn--plain' onClick={() => setLink(null)}>
            取消
          </button>
        </div>
      ) : null}
      {error ? <p className='error-text'>{error}</p> : null}
      <div
        ref={box}
        className='editor__box ed-body'
        contentEditable
        suppressContentEditableWarning
        aria-label='正文'
        role='textbox'
        aria-multiline='true'
        onInput={() => onChange(box.current?.innerHTML ?? '')}
      />
    </div>
  );
}
