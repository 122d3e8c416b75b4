/**
 * 批量导入会员: the union uploads its list in the template (shared/member/importTemplate.ts) as an
 * Excel workbook (.xlsx) or a CSV. A UTF-8 CSV is checked at once on the page with the same
 * rules the server applies (file-level problems stop here); an .xlsx or a CSV in another
 * encoding (GBK) is sent as bytes and checked by the function (./pickedFile.ts). The result
 * lists imported / skipped duplicates / row errors with the spreadsheet row number. Re-sending
 * the same file creates nothing twice (server rule).
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../../services/api';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import LocalTools from '../../../../components/LocalTools';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, parseImportCsv } from '../../../../../shared/member/importTemplate';
import type { AdminImportResult, UnionRef } from '../../../../../shared/member/schemas';
import UnionPicker from '../admins/UnionPicker';
import { formatBusiness } from '../../../../../shared/time';
import { pickImportFileWeapp } from './pickImportFileWeapp';
import type { PickedFile } from './pickedFile';
import { elderClass } from '../../../../utils/elderMode';
import '../admin-member.css';
import '../manage/manage.css';
import '../admins/admins.css';

const H5 = process.env.TARO_ENV === 'h5' ? (require('./ImportFileH5') as typeof import('./ImportFileH5')) : null;

const TEMPLATE_HEADER = IMPORT_COLUMNS.map((c) => c.header).join(',');

export default function ImportPage() {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [result, setResult] = useState<AdminImportResult | null>(null);
  const { run, forget } = useRetrySafeCalls();

  // Only a UTF-8 CSV can be checked here; other files are checked by the function on import.
  const preview = useMemo(
    () => (file && 'csv' in file ? parseImportCsv(file.csv, formatBusiness(Date.now(), 'YYYY-MM-DD')) : null),
    [file],
  );
  const ready = !!file && ('base64' in file || !!preview?.ok);
  // Rows that leave 所属工会编码 empty go to this union (chosen here; default: the server's choice).
  const [blankUnion, setBlankUnion] = useState<UnionRef | null>(null);
  // The server's dry run: what an import would do now (unions, scope, members already on file).
  const [check, setCheck] = useState<
    { status: 'idle' | 'loading' } | { status: 'ready'; data: AdminImportResult } | { status: 'error'; message: string }
  >({ status: 'idle' });

  const requestOf = (f: PickedFile) => ({
    ...('csv' in f ? { csv: f.csv } : { file: { name: f.name, base64: f.base64 } }),
    ...(blankUnion ? { unionId: blankUnion.id } : {}),
  });

  useEffect(() => {
    if (!file || !ready) return setCheck({ status: 'idle' });
    let live = true;
    setCheck({ status: 'loading' });
    void api.member.adminImport({ ...requestOf(file), preview: true }).then((res) => {
      if (!live) return;
      setCheck(res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.error.message });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- requestOf reads file and blankUnion, both listed.
  }, [file, ready, blankUnion]);

  const picked = (f: PickedFile) => {
    setFile(f);
    setPickError(null);
    setServerError(null);
    setResult(null);
    forget(); // another file is another import
  };
  const checked = check.status === 'ready' ? check.data : null;
  const blankTarget = blankUnion ?? checked?.blankRowsUnion ?? null;

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
    setBusy(true);
    const res = await run((requestId) => api.member.adminImport(requestOf(file), { requestId }));
    setBusy(false);
    if (!res.ok) {
      setServerError(res.error.message);
      return;
    }
    setResult(res.data);
    setCheck({ status: 'idle' }); // done: importing the same file again would add nobody
  };

  const copyHeader = () => {
    void Taro.setClipboardData({ data: TEMPLATE_HEADER }).then(
      () => Taro.showToast({ title: '表头已复制', icon: 'none' }),
      () => Taro.showToast({ title: '复制失败，请手动输入表头', icon: 'none' }),
    );
  };

  return (
    <View className={`page am-import${elderClass()}`}>
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
        <Text className='note'>
          请先把「身份证号」「手机号」列设为文本格式再填写：否则 Excel 会把 18 位身份证号存成数字，后几位变成 0。
        </Text>
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
        {checked && checked.adminUnions.length ? (
          <View className='import-blank-union'>
            <Text className='am-col__name'>未填「所属工会编码」的行导入到</Text>
            <UnionPicker
              adminUnions={checked.adminUnions}
              value={blankTarget ?? { id: '', name: '请选择工会', level: 'grassroots' }}
              onPick={(p) => setBlankUnion(p.union)}
            />
          </View>
        ) : null}
        {check.status === 'loading' ? <Text className='note'>正在检查文件…</Text> : null}
        {check.status === 'error' ? <Text className='am-error import-check-error'>{check.message}</Text> : null}
        {checked ? (
          <Text className='note import-preview'>
            {`共 ${checked.totalRows} 行：可导入 ${checked.toImport ?? 0} 人${checked.skippedDuplicates ? `，${checked.skippedDuplicates} 人已是会员（跳过）` : ''}${checked.forwarded ? `，${checked.forwarded} 行将转交上级工会核对` : ''}${checked.errors.length ? `，${checked.errors.length} 行有问题（见下方）` : ''}`}
          </Text>
        ) : null}
        {checked && !result
          ? checked.errors.slice(0, 20).map((e) => (
              <View key={`${e.row}-${e.reason}`} className='am-rowerr'>
                <Text className='am-rowerr__row'>{`第 ${e.row} 行`}</Text>
                <Text>{e.reason}</Text>
              </View>
            ))
          : null}
        {serverError ? <Text className='am-error import-server-error'>{serverError}</Text> : null}
        <View className='am-actions'>
          <Button
            className={`am-btn import-submit`}
            disabled={!ready || busy || !checked || (checked.toImport ?? 0) === 0 || undefined}
            onClick={() => void upload()}
          >
            {busy ? '正在导入…' : checked ? `导入 ${checked.toImport ?? 0} 人` : '开始导入'}
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
