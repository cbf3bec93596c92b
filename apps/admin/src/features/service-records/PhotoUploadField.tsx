import { PlusOutlined } from '@ant-design/icons';
import { PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES, type StoredFile } from '@linli/contracts';
import { App, Form, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/http.ts';
import { filesApi } from '../../api/posts.ts';
import { errorText } from '../../components/errors.ts';

const MAX_PHOTOS = 9;
const isPhotoType = (type: string) => PHOTO_MEDIA_TYPES.some((m) => m === type);

/** The ids of the photos that finished uploading, in the order shown. */
export const uploadedPhotoIds = (files: UploadFile<StoredFile>[] | undefined): string[] =>
  (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

export const hasPendingUploads = (files: UploadFile<StoredFile>[] | undefined): boolean =>
  (files ?? []).some((f) => f.status === 'uploading');

/** Up to nine JPEG, PNG or WebP photos of at most 5 MB, each uploaded as soon as it is picked. */
export const PhotoUploadField = ({ name = 'photos' }: { name?: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Form.Item
      name={name}
      label={t('service.record.photos')}
      extra={t('service.record.photosHint')}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      rules={[
        {
          validator: async (_r, files: UploadFile[] | undefined) => {
            if ((files ?? []).some((f) => f.status === 'error')) throw new Error(t('service.record.photoFailed'));
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
            void message.error(t('service.record.photoType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > PHOTO_MAX_BYTES) {
            void message.error(t('service.record.photoTooBig', { name: file.name }));
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
          data-testid="service-record-photo-add"
        >
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('service.record.addPhoto')}</div>
        </button>
      </Upload>
    </Form.Item>
  );
};
