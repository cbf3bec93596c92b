import type { CaseFile } from '@linli/contracts';
import { Image, ImageViewer } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** Photos of a case or a step as thumbnails; a tap opens them full size, swipeable. */
export function PhotoStrip({ files, label }: { files: readonly CaseFile[]; label?: string }) {
  const { t } = useTranslation();
  const images = files.filter((file) => file.contentType.startsWith('image/'));
  if (images.length === 0) return null;
  const full = images.map((file) => file.url);
  return (
    <ul className="photo-strip civic-photos" aria-label={label ?? t('civic.detail.photos')}>
      {images.map((file, index) => (
        <li key={file.id}>
          <button
            type="button"
            className="photo-thumb"
            aria-label={t('civic.timeline.photoOf', { index: index + 1, total: images.length })}
            onClick={() => ImageViewer.Multi.show({ images: full, defaultIndex: index })}
          >
            <Image src={file.thumbnailUrl ?? file.url} fit="cover" width="100%" height="100%" lazy />
          </button>
        </li>
      ))}
    </ul>
  );
}
