import Taro from '@tarojs/taro';

/** H5: download the file; weapp: copy the CSV so staff can paste it into a spreadsheet. */
export async function exportCsv(filename: string, csv: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return;
  }
  await Taro.setClipboardData({ data: csv });
  void Taro.showToast({ title: '花名册已复制，可粘贴到表格', icon: 'none' });
}
