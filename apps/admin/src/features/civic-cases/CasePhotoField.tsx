import { PlusOutlined } from '@ant-design/icons';
import { PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES, type StoredFile } from '@linli/contracts';
import { App, Form, Upload, type UploadFile } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/http.ts';
import { filesApi } from '../../api/posts.ts';
import { errorText } from '../../components/errors.ts';

const MAX_PHOTOS = 9;
const isPhotoType = (type: string) => PHOTO_MEDIA_TYPES.some((m) => m === type);

export type PhotoFiles = UploadFile<StoredFile>[] | undefined;

/** The ids of the photos that finished uploading, in the order shown. */
export const uploadedIds = (files: PhotoFiles): string[] =>
  (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

export const isUploading = (files: PhotoFiles): boolean => (files ?? []).some((f) => f.status === 'uploading');

type Props = { name: string; label: ReactNode; 'data-testid': string };

/**
 * Up to nine JPEG, PNG or WebP photos of at most 5 MB, each uploaded (`POST /files`, metadata stripped by the
 * server) as soon as it is picked; the form sends their ids.
 */
export const CasePhotoField = ({ name, label, ...rest }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={t('civic.photos.hint')}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      rules={[
        {
          validator: async (_r, files: PhotoFiles) => {
            if (isUploading(files)) throw new Error(t('civic.photos.uploading'));
            if ((files ?? []).some((f) => f.status === 'error')) throw new Error(t('civic.photos.failed'));
          },
        },
      ]}
    >
      <Upload<StoredFile>
        listType="picture-card"
        accept={PHOTO_MEDIA_TYPES.join(',')}
        maxCount={MAX_PHOTOS}
        multiple
        beforeUpload={(file) => {
          if (!isPhotoType(file.type)) {
            void message.error(t('civic.photos.type', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > PHOTO_MAX_BYTES) {
            void message.error(t('civic.photos.tooBig', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          if (!(file instanceof File)) return;
          filesApi
            .upload(file, newIdempotencyKey())
            .then((stored) => onSuccess?.(stored))
            .catch((e: unknown) => {
              void message.error(errorText(e, t));
              onError?.(e instanceof Error ? e : new Error(errorText(e, t)));
            });
        }}
      >
        <button
          type="button"
          style={{ border: 0, background: 'none', cursor: 'pointer' }}
          data-testid={rest['data-testid']}
        >
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('civic.photos.add')}</div>
        </button>
      </Upload>
    </Form.Item>
  );
};
