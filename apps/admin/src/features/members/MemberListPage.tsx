import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import {
  EMPLOYMENTS,
  MEMBER_FLAGS,
  MEMBER_STATUSES,
  type MemberListItem,
  type MemberStatus,
  REPORT_IN_STATUSES,
  type ReportInStatus,
} from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Select, type TableColumnsType, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { compoundsApi } from '../../api/compounds.ts';
import { membersApi } from '../../api/members.ts';
import { orgApi } from '../../api/organisation.ts';
import { useSession } from '../../app/session.tsx';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterActions } from '../../components/FilterActions.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { useWorkUnitOption, WorkUnitSelect } from '../work-units/WorkUnitSelect.tsx';
import { MemberCreateModal } from './MemberCreateModal.tsx';
import { MemberExportButtons } from './MemberExportButtons.tsx';
import { MemberFlagTags, MemberStatusTag, ReportInTag } from './memberTags.tsx';
import { rowTestId } from './rowTestId.ts';
import { type MemberFilters, useMemberFilters } from './useMemberFilters.ts';

type Sort = 'name' | 'joinedOn';

/** Names for the place filters taken from the URL, so the selects show them before any search. */
const useFilterLabels = (f: MemberFilters) => {
  const opts = { staleTime: 5 * 60_000, retry: false } as const;
  const branch = useQuery({
    ...opts,
    queryKey: ['filter-names', 'org', f.branchId],
    queryFn: async () => (await orgApi.get(f.branchId ?? '')).name,
    enabled: !!f.branchId,
  });
  const compound = useQuery({
    ...opts,
    queryKey: ['filter-names', 'compound', f.compoundId],
    queryFn: async () => (await compoundsApi.get(f.compoundId ?? '')).name,
    enabled: !!f.compoundId,
  });
  const workUnit = useWorkUnitOption(f.workUnitId);
  return {
    branch: f.branchId && branch.data ? { [f.branchId]: branch.data } : undefined,
    compound: f.compoundId && compound.data ? [{ value: f.compoundId, label: compound.data }] : [],
    workUnit,
  };
};

const FilterRow = ({ filters, onChange }: { filters: MemberFilters; onChange: (f: MemberFilters) => void }) => {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form] = Form.useForm<MemberFilters>();
  const labels = useFilterLabels(filters);
  const submit = (patch: Partial<MemberFilters>) => onChange({ ...filters, ...form.getFieldsValue(), ...patch });
  const select = (
    name: 'status' | 'employment' | 'reportIn' | 'flag',
    placeholder: string,
    options: { value: string; label: string }[],
    width = 130,
  ) => (
    <Form.Item name={name}>
      <Select
        allowClear
        placeholder={placeholder}
        style={{ width }}
        options={options}
        onChange={(v?: string) => submit({ [name]: v })}
        data-testid={`member-filter-${name}`}
      />
    </Form.Item>
  );
  return (
    <Card size="small" className="filter-card">
      <Form<MemberFilters> form={form} layout="inline" initialValues={filters} onFinish={() => submit({})}>
        <SearchField placeholder={t('member.q')} width={360} maxLength={40} />
        {can('org.read') && (
          <Form.Item name="branchId">
            <OrgTreeSelect
              allowClear
              placeholder={t('member.filters.branch')}
              style={{ width: 220 }}
              knownLabels={labels.branch}
              onChange={(branchId) => submit({ branchId })}
              data-testid="member-filter-branch"
            />
          </Form.Item>
        )}
        <Form.Item name="compoundId">
          <CompoundSelect
            allowClear
            placeholder={t('member.filters.compound')}
            style={{ width: 200 }}
            knownOptions={labels.compound}
            onChange={(compoundId) => submit({ compoundId })}
            data-testid="member-filter-compound"
          />
        </Form.Item>
        <Form.Item name="workUnitId">
          <WorkUnitSelect
            allowClear
            placeholder={t('member.filters.workUnit')}
            style={{ width: 220 }}
            knownOptions={labels.workUnit}
            onChange={(workUnitId) => submit({ workUnitId })}
            data-testid="member-filter-work-unit"
          />
        </Form.Item>
        {select(
          'status',
          t('member.filters.status'),
          MEMBER_STATUSES.map((s) => ({ value: s, label: t(`member.status.${s}`) })),
        )}
        {select(
          'employment',
          t('member.filters.employment'),
          EMPLOYMENTS.map((e) => ({ value: e, label: t(`member.employment.${e}`) })),
        )}
        {select(
          'reportIn',
          t('member.filters.reportIn'),
          REPORT_IN_STATUSES.map((s) => ({ value: s, label: t(`member.reportIn.${s}`) })),
        )}
        {select(
          'flag',
          t('member.filters.flag'),
          MEMBER_FLAGS.map((f) => ({ value: f, label: t(`member.flag.${f}`) })),
        )}
        <FilterActions
          onReset={() => {
            form.setFieldsValue({
              q: undefined,
              branchId: undefined,
              compoundId: undefined,
              workUnitId: undefined,
              status: undefined,
              employment: undefined,
              reportIn: undefined,
              flag: undefined,
            });
            onChange({ sort: 'name', order: 'asc' });
          }}
        />
      </Form>
    </Card>
  );
};

