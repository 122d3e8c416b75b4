/**
 * H5 only (required behind `process.env.TARO_ENV === 'h5'`, so the weapp build drops it): a
 * plain <input type="file"> for an .xlsx or .csv, and a link that downloads the template as a
 * CSV file. A .csv whose bytes are valid UTF-8 is handed over as text (checked on the page);
 * anything else goes to the function as base64 bytes (see ./pickedFile.ts).
 */
import { IMPORT_TEMPLATE_CSV } from '../../../../../shared/member/importTemplate';
import { extensionOf, pickProblem, type PickedFile } from './pickedFile';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The picked bytes as the page sends them. */
export function pickedFromBytes(name: string, bytes: Uint8Array): PickedFile {
  if (extensionOf(name) === 'csv') {
    try {
      return { name, csv: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // not UTF-8 (GBK from Excel's 「CSV（逗号分隔）」): the function decodes it
    }
  }
  return { name, base64: toBase64(bytes) };
}

export function ImportFileInput({ onPicked, onError }: { onPicked: (file: PickedFile) => void; onError: (message: string) => void }) {
  return (
    <label className='am-file-pick'>
      选择 Excel 或 CSV 文件
      <input
        className='import-file-input'
        style={{ display: 'none' }}
        type='file'
        accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Choosing the same file again (after fixing it) fires onChange again.
          input.value = '';
          if (!file) return;
          const problem = pickProblem(file.name, file.size);
          if (problem) {
            onError(problem);
            return;
          }
          const reader = new FileReader();
          reader.onload = () => onPicked(pickedFromBytes(file.name, new Uint8Array(reader.result as ArrayBuffer)));
          reader.onerror = () => onError('读取文件失败，请重新选择');
          reader.readAsArrayBuffer(file);
        }}
      />
    </label>
  );
}

export function downloadTemplate(): void {
  const blob = new Blob([IMPORT_TEMPLATE_CSV], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = '会员导入模板.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
