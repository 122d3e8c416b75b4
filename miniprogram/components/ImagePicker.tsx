/**
 * 选择图片 for admins (post cover, drop picture): pick one photo (album or camera, compressed),
 * upload it to cloud storage through a slot the server issues for `unionId`, then preview it with
 * 更换 / 移除. The value is the fileID (`cloud://…`) to save, or '' for none; an existing https://
 * image shows the same way. Used only by admin subpackage pages.
 */
import { Image, Text, View } from '@tarojs/components';
import { Button } from './Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../services/api';
import type { UploadPurpose } from '../../shared/files/images';
import './ImagePicker.css';

export interface ImagePickerProps {
  label: string;
  purpose: UploadPurpose;
  /** The union the image is for (the server issues the slot only to its admins). */
  unionId: string;
  value: string;
  onChange: (fileId: string) => void;
}

function isCancel(err: unknown): boolean {
  const msg = (err as { errMsg?: string } | null)?.errMsg ?? String(err);
  return /cancel|abort/i.test(msg);
}

export default function ImagePicker({ label, purpose, unionId, value, onChange }: ImagePickerProps) {
  const [uploading, setUploading] = useState<string | null>(null);

  const pick = async () => {
    let chosen: Taro.chooseImage.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch (err) {
      if (!isCancel(err)) void Taro.showToast({ title: '无法打开相册，请重试', icon: 'none' });
      return;
    }
    const file = chosen.tempFiles?.[0];
    if (!file) return void Taro.showToast({ title: '无法读取所选图片，请换一张', icon: 'none' });
    setUploading(file.path);
    const res = await api.files.uploadImage(purpose, unionId, file);
    setUploading(null);
    if (!res.ok) return void Taro.showModal({ title: '图片未能上传', content: res.error.message, showCancel: false });
    onChange(res.data.fileID);
  };

  const shown = uploading ?? api.files.imageSrc(value);
  return (
    <View className='img-picker'>
      <Text className='img-picker__label'>{label}</Text>
      {shown ? (
        <View className='img-picker__preview'>
          <Image className='img-picker__img' src={shown} mode='aspectFill' />
          {uploading ? (
            <View className='img-picker__mask'>
              <Text>上传中…</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      <View className='img-picker__actions'>
        {value && !uploading ? (
          <>
            <Button className='img-picker__btn' size='mini' onClick={() => void pick()}>
              更换
            </Button>
            <Button className='img-picker__btn img-picker__btn--plain' size='mini' onClick={() => onChange('')}>
              移除
            </Button>
          </>
        ) : (
          <Button
            className='img-picker__btn'
            size='mini'
            loading={!!uploading}
            disabled={!!uploading || !unionId}
            onClick={() => void pick()}
          >
            {uploading ? '上传中' : '选择图片'}
          </Button>
        )}
      </View>
      <Text className='img-picker__hint'>JPG、PNG 或 WebP，不超过 2 MB</Text>
    </View>
  );
}