/** `/members`: the roster, searchable and filtered, masked, with create, import and export. */
export const MemberListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useMemberFilters();
  const [creating, setCreating] = useState(false);
  const { paging, query } = useListQuery('members', filters, membersApi.search);
  const { can } = useSession();

  const sortOrderOf = (key: Sort): SortOrder | undefined =>
    filters.sort === key ? (filters.order === 'desc' ? 'descend' : 'ascend') : null;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: TableColumnsType<MemberListItem> = [
    {
      title: t('member.fields.name'),
      dataIndex: 'name',
      key: 'name',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, m) => (
        <>
          <Link to={`/members/${m.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
            {t('member.list.genderAge', { gender: t(`member.gender.${m.gender}`), age: m.age })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('member.fields.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 200,
      render: (v: string) => (
        <span className="mono" style={{ whiteSpace: 'nowrap' }}>
          {v}
        </span>
      ),
    },
    {
      title: t('member.fields.phone'),
      dataIndex: 'phoneMasked',
      width: 128,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : dash),
    },
    {
      title: t('member.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: MemberStatus) => <MemberStatusTag status={s} />,
    },
    {
      title: t('member.fields.joinedOn'),
      dataIndex: 'joinedOn',
      key: 'joinedOn',
      width: 106,
      sorter: true,
      sortOrder: sortOrderOf('joinedOn'),
    },
    {
      title: t('member.list.place'),
      key: 'place',
      ellipsis: true,
      render: (_: unknown, m) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{m.branchName ?? dash}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {m.compoundName ?? t('member.list.noCompound')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('member.fields.workUnit'),
      dataIndex: 'workUnitName',
      ellipsis: true,
      render: (v: string | null, m) =>
        m.employment === 'in_service' ? (
          (v ?? dash)
        ) : (
          <Typography.Text type="secondary">{t(`member.employment.${m.employment}`)}</Typography.Text>
        ),
    },
    {
      title: t('member.fields.reportIn'),
      dataIndex: 'reportInStatus',
      width: 88,
      render: (s: ReportInStatus, m) =>
        m.employment === 'in_service' || s !== 'none' ? <ReportInTag status={s} /> : dash,
    },
    {
      title: t('member.fields.flags'),
      key: 'flags',
      width: 90,
      render: (_: unknown, m) => <MemberFlagTags member={m} short />,
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 76,
      render: (_: unknown, m) => (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => navigate(`/members/${m.id}`)}
          data-testid="member-view"
        >
          {t('common.actions.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('member.title')}
      subTitle={t('member.subTitle')}
      extra={
        <>
          <MemberExportButtons filters={filters} />
          {can('member.write') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/members/import')} data-testid="member-import">
              {t('member.import.open')}
            </Button>
          )}
          <CreateButton permission="member.write" onClick={() => setCreating(true)} data-testid="member-create">
            {t('member.create')}
          </CreateButton>
        </>
      }
    >
      <FilterRow filters={filters} onChange={setFilters} />
      <ListTable<MemberListItem>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        scroll={{ x: 1160 }}
        onRow={rowTestId('member-row')}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.order ? (s.columnKey as Sort | undefined) : undefined;
          setFilters({ ...filters, sort: key ?? 'name', order: s?.order === 'descend' ? 'desc' : 'asc' });
        }}
      />
      <MemberCreateModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
};
