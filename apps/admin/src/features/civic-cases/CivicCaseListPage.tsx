import { CloseOutlined, DownloadOutlined, SendOutlined } from '@ant-design/icons';
import type { CivicCaseSummary } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CIVIC_CASES_KEY, type CivicCaseFilters, civicCasesApi } from '../../api/civicCases.ts';
import { useSession } from '../../app/session.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { errorText } from '../../components/errors.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { BulkDispatchModal } from './BulkDispatchModal.tsx';
import { CaseFilterBar } from './CaseFilterBar.tsx';
import { CivicCaseAccess } from './CivicCaseAccess.tsx';
import { useCaseColumns } from './caseColumns.tsx';
import { FileCaseModal } from './FileCaseModal.tsx';
import { SavedViews } from './SavedViews.tsx';
import { type CaseView, useCaseFilters } from './useCaseFilters.ts';

const ExportButton = ({ filters }: { filters: CivicCaseFilters }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exporting = useMutation({
    mutationFn: () => civicCasesApi.export(filters, t('civic.centre.exportName')),
    onSuccess: () => void message.success(t('common.feedback.exported')),
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting.isPending}
      onClick={() => exporting.mutate()}
      data-testid="civic-export"
    >
      {t('civic.centre.export')}
    </Button>
  );
};

/** The filter the supervision board linked here with (a unit), shown as a tag that removes it. */
const UnitFilterTag = ({
  filters,
  items,
  onChange,
}: {
  filters: CivicCaseFilters;
  items: CivicCaseSummary[];
  onChange: (f: CivicCaseFilters) => void;
}) => {
  const { t } = useTranslation();
  if (!filters.unitId) return null;
  const name = items.find((c) => c.unit?.id === filters.unitId)?.unit?.name;
  return (
    <Tag
      closable
      closeIcon={<CloseOutlined />}
      onClose={() => onChange({ ...filters, unitId: undefined })}
      color="blue"
      data-testid="civic-case-filter-unit"
    >
      {name ? t('civic.centre.unitFilterNamed', { name }) : t('civic.centre.unitFilter')}
    </Tag>
  );
};

const CaseCentre = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useCaseFilters();
  const { paging, query } = useListQuery(CIVIC_CASES_KEY, filters, civicCasesApi.list);
  const [filing, setFiling] = useState(false);
  const [selected, setSelected] = useState<CivicCaseSummary[]>([]);
  const [dispatching, setDispatching] = useState<CivicCaseSummary[] | null>(null);
  const columns = useCaseColumns(filters, setFilters);
  const canDispatch = can('civic_case.dispatch');
  const items = query.data?.items ?? [];

  const views: { value: CaseView; label: string }[] = [
    { value: 'all', label: t('civic.centre.view.all') },
    { value: 'inbox', label: t('civic.centre.view.inbox') },
    ...(can('civic_case.supervise')
      ? [{ value: 'supervision' as const, label: t('civic.centre.view.supervision') }]
      : []),
  ];

  return (
    <PageContainer
      title={t('civic.centre.title')}
      subTitle={t('civic.centre.subTitle')}
      extra={
        <>
          <SavedViews filters={filters} onApply={setFilters} />
          {can('civic_case.read') && <ExportButton filters={filters} />}
          <CreateButton permission="civic_case.file" onClick={() => setFiling(true)} data-testid="civic-file-case">
            {t('civic.file.open')}
          </CreateButton>
        </>
      }
    >
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented<CaseView>
          value={filters.view ?? 'all'}
          options={views}
          onChange={(view) => setFilters({ ...filters, view })}
          data-testid="civic-case-view"
        />
        <UnitFilterTag filters={filters} items={items} onChange={setFilters} />
      </Flex>
      <CaseFilterBar filters={filters} onChange={setFilters} />
      {canDispatch && (
        <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            ghost
            icon={<SendOutlined />}
            disabled={selected.length === 0}
            onClick={() => setDispatching(selected)}
            data-testid="civic-bulk-dispatch"
          >
            {t('civic.bulk.open', { n: selected.length })}
          </Button>
          <Typography.Text type="secondary">{t('civic.bulk.selectHint')}</Typography.Text>
          {selected.length > 0 && (
            <Button type="link" size="small" onClick={() => setSelected([])}>
              {t('civic.bulk.clear')}
            </Button>
          )}
        </Flex>
      )}
      <ListTable<CivicCaseSummary>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        scroll={{ x: 1500 }}
        onRow={(r) => ({ 'data-testid': `civic-case-row-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
        rowSelection={
          canDispatch
            ? {
                preserveSelectedRowKeys: true,
                selectedRowKeys: selected.map((c) => c.id),
                onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'accepted' }),
              }
            : undefined
        }
      />
      <FileCaseModal
        open={filing}
        onClose={() => setFiling(false)}
        onFiled={(created) => {
          void queryClient.invalidateQueries({ queryKey: [CIVIC_CASES_KEY, 'list'] });
          if (created.id) navigate(`/civic-cases/${created.id}`);
        }}
      />
      <BulkDispatchModal
        cases={dispatching}
        onClose={() => setDispatching(null)}
        onDone={() => {
          setSelected([]);
          void queryClient.invalidateQueries({ queryKey: [CIVIC_CASES_KEY] });
        }}
      />
    </PageContainer>
  );
};

/** `/civic-cases`: 事项中心 — every case in scope, my inbox and the supervised ones, filtered, saved, exported. */
export const CivicCaseListPage = () => (
  <CivicCaseAccess>
    <CaseCentre />
  </CivicCaseAccess>
);
