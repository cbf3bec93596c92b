import type { CivicCaseSummary } from '@linli/contracts';
import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CivicCaseFilters } from '../../api/civicCases.ts';
import { formatTime } from '../../components/time.ts';
import { CaseStatusTag, DeadlineText, EndTypeTag, UrgencyTag, unitText } from './caseTags.tsx';
import type { CaseSort } from './useCaseFilters.ts';
import { useNow } from './useNow.ts';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** The case centre's columns; deadline and received sort on the server (the header arrows set `sort`/`order`). */
export const useCaseColumns = (filters: CivicCaseFilters, onChange: (f: CivicCaseFilters) => void) => {
  const { t } = useTranslation();
  const now = useNow();
  const sortOrderOf = (key: CaseSort): SortOrder =>
    filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null;
  const sorter = (key: CaseSort) => ({
    sorter: true,
    sortOrder: sortOrderOf(key),
    sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
    onHeaderCell: () => ({
      onClick: () => {
        const order = filters.sort === key && filters.order === 'asc' ? 'desc' : 'asc';
        onChange({ ...filters, sort: key, order });
      },
    }),
  });

  const columns: TableColumnsType<CivicCaseSummary> = [
    {
      title: t('civic.fields.number'),
      dataIndex: 'number',
      width: 168,
      fixed: 'left',
      render: (n: string, c) => (
        <Link to={`/civic-cases/${c.id}`} className="mono" data-testid="civic-case-open">
          {n}
        </Link>
      ),
    },
    {
      title: t('civic.fields.title'),
      dataIndex: 'title',
      width: 220,
      ellipsis: true,
      render: (title: string, c) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Link to={`/civic-cases/${c.id}`}>
            <Typography.Text ellipsis style={{ color: 'inherit' }}>
              {title}
            </Typography.Text>
          </Link>
          <Flex gap={4} wrap>
            {c.kind === 'mediation' && <Tag color="purple">{t('civic.kind.mediation')}</Tag>}
            {c.pendingRequest && <Tag color="warning">{t(`civic.pendingRequest.${c.pendingRequest}`)}</Tag>}
            {c.reworkCount > 0 && <Tag color="magenta">{t('civic.centre.reworked', { n: c.reworkCount })}</Tag>}
            {c.openSupervisions > 0 && <Tag color="red">{t('civic.centre.supervised', { n: c.openSupervisions })}</Tag>}
          </Flex>
        </Flex>
      ),
    },
    { title: t('civic.fields.category'), dataIndex: 'categoryName', width: 110, ellipsis: true },
    {
      title: t('civic.fields.urgency'),
      dataIndex: 'urgency',
      width: 96,
      render: (_: unknown, c) => <UrgencyTag urgency={c.urgency} />,
    },
    {
      title: t('civic.fields.status'),
      dataIndex: 'status',
      width: 150,
      render: (_: unknown, c) => (
        <Flex gap={2} wrap>
          <CaseStatusTag status={c.status} />
          {c.status === 'closed' && <EndTypeTag endType={c.endType} />}
        </Flex>
      ),
    },
    {
      title: t('civic.fields.deadline'),
      key: 'deadline',
      width: 120,
      ...sorter('deadline'),
      render: (_: unknown, c) => <DeadlineText {...c} now={now} />,
    },
    {
      title: t('civic.fields.unit'),
      key: 'unit',
      width: 170,
      render: (_: unknown, c) =>
        c.unit ? <Typography.Text ellipsis={{ tooltip: unitText(c.unit, t) }}>{c.unit.name}</Typography.Text> : dash,
    },
    { title: t('civic.fields.compound'), dataIndex: 'compoundName', width: 120, ellipsis: true },
    {
      title: t('civic.fields.followers'),
      dataIndex: 'followerCount',
      width: 76,
      align: 'right',
      render: (n: number) => (n > 0 ? n : dash),
    },
    {
      title: t('civic.fields.channel'),
      dataIndex: 'channel',
      width: 110,
      render: (_: unknown, c) => t(`civic.channel.${c.channel}`),
    },
    {
      title: t('civic.fields.createdAt'),
      key: 'created',
      width: 140,
      ...sorter('created'),
      render: (_: unknown, c) => formatTime(c.createdAt),
    },
  ];
  return columns;
};
