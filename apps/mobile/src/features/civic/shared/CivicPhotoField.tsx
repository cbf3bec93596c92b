import { PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES } from '@linli/contracts';
import { ImageUploader, type ImageUploadItem, Toast } from 'antd-mobile';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { civicApi } from '../../../api/civic.ts';
import { useDescribeError } from '../../../i18n/describe-error.ts';

export const MAX_PHOTOS = 9;
const ACCEPT = PHOTO_MEDIA_TYPES.join(',');
const isAccepted = (type: string): boolean => PHOTO_MEDIA_TYPES.some((accepted) => accepted === type);

/** An uploaded photo as the form keeps it: the stored file's id and where to show it (never the bytes). */
export type UploadedPhoto = { id: string; url: string };

export const toUploadItems = (photos: readonly UploadedPhoto[]): ImageUploadItem[] =>
  photos.map((photo) => ({ key: photo.id, url: photo.url }));
export const fromUploadItems = (items: readonly ImageUploadItem[]): UploadedPhoto[] =>
  items.map((item) => ({ id: String(item.key), url: item.url }));

type Props = {
  label: string;
  hint?: string;
  value: readonly UploadedPhoto[];
  onChange: (photos: UploadedPhoto[]) => void;
  /** How many uploads are still running (the form waits for them). */
  onBusyChange: (busy: number) => void;
  error?: string | undefined;
  testId: string;
};

/**
 * Up to nine photos, each uploaded as soon as it is picked and shown as a thumbnail with a remove button. The
 * form keeps only the stored ids, so a saved draft holds no image bytes.
 */
export function CivicPhotoField({ label, hint, value, onChange, onBusyChange, error, testId }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const labelId = useId();

  const beforeUpload = (file: File): File | null => {
    if (!isAccepted(file.type)) {
      Toast.show({ icon: 'fail', content: t('civic.report.photoType') });
      return null;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      Toast.show({ icon: 'fail', content: t('civic.report.photoTooLarge', { mb: PHOTO_MAX_BYTES / 1024 / 1024 }) });
      return null;
    }
    return file;
  };

  const upload = async (file: File): Promise<ImageUploadItem> => {
    try {
      const stored = await civicApi.uploadPhoto(file);
      return { key: stored.id, url: stored.url };
    } catch (failure) {
      Toast.show({ icon: 'fail', content: describe(failure) });
      throw failure;
    }
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <ImageUploader
        className="photo-uploader"
        value={toUploadItems(value)}
        onChange={(items) => onChange(fromUploadItems(items))}
        upload={upload}
        beforeUpload={beforeUpload}
        accept={ACCEPT}
        multiple
        maxCount={MAX_PHOTOS}
        onCountExceed={(exceed) => Toast.show({ content: t('civic.report.photoCount', { max: MAX_PHOTOS, exceed }) })}
        onUploadQueueChange={(tasks) => onBusyChange(tasks.filter((task) => task.status === 'pending').length)}
        aria-labelledby={labelId}
        data-testid={testId}
      />
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : (
        <span className="field-hint">
          {hint ?? t('civic.report.photosHint', { max: MAX_PHOTOS, count: value.length })}
        </span>
      )}
    </div>
  );
}
