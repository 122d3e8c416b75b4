/**
 * H5 only (required behind `process.env.TARO_ENV === 'h5'`, so the weapp build drops it): a
 * plain <input type="file"> that reads the chosen CSV as UTF-8 text, and a link that downloads
 * the template as a file.
 */
import { IMPORT_TEMPLATE_CSV } from '../../../../../shared/member/importTemplate';

export interface PickedFile {
  name: string;
  text: string;
}

export function CsvFileInput({ onPicked, onError }: { onPicked: (file: PickedFile) => void; onError: (message: string) => void }) {
  return (
    <label className='am-file-pick'>
      选择 CSV 文件
      <input
        className='csv-file-input'
        style={{ display: 'none' }}
        type='file'
        accept='.csv,text/csv'
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          const reader = new FileReader();
          reader.onload = () => onPicked({ name: file.name, text: String(reader.result ?? '') });
          reader.onerror = () => onError('读取文件失败，请重新选择');
          reader.readAsText(file, 'utf-8');
          // Choosing the same file again (after fixing it) fires onChange again.
          input.value = '';
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
