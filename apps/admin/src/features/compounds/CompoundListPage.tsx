import { DownloadOutlined } from '@ant-design/icons';
import { type Compound, ROLLOUT_STAGES, type RolloutStage } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Select, type TableColumnsType, Tag } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type CompoundListQuery, compoundsApi } from '../../api/compounds.ts';
import { useSession } from '../../app/session.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { STAGE_COLORS } from '../../components/colors.ts';
import { errorText } from '../../components/errors.ts';
import { FilterActions } from '../../components/FilterActions.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { formatDate } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';

type Sort = 'name' | 'createdAt' | 'householdCount';
type Filters = Omit<CompoundListQuery, 'cursor' | 'limit'>;

/** Filters live in the URL, so returning from a detail page keeps them. */
const useFilters = (): [Filters, (f: Filters) => void] => {
  const [params, setParams] = useSearchParams();
  const stage = params.get('rolloutStage');
  const hasBranch = params.get('hasBranch');
  const sort = params.get('sort');
  const filters: Filters = {
    q: params.get('q') ?? undefined,
    orgId: params.get('orgId') ?? undefined,
    rolloutStage: ROLLOUT_STAGES.find((s) => s === stage),
    hasBranch: hasBranch === 'true' || hasBranch === 'false' ? hasBranch : undefined,
    sort: sort === 'createdAt' || sort === 'householdCount' ? sort : 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
  const set = (f: Filters) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v !== '') next.set(k, v);
    setParams(next, { replace: true });
  };
  return [filters, set];
};

export const CompoundListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filters, setFilters] = useFilters();
  const [form] = Form.useForm<Filters>();
  const { paging, query } = useListQuery('compounds', filters, compoundsApi.list);
  const exporter = useMutation({
    mutationFn: () => compoundsApi.export(filters, `${t('compound.exportName')}-${dayjs().format('YYYYMMDD')}.csv`),
    onError: (e) => void message.error(errorText(e, t)),
  });

  const sortOrderOf = (key: Sort): SortOrder | undefined =>
    filters.sort === key ? (filters.order === 'desc' ? 'descend' : 'ascend') : null;

  const columns: TableColumnsType<Compound> = [
    {
      title: t('compound.fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, c) => <Link to={`/compounds/${c.id}`}>{name}</Link>,
    },
    { title: t('compound.fields.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('compound.fields.town'),
      dataIndex: 'townName',
      width: 170,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('compound.fields.address'), dataIndex: 'address', ellipsis: true },
    {
      title: t('compound.fields.households'),
      dataIndex: 'householdCount',
      key: 'householdCount',
      align: 'right',
      width: 96,
      sorter: true,
      sortOrder: sortOrderOf('householdCount'),
    },
    { title: t('compound.fields.buildings'), dataIndex: 'buildingCount', align: 'right', width: 88 },
    {
      title: t('compound.fields.stage'),
      dataIndex: 'rolloutStage',
      width: 110,
      render: (s: RolloutStage) => <Tag color={STAGE_COLORS[s]}>{t(`common.enum.rolloutStage.${s}`)}</Tag>,
    },
    {
      title: t('compound.fields.branch'),
      dataIndex: 'branchOrgId',
      width: 110,
      render: (id: string | null) =>
        id ? <Tag color="red">{t('compound.fields.hasBranch')}</Tag> : <Tag>{t('compound.fields.noBranch')}</Tag>,
    },
    {
      title: t('compound.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: (v: string) => formatDate(v),
    },
  ];

  const submit = (v: Filters) => setFilters({ ...filters, ...v, q: v.q?.trim() || undefined });

  return (
    <PageContainer
      title={t('compound.title')}
      extra={
        <>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate()}
            data-testid="compound-export"
          >
            {t('common.actions.export')}
          </Button>
          <CreateButton
            permission="compound.write"
            onClick={() => navigate('/compounds/new')}
            data-testid="compound-create"
          >
            {t('compound.create')}
          </CreateButton>
        </>
      }
    >
      <Card size="small" className="filter-card">
        <Form form={form} layout="inline" initialValues={filters} onFinish={submit}>
          <SearchField placeholder={t('compound.filters.q')} />
          {can('org.read') && (
            <Form.Item name="orgId">
              <OrgTreeSelect
                allowClear
                placeholder={t('compound.filters.org')}
                style={{ width: 240 }}
                onChange={(orgId) => submit({ ...form.getFieldsValue(), orgId })}
              />
            </Form.Item>
          )}
          <Form.Item name="rolloutStage">
            <Select
              allowClear
              placeholder={t('compound.filters.stage')}
              style={{ width: 140 }}
              onChange={(rolloutStage?: RolloutStage) => submit({ ...form.getFieldsValue(), rolloutStage })}
              options={ROLLOUT_STAGES.map((s) => ({ value: s, label: t(`common.enum.rolloutStage.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="hasBranch">
            <Select
              allowClear
              placeholder={t('compound.filters.hasBranch')}
              style={{ width: 140 }}
              onChange={(hasBranch?: 'true' | 'false') => submit({ ...form.getFieldsValue(), hasBranch })}
              options={[
                { value: 'true', label: t('compound.filters.hasBranchYes') },
                { value: 'false', label: t('compound.filters.hasBranchNo') },
              ]}
            />
          </Form.Item>
          <FilterActions
            onReset={() => {
              form.resetFields();
              form.setFieldsValue({ q: undefined, orgId: undefined, rolloutStage: undefined, hasBranch: undefined });
              setFilters({});
            }}
          />
        </Form>
      </Card>
      <ListTable<Compound>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.order ? (s.columnKey as Sort | undefined) : undefined;
          setFilters({ ...filters, sort: key ?? 'name', order: s?.order === 'descend' ? 'desc' : 'asc' });
        }}
      />
    </PageContainer>
  );
};
