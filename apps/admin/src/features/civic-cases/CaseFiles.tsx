import { FileOutlined } from '@ant-design/icons';
import type { CaseFile } from '@linli/contracts';
import { Flex, Image, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { files: readonly CaseFile[]; size?: number; 'data-testid'?: string };

/** A case's or an event's files: photos as thumbnails that open the full picture, other files as links. */
export const CaseFiles = ({ files, size = 64, ...rest }: Props) => {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  const photos = files.filter((f) => f.contentType.startsWith('image/'));
  const others = files.filter((f) => !f.contentType.startsWith('image/'));
  return (
    <Flex vertical gap={6} data-testid={rest['data-testid']}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={6} wrap>
            {photos.map((f, i) => (
              <Image
                key={f.id}
                src={f.thumbnailUrl ?? f.url}
                preview={{ src: f.url }}
                width={size}
                height={size}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                alt={t('civic.photos.alt', { n: i + 1 })}
                data-testid="civic-case-photo"
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <Typography.Link key={f.id} href={f.url} target="_blank" rel="noreferrer">
          <FileOutlined /> {t(`civic.fileKind.${f.kind}`)}
        </Typography.Link>
      ))}
    </Flex>
  );
};
