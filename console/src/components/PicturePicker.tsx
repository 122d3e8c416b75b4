/**
 * 上传图片 for the console: choose a file (or drop one on the box), it is uploaded at once to a slot
 * of the given union (console/src/api/upload.ts) and the fileID is handed up. 清除 forgets it;
 * an https:// address typed by hand still works. Uploading, done and failed states are shown.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { Result } from '../../../shared/envelope';
import type { ImageExt, UploadSlot } from '../../../shared/files/images';
import { pictureSrc, uploadPicture } from '../api/upload';

export function PicturePicker(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  slotFor: (ext: ImageExt) => Promise<Result<UploadSlot>>;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const [over, setOver] = useState(false);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'busy' });
    const res = await uploadPicture(file, props.slotFor);
    if (!res.ok) return setState({ kind: 'error', text: res.error.message });
    setState({ kind: 'idle' });
    props.onChange(res.data.fileID);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };
  const src = props.value ? pictureSrc(props.value) : '';

  return (
    <div className='picture'>
      <span>{props.label}</span>
      <div
        className={over ? 'picture__box picture__box--over' : 'picture__box'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {src ? (
          <img className='picture__img' src={src} alt='已选图片' />
        ) : (
          <span className='note'>拖入图片，或点「上传」选择文件（JPG、PNG、WebP，2 MB 以内）</span>
        )}
      </div>
      <div className='inline'>
        <button
          type='button'
          className='btn btn--plain'
          disabled={props.disabled || state.kind === 'busy'}
          onClick={() => input.current?.click()}
        >
          {state.kind === 'busy' ? '正在上传…' : '上传'}
        </button>
        {props.value ? (
          <button type='button' className='btn btn--plain' onClick={() => props.onChange('')}>
            清除
          </button>
        ) : null}
        <input
          ref={input}
          type='file'
          accept='image/jpeg,image/png,image/webp'
          aria-label={`${props.label}文件`}
          hidden
          onChange={(e) => {
            void take(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {state.kind === 'error' ? <span className='error-text'>{state.text}</span> : null}
      </div>
    </div>
  );
}
