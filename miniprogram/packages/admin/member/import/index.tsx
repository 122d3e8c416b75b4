/**
 * 批量导入会员: the union uploads its list in the template (shared/member/importTemplate.ts) as an
 * Excel workbook (.xlsx) or a CSV. A UTF-8 CSV is checked at once on the page with the same
 * rules the server applies (file-level problems stop here); an .xlsx or a CSV in another
 * encoding (GBK) is sent as bytes and checked by the function (./pickedFile.ts). The result
 * lists imported / skipped duplicates / row errors with the spreadsheet row number. Re-sending
 * the same file creates nothing twice (server rule).
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../../../services/api';
import { newRequestId } from '../../../../services/requestId';
import LocalTools from '../../../../components/LocalTools';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, parseImportCsv } from '../../../../../shared/member/importTemplate';
import type { AdminImportResult } from '../../../../../shared/member/schemas';
import { formatBusiness } from '../../../../../shared/time';
import { pickImportFileWeapp } from './pickImportFileWeapp';
import type { PickedFile } from './pickedFile';
import '../admin-member.css';

const H5 = process.env.TARO_ENV === 'h5' ? (require('./ImportFileH5') as typeof import('./ImportFileH5')) : null;

const TEMPLATE_HEADER = IMPORT_COLUMNS.map((c) => c.header).join(',');

export default function ImportPage() {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [result, setResult] = useState<AdminImportResult | null>(null);
  const requestId = useRef<string | null>(null);

  // Only a UTF-8 CSV can be checked here; other files are checked by the function on import.
  const preview = useMemo(() => (file && 'csv' in file ? parseImportCsv(file.csv, formatBusiness(Date.now(), 'YYYY-MM-DD')) : null), [file]);
  const ready = !!file && ('base64' in file || !!preview?.ok);

  const picked = (f: PickedFile) => {
    setFile(f);
    setPickError(null);
    setServerError(null);
    setResult(null);
    requestId.current = null;
  };

  const chooseWeapp = async () => {
    try {
      const f = await pickImportFileWeapp();
      if (f) picked(f);
    } catch (e) {
      setFile(null);
      setPickError(e instanceof Error && e.message ? e.message : '读取文件失败，请重新选择');
    }
  };

  const upload = async () => {
    if (!file || !ready) return;
    setServerError(null);
    requestId.current = requestId.current ?? newRequestId();
    setBusy(true);
    const request = 'csv' in file ? { csv: file.csv } : { file: { name: file.name, base64: file.base64 } };
    const res = await api.member.adminImport(request, { requestId: requestId.current });
    setBusy(false);
    if (!res.ok) {
      if (res.error.code !== 'NETWORK') requestId.current = null;
      setServerError(res.error.message);
      return;
    }
    requestId.current = null;
    setResult(res.data);
  };

  const copyHeader = () => {
    void Taro.setClipboardData({ data: TEMPLATE_HEADER }).then(
      () => Taro.showToast({ title: '表头已复制', icon: 'none' }),
      () => Taro.showToast({ title: '复制失败，请手动输入表头', icon: 'none' }),
    );
  };

  return (
    <View className='page am-import'>
      <View className='card'>
        <View className='section-title'>
          <Text>第一步：按模板整理名单</Text>
        </View>
        <Text className='am-template template-header'>{TEMPLATE_HEADER}</Text>
        {IMPORT_COLUMNS.map((c) => (
          <View key={c.key} className='am-col'>
            <Text className='am-col__name'>{`${c.header}${c.required ? '（必填）' : ''}`}</Text>
            <Text className='am-col__note'>{c.note}</Text>
          </View>
        ))}
        <Text className='note'>{`可直接上传 Excel 文件（.xlsx，读取第一个工作表），也可上传 CSV 文件；第一行为表头，每次最多 ${MAX_IMPORT_ROWS} 行。`}</Text>
        <Text className='note'>请先把「身份证号」「手机号」列设为文本格式再填写：否则 Excel 会把 18 位身份证号存成数字，后几位变成 0。</Text>
        <View className='am-actions'>
          <Button className='am-btn am-btn--ghost' onClick={copyHeader}>
            复制表头
          </Button>
          {H5 ? (
            <Button className='am-btn am-btn--ghost' onClick={() => H5.downloadTemplate()}>
              下载模板
            </Button>
          ) : null}
        </View>
      </View>

      <View className='card'>
        <View className='section-title'>
          <Text>第二步：选择文件并导入</Text>
        </View>
        {H5 ? (
          <H5.ImportFileInput
            onPicked={picked}
            onError={(message) => {
              setFile(null);
              setPickError(message);
            }}
          />
        ) : (
          <Button className='am-btn am-btn--ghost' onClick={() => void chooseWeapp()}>
            从微信聊天中选择 Excel 或 CSV 文件
          </Button>
        )}
        {pickError ? <Text className='am-error'>{pickError}</Text> : null}
        {file ? <Text className='am-file'>{`已选择：${file.name}`}</Text> : <Text className='note'>尚未选择文件</Text>}
        {preview && !preview.ok ? <Text className='am-error import-file-error'>{preview.reason}</Text> : null}
        {file && 'base64' in file ? <Text className='note import-server-check'>该文件将在导入时由服务器检查，有误的行会在导入结果中列出。</Text> : null}
        {preview?.ok ? (
          <Text className='note'>{`共 ${preview.rows.length + preview.errors.length} 行：${preview.rows.length} 行格式正确${preview.errors.length ? `，${preview.errors.length} 行有误（导入后列出）` : ''}`}</Text>
        ) : null}
        {serverError ? <Text className='am-error import-server-error'>{serverError}</Text> : null}
        <View className='am-actions'>
          <Button
            className={`am-btn import-submit ${!ready || busy ? 'am-btn--disabled' : ''}`}
            disabled={!ready || busy || undefined}
            onClick={() => void upload()}
          >
            {busy ? '正在导入…' : '开始导入'}
          </Button>
        </View>
      </View>

      {result ? (
        <View className='card import-result'>
          <View className='section-title'>
            <Text>导入结果</Text>
          </View>
          <View className='am-stats'>
            <View className='am-stat'>
              <Text className='am-stat__value'>{result.imported}</Text>
              <Text className='am-stat__name'>新导入</Text>
            </View>
            <View className='am-stat'>
              <Text className='am-stat__value'>{result.skippedDuplicates}</Text>
              <Text className='am-stat__name'>已是会员（跳过）</Text>
            </View>
            <View className='am-stat'>
              <Text className='am-stat__value'>{result.forwarded}</Text>
              <Text className='am-stat__name'>转上级工会核对</Text>
            </View>
            <View className='am-stat'>
              <Text className='am-stat__value'>{result.errors.length}</Text>
              <Text className='am-stat__name'>有误未导入</Text>
            </View>
          </View>
          <Text className='note'>{`文件共 ${result.totalRows} 行数据。再次导入同一文件不会重复登记。`}</Text>
          {result.errors.map((e) => (
            <View key={`${e.row}-${e.reason}`} className='am-rowerr'>
              <Text className='am-rowerr__row'>{`第 ${e.row} 行`}</Text>
              <Text>{e.reason}</Text>
            </View>
          ))}
          {result.forwarded > 0 ? (
            <Text className='note import-forwarded'>{`${result.forwarded} 行暂不能由本级导入，已转交上级工会核对处理，无需重复导入。`}</Text>
          ) : null}
          {result.imported > 0 ? <Text className='note'>导入的会员在小程序中「认领会员卡」后即可使用电子会员卡。</Text> : null}
        </View>
      ) : null}
      <LocalTools />
    </View>
  );
}
