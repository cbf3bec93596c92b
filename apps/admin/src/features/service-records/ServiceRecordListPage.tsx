import { StarOutlined } from '@ant-design/icons';
import type { Rating, ServiceRecord } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Select, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ServiceRecordListQuery, serviceRecordsApi } from '../../api/posts.ts';
import { useSession } from '../../app/session.tsx';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { MemberSelect } from '../households/MemberSelect.tsx';
import { rowTestId } from '../members/rowTestId.ts';
import { PhotoThumbs } from './PhotoThumbs.tsx';
import { RateModal } from './RateModal.tsx';
import { ServiceLogModal } from './ServiceLogModal.tsx';

type Filters = Omit<ServiceRecordListQuery, 'cursor' | 'limit'>;
type FormValues = Pick<Filters, 'compoundId' | 'memberId' | 'rated'> & { range?: [Dayjs | null, Dayjs | null] | null };

export const RATING_COLORS: Record<Rating, string> = {
  satisfied: 'green',
  basically_satisfied: 'blue',
  dissatisfied: 'red',
};

const toFilters = (v: FormValues): Filters => ({
  compoundId: v.compoundId,
  memberId: v.memberId,
  rated: v.rated,
  from: v.range?.[0]?.format('YYYY-MM-DD'),
  to: v.range?.[1]?.format('YYYY-MM-DD'),
});

const RatingCell = ({ r }: { r: ServiceRecord }) => {
  const { t } = useTranslation();
  if (!r.rating) return <Typography.Text type="secondary">{t('service.record.unrated')}</Typography.Text>;
  const tag = (
    <Tag color={RATING_COLORS[r.rating]}>
      {t(`service.rating.${r.rating}`)}
      {r.ratedByKind && ` · ${t(`service.record.ratedBy.${r.ratedByKind}`)}`}
    </Tag>
  );
  return r.comment ? <Tooltip title={r.comment}>{tag}</Tooltip> : tag;
};

/** 服务记录: services members logged (or the branch logged for them), with photos and the rating. */
export const ServiceRecordListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [logging, setLogging] = useState(false);
  const [rating, setRating] = useState<ServiceRecord | null>(null);
  const { paging, query } = useListQuery('service-records', filters, serviceRecordsApi.list);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['service-records'] });
  const canRate = can('post.manage');

  const columns: TableColumnsType<ServiceRecord> = [
    { title: t('service.record.servedOn'), dataIndex: 'servedOn', width: 110 },
    { title: t('service.record.member'), dataIndex: 'memberName', width: 100 },
    { title: t('service.record.compound'), dataIndex: 'compoundName', width: 160, ellipsis: true },
    {
      title: t('service.record.hours'),
      dataIndex: 'hours',
      width: 80,
      align: 'right',
      render: (h: number) => t('reportIn.rule.hoursValue', { n: h }),
    },
    {
      title: t('service.record.content'),
      dataIndex: 'content',
      render: (content: string, r) => (
        <Flex vertical gap={2}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: content }} style={{ margin: 0 }}>
            {content}
          </Typography.Paragraph>
          {(r.needTitle || r.postTitle || r.householdAddress) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                r.needTitle && t('common.fmt.labelValue', { label: t('service.record.need'), value: r.needTitle }),
                r.postTitle && t('common.fmt.labelValue', { label: t('service.record.post'), value: r.postTitle }),
                r.householdAddress &&
                  t('common.fmt.labelValue', { label: t('service.record.household'), value: r.householdAddress }),
              ]
                .filter(Boolean)
                .join(t('common.fmt.listSep'))}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('service.record.photos'),
      dataIndex: 'photos',
      width: 150,
      render: (_: unknown, r) => <PhotoThumbs photos={r.photos} />,
    },
    { title: t('service.record.rating'), key: 'rating', width: 150, render: (_: unknown, r) => <RatingCell r={r} /> },
    ...(canRate
      ? [
          {
            title: t('common.actions.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: ServiceRecord) =>
              !r.rating && (
                <Button
                  size="small"
                  icon={<StarOutlined />}
                  onClick={() => setRating(r)}
                  data-testid="service-record-rate"
                >
                  {t('service.record.rate')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('service.record.title')}
      subTitle={t('service.record.subTitle')}
      extra={
        <CreateButton permission="post.manage" onClick={() => setLogging(true)} data-testid="service-record-log">
          {t('service.record.log')}
        </CreateButton>
      }
    >
      <FilterBar<FormValues> onSearch={(v) => setFilters(toFilters(v))} onReset={() => setFilters({})}>
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('service.record.compound')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="memberId">
          <MemberSelect allowClear placeholder={t('service.record.member')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('service.record.from'), t('service.record.to')]}
            style={{ width: 250 }}
          />
        </Form.Item>
        <Form.Item name="rated">
          <Select
            allowClear
            placeholder={t('service.record.ratedFilter')}
            style={{ width: 120 }}
            data-testid="service-record-rated-filter"
            options={[
              { value: 'false', label: t('service.record.unrated') },
              { value: 'true', label: t('service.record.ratedYes') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<ServiceRecord>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('service-record-row')}
      />
      <ServiceLogModal open={logging} onClose={() => setLogging(false)} onCreated={refresh} />
      <RateModal record={rating} onClose={() => setRating(null)} onRated={refresh} />
    </PageContainer>
  );
};
