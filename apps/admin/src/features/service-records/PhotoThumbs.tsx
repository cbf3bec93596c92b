import { Flex, Image } from 'antd';
import { useTranslation } from 'react-i18next';

/** A record's photos as small thumbnails that open a preview (`GET /files/:id` with the session). */
export const PhotoThumbs = ({ photos }: { photos: readonly { id: string; url: string }[] }) => {
  const { t } = useTranslation();
  if (photos.length === 0) return <span>—</span>;
  return (
    <Image.PreviewGroup>
      <Flex gap={4} wrap>
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.url}
            width={40}
            height={40}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={t('service.record.photoAlt', { n: i + 1 })}
            data-testid="service-record-photo"
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
};
