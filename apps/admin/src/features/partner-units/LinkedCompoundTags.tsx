import { LoadingOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type LinkedCompound, useLinkedCompounds } from './useLinkedCompounds.ts';

const CompoundTag = ({ c }: { c: LinkedCompound }) => {
  const { t } = useTranslation();
  if (c.status === 'ok') {
    return (
      <Tag color="blue">
        <Link to={`/compounds/${c.id}`}>{c.name}</Link>
      </Tag>
    );
  }
  if (c.status === 'loading') return <Tag icon={<LoadingOutlined />}>{t('common.state.loading')}</Tag>;
  return (
    <Tooltip title={t(`partnerUnit.unreadableHint.${c.reason}`)}>
      <Tag>{t(`partnerUnit.unreadable.${c.reason}`)}</Tag>
    </Tooltip>
  );
};

/** The tags of already-resolved linked compounds; `max` shows the first few and "等 N 个小区". */
export const LinkedCompoundList = ({ items, max }: { items: LinkedCompound[]; max?: number }) => {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t('common.state.none')}</Typography.Text>;
  const shown = max === undefined ? items : items.slice(0, max);
  return (
    <Flex gap={4} wrap align="center">
      {shown.map((c) => (
        <CompoundTag key={c.id} c={c} />
      ))}
      {shown.length < items.length && (
        <Typography.Text type="secondary">{t('partnerUnit.compoundMore', { count: items.length })}</Typography.Text>
      )}
    </Flex>
  );
};

/** A partner unit's linked compounds by name (`GET /compounds/:id`), for a table cell. */
export const LinkedCompoundTags = ({ ids, max }: { ids: readonly string[]; max?: number }) => {
  const { items } = useLinkedCompounds(ids);
  return <LinkedCompoundList items={items} {...(max === undefined ? {} : { max })} />;
};
