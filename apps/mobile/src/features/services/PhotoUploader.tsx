import { PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES } from '@linli/contracts';
import { ImageUploader, type ImageUploadItem, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { servicesApi } from '../../api/services.ts';
import { useDescribeError } from '../../i18n/describe-error.ts';

export const MAX_PHOTOS = 9;
const ACCEPT = PHOTO_MEDIA_TYPES.join(',');
const isAccepted = (type: string): boolean => PHOTO_MEDIA_TYPES.some((accepted) => accepted === type);

type Props = {
  value: ImageUploadItem[];
  onChange: (items: ImageUploadItem[]) => void;
  /** How many uploads are still running (the form waits for them). */
  onBusyChange: (busy: number) => void;
};

/**
 * 照片: up to nine photos, each uploaded as soon as it is picked (`POST /files`) and sent as it is — no
 * client-side compression; the server strips the metadata. The item's `key` is the stored file's id.
 */
export function PhotoUploader({ value, onChange, onBusyChange }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();

  const beforeUpload = (file: File): File | null => {
    if (!isAccepted(file.type)) {
      Toast.show({ icon: 'fail', content: t('services.photoType') });
      return null;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      Toast.show({ icon: 'fail', content: t('services.photoTooLarge', { mb: PHOTO_MAX_BYTES / 1024 / 1024 }) });
      return null;
    }
    return file;
  };

  const upload = async (file: File): Promise<ImageUploadItem> => {
    try {
      const stored = await servicesApi.uploadPhoto(file);
      return { key: stored.id, url: stored.url };
    } catch (error) {
      Toast.show({ icon: 'fail', content: describe(error) });
      throw error;
    }
  };

  return (
    <div className="field">
      <span className="field-label" id="h5-service-photos-label">
        {t('services.photos')}
      </span>
      <ImageUploader
        className="photo-uploader"
        value={value}
        onChange={onChange}
        upload={upload}
        beforeUpload={beforeUpload}
        accept={ACCEPT}
        multiple
        maxCount={MAX_PHOTOS}
        onCountExceed={(exceed) => Toast.show({ content: t('services.photoCount', { max: MAX_PHOTOS, exceed }) })}
        onUploadQueueChange={(tasks) => onBusyChange(tasks.filter((task) => task.status === 'pending').length)}
        aria-labelledby="h5-service-photos-label"
        data-testid="h5-service-photos"
      />
      <span className="field-hint">{t('services.photosHint', { max: MAX_PHOTOS, count: value.length })}</span>
    </div>
  );
}
