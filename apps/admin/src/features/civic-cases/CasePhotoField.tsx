import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoUploadField } from '../../components/PhotoUploadField.tsx';

type Props = { name: string; label: ReactNode; 'data-testid': string };

/** A case's photos (filing, or the result of handling it), told in the 民情 words; the form waits for uploads. */
export const CasePhotoField = (props: Props) => {
  const { t } = useTranslation();
  return (
    <PhotoUploadField
      {...props}
      texts={{
        hint: t('civic.photos.hint'),
        add: t('civic.photos.add'),
        failed: t('civic.photos.failed'),
        uploading: t('civic.photos.uploading'),
        type: (name) => t('civic.photos.type', { name }),
        tooBig: (name) => t('civic.photos.tooBig', { name }),
      }}
    />
  );
};
