/**
 * 批量导入会员 by drag-and-drop: the file (the template as .xlsx, or CSV in UTF-8 or GBK) is first
 * sent with `preview: true`, which checks every row exactly as the import will and writes
 * nothing; the row errors show in a table. Only then does 确认导入 import the valid rows (the
 * same request id on a retry, so nothing is created twice).
 */
import { useRef, useState, type DragEvent } from 'react';
import { IMPORT_COLUMNS, IMPORT_TEMPLATE_CSV, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../shared/member/importTemplate';
import type { AdminImportRequest, AdminImportResult } from '../../../shared/member/schemas';
import { api } from '../api/api';
import { newRequestId } from '../api/client';
import { downloadCsv, toCsv } from '../lib/csv';

type Payload = Pick<AdminImportRequest, 'csv' | 'file'>;

/** UTF-8 text goes as `csv`; anything else (xlsx, GBK CSV) as bytes the function decodes. */
async function payloadOf(file: File): Promise<Payload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.csv$/i.test(file.name)) {
    try {
      return { csv: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Not UTF-8 (Excel's "CSV" in GBK): the function decodes it.
    }
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { file: { name: file.name, base64: btoa(binary) } };
}

export function MemberImport({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<Payload | null>(null);
  const [preview, setPreview] = useState<AdminImportResult | null>(null);
  const [result, setResult] = useState<AdminImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const requestId = useRef(newRequestId());
  const input = useRef<HTMLInputElement>(null);

  const take = async (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setPreview(null);
    setResult(null);
    setError(null);
    if (!/\.(csv|xlsx)$/i.test(f.name)) return setError('请使用会员导入模板：.xlsx 或 .csv 文件');
    if (f.size > MAX_IMPORT_BYTES) return setError(`文件过大：最多 ${MAX_IMPORT_BYTES / 1_000_000} MB`);
    setBusy(true);
    const p = await payloadOf(f);
    setPayload(p);
    requestId.current = newRequestId();
    const res = await api.member.importFile({ ...p, preview: true }, newRequestId());
    setBusy(false);
    if (res.ok) setPreview(res.data);
    else setError(res.error.message);
  };

  const confirm = async () => {
    if (!payload) return;
    setBusy(true);
    setError(null);
    const res = await api.member.importFile(payload, requestId.current);
    setBusy(false);
    if (res.ok) setResult(res.data);
    else setError(`${res.error.message}（可再次点击「确认导入」重试，不会重复导入）`);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };
  const errors = (result ?? preview)?.errors ?? [];

  return (
    <div className='dialog' role='dialog' aria-modal='true' aria-label='批量导入会员'>
      <div className='dialog__box dialog__box--wide'>
        <h3>批量导入会员</h3>
        <p className='note'>
          按模板填写（{IMPORT_COLUMNS.map((c) => c.header).join('、')}），每次最多 {MAX_IMPORT_ROWS}{' '}
          行。先检查，确认无误后再导入；已有会员会自动跳过。
          <button type='button' className='link' onClick={() => downloadCsv('会员导入模板.csv', IMPORT_TEMPLATE_CSV)}>
            下载模板
          </button>
        </p>
        <div
          className={over ? 'dropzone dropzone--over' : 'dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
          role='button'
          tabIndex={0}
        >
          {file ? `已选择：${file.name}` : '将 Excel 或 CSV 文件拖到这里，或点击选择文件'}
          <input
            ref={input}
            type='file'
            className='imp-input'
            accept='.csv,.xlsx'
            hidden
            onChange={(e) => void take(e.target.files?.[0])}
          />
        </div>
        {busy ? <p className='note'>正在处理…</p> : null}
        {error ? <p className='error-text imp-error'>{error}</p> : null}
        {preview && !result ? (
          <p className='imp-summary'>
            共 {preview.totalRows} 行：可导入 <strong>{preview.toImport ?? 0}</strong> 人，已是会员跳过 {preview.skippedDuplicates}{' '}
            人，有问题 <strong className={errors.length ? 'error-text' : ''}>{errors.length}</strong>{' '}
            行（不会导入，请修改后重新导入）。尚未写入任何数据。
          </p>
        ) : null}
        {result ? (
          <p className='imp-summary ok-text'>
            已导入 {result.imported} 人，跳过已有会员 {result.skippedDuplicates} 人，未导入 {result.errors.length} 行。
          </p>
        ) : null}
        {errors.length ? (
          <div className='imp-errors'>
            <table className='dt__table' aria-label='有问题的行'>
              <thead>
                <tr>
                  <th style={{ width: 90 }}>行号</th>
                  <th>问题</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e) => (
                  <tr key={`${e.row}-${e.reason}`}>
                    <td>第 {e.row} 行</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type='button'
              className='link'
              onClick={() =>
                downloadCsv(
                  '导入问题行.csv',
                  toCsv(
                    ['行号', '问题'],
                    errors.map((e) => [e.row, e.reason]),
                  ),
                )
              }
            >
              导出问题行
            </button>
          </div>
        ) : null}
        <div className='dialog__actions'>
          <button type='button' className='btn btn--plain' onClick={onClose}>
            {result ? '完成' : '取消'}
          </button>
          {preview && !result ? (
            <button type='button' className='btn imp-confirm' disabled={busy || !preview.toImport} onClick={() => void confirm()}>
              确认导入 {preview.toImport ?? 0} 人
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
