import { ReloadOutlined } from '@ant-design/icons';
import { type MemberYearFlag, YearFlagKindSchema } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Select, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberYearFlagListQuery, reportInsApi } from '../../api/reportIns.ts';
import { useSession } from '../../app/session.tsx';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { errorText } from '../../components/errors.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { rowTestId } from '../members/rowTestId.ts';
import { ReportInRuleCard } from './ReportInRuleCard.tsx';

type Filters = Omit<MemberYearFlagListQuery, 'cursor' | 'limit'> & { year: number };

const thisYear = () => dayjs().year();
/** The years a county looks back on: this one and the five before. */
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear() - i);

/** 年终评议: the rule, and the members it flags for a year (no report-in, too little service). */
export const YearEndTab = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const defaults: Filters = { year: thisYear() };
  const [filters, setFilters] = useState<Filters>(defaults);
  const { paging, query } = useListQuery('member-year-flags', filters, reportInsApi.listYearFlags);

  const compute = useMutation({
    mutationFn: (year: number) => reportInsApi.computeYearFlags(year),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['member-year-flags'] });
      void message.success(t('reportIn.yearEnd.computed', { ...r }));
    },
  });

  const askCompute = () =>
    modal.confirm({
      title: t('reportIn.yearEnd.computeTitle', { year: filters.year }),
      content: t('reportIn.yearEnd.computeHint'),
      okText: t('reportIn.yearEnd.compute'),
      okButtonProps: { id: 'year-flags-compute-ok' },
      cancelText: t('common.actions.cancel'),
      onOk: () => compute.mutateAsync(filters.year).catch((e: unknown) => void message.error(errorText(e, t))),
    });

  const columns: TableColumnsType<MemberYearFlag> = [
    { title: t('reportIn.member'), dataIndex: 'memberName', width: 110 },
    { title: t('reportIn.compound'), dataIndex: 'compoundName', width: 180, render: (v: string | null) => v ?? '—' },
    {
      title: t('reportIn.workUnit'),
      dataIndex: 'workUnitName',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('reportIn.yearEnd.flags'),
      key: 'flags',
      width: 200,
      render: (_: unknown, f) => (
        <Flex gap={4} wrap>
          {f.noReportIn && <Tag color="red">{t('reportIn.yearEnd.flag.no_report_in')}</Tag>}
          {f.noService && <Tag color="orange">{t('reportIn.yearEnd.flag.no_service')}</Tag>}
        </Flex>
      ),
    },
    { title: t('reportIn.yearEnd.serviceCount'), dataIndex: 'serviceCount', width: 100, align: 'right' },
    { title: t('reportIn.yearEnd.serviceHours'), dataIndex: 'serviceHours', width: 100, align: 'right' },
    {
      title: t('reportIn.yearEnd.computedAt'),
      dataIndex: 'computedAt',
      width: 150,
      render: (v: string) => formatTime(v),
    },
  ];

  return (
    <>
      <ReportInRuleCard />
      <FilterBar<Filters>
        initialValues={defaults}
        onSearch={(v) => setFilters({ ...v, year: v.year ?? thisYear() })}
        onReset={() => setFilters(defaults)}
      >
        <Form.Item name="year">
          <Select
            style={{ width: 110 }}
            data-testid="year-flags-year"
            options={YEARS.map((y) => ({ value: y, label: t('reportIn.yearEnd.yearLabel', { year: y }) }))}
          />
        </Form.Item>
        <Form.Item name="flag">
          <Select
            allowClear
            placeholder={t('reportIn.yearEnd.anyFlag')}
            style={{ width: 150 }}
            options={YearFlagKindSchema.options.map((k) => ({ value: k, label: t(`reportIn.yearEnd.flag.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('reportIn.compound')} style={{ width: 220 }} />
        </Form.Item>
      </FilterBar>
      {can('member.write') && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            icon={<ReloadOutlined />}
            loading={compute.isPending}
            onClick={askCompute}
            data-testid="year-flags-compute"
          >
            {t('reportIn.yearEnd.computeFor', { year: filters.year })}
          </Button>
        </Flex>
      )}
      <ListTable<MemberYearFlag>
        rowKey="memberId"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('year-flag-row')}
      />
    </>
  );
};
