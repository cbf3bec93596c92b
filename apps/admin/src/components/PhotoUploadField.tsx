import { PlusOutlined } from '@ant-design/icons';
import { PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES, type StoredFile } from '@linli/contracts';
import { App, Form, Upload, type UploadFile, type UploadProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../api/http.ts';
import { filesApi } from '../api/posts.ts';
import { errorText } from './errors.ts';

const MAX_PHOTOS = 9;
const isPhotoType = (type: string) => PHOTO_MEDIA_TYPES.some((m) => m === type);

export type PhotoFiles = UploadFile<StoredFile>[] | undefined;

/** The ids of the photos that finished uploading, in the order shown. */
export const uploadedPhotoIds = (files: PhotoFiles): string[] =>
  (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

export const hasPendingUploads = (files: PhotoFiles): boolean => (files ?? []).some((f) => f.status === 'uploading');

/** What a refused file is told, in the caller's own i18n section. */
export interface PhotoRefusals {
  type: (fileName: string) => string;
  tooBig: (fileName: string) => string;
}

/**
 * The upload half of a photo field: JPEG, PNG or WebP of at most 5 MB only, each uploaded (`POST /files`, metadata
 * stripped by the server) as soon as it is picked, so the form sends ids.
 */
export function usePhotoUpload(
  refusals: PhotoRefusals,
): Pick<UploadProps<StoredFile>, 'accept' | 'beforeUpload' | 'customRequest'> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return {
    accept: PHOTO_MEDIA_TYPES.join(','),
    beforeUpload: (file) => {
      if (!isPhotoType(file.type)) {
        void message.error(refusals.type(file.name));
        return Upload.LIST_IGNORE;
      }
      if (file.size > PHOTO_MAX_BYTES) {
        void message.error(refusals.tooBig(file.name));
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    customRequest: ({ file, onSuccess, onError }) => {
      if (!(file instanceof File)) return;
      filesApi
        .upload(file, newIdempotencyKey())
        .then((stored) => onSuccess?.(stored))
        .catch((e: unknown) => {
          void message.error(errorText(e, t));
          onError?.(e instanceof Error ? e : new Error(errorText(e, t)));
        });
    },
  };
}

export interface PhotoFieldTexts extends PhotoRefusals {
  hint: string;
  add: string;
  failed: string;
  /** Said while a photo is still uploading; without it the caller checks `hasPendingUploads` on submit itself. */
  uploading?: string;
}

type Props = { name: string; label: ReactNode; texts: PhotoFieldTexts; 'data-testid': string };

/** Up to nine photos, each uploaded as soon as it is picked; the form's value is antd's file list. */
export const PhotoUploadField = ({ name, label, texts, ...rest }: Props) => {
  const upload = usePhotoUpload(texts);
  return (
    <Form.Item
      name={name}
      label={label}
      extra={texts.hint}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      rules={[
        {
          validator: async (_r, files: PhotoFiles) => {
            if (texts.uploading && hasPendingUploads(files)) throw new Error(texts.uploading);
            if ((files ?? []).some((f) => f.status === 'error')) throw new Error(texts.failed);
          },
        },
      ]}
    >
      <Upload<StoredFile> listType="picture-card" maxCount={MAX_PHOTOS} multiple {...upload}>
        <button
          type="button"
          style={{ border: 0, background: 'none', cursor: 'pointer' }}
          data-testid={rest['data-testid']}
        >
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{texts.add}</div>
        </button>
      </Upload>
    </Form.Item>
  );
};
