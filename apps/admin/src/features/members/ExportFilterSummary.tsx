import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compoundsApi } from '../../api/compounds.ts';
import type { MemberExportFilter } from '../../api/members.ts';
import { orgApi } from '../../api/organisation.ts';
import { workUnitsApi } from '../../api/workUnits.ts';

/** The name of a filtered place, read once and cached; 无法查看 when the caller may not read it. */
const useName = (key: readonly unknown[], id: string | undefined, load: (id: string) => Promise<{ name: string }>) =>
  useQuery({
    queryKey: [...key, id],
    queryFn: async () => (await load(id ?? '')).name,
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
    retry: false,
  });

const NamedTag = ({ label, name }: { label: string; name: { data?: string; isError: boolean } }) => {
  const { t } = useTranslation();
  const value = name.data ?? (name.isError ? t('member.exportRequest.unreadable') : t('common.state.loading'));
  return <Tag>{t('common.fmt.labelValue', { label, value })}</Tag>;
};

/** What an export (or an export request) covers, in words: every filter as a tag, places by name. */
export const ExportFilterSummary = ({ filter }: { filter: MemberExportFilter }) => {
  const { t } = useTranslation();
  const branch = useName(['filter-names', 'org'], filter.branchId, orgApi.get);
  const compound = useName(['filter-names', 'compound'], filter.compoundId, compoundsApi.get);
  const workUnit = useName(['filter-names', 'work-unit'], filter.workUnitId, workUnitsApi.get);
  const tag = (key: string, label: string, value: string): ReactNode => (
    <Tag key={key}>{t('common.fmt.labelValue', { label, value })}</Tag>
  );
  const tags: ReactNode[] = [];
  if (filter.q) tags.push(tag('q', t('member.filters.q'), filter.q));
  if (filter.branchId) tags.push(<NamedTag key="branch" label={t('member.fields.branch')} name={branch} />);
  if (filter.compoundId) tags.push(<NamedTag key="compound" label={t('member.fields.compound')} name={compound} />);
  if (filter.workUnitId) tags.push(<NamedTag key="unit" label={t('member.fields.workUnit')} name={workUnit} />);
  if (filter.status) tags.push(tag('status', t('member.fields.status'), t(`member.status.${filter.status}`)));
  if (filter.employment) {
    tags.push(tag('employment', t('member.fields.employment'), t(`member.employment.${filter.employment}`)));
  }
  if (filter.reportIn) tags.push(tag('reportIn', t('member.fields.reportIn'), t(`member.reportIn.${filter.reportIn}`)));
  if (filter.flag) tags.push(tag('flag', t('member.fields.flags'), t(`member.flag.${filter.flag}`)));
  if (tags.length === 0) {
    return <Typography.Text type="secondary">{t('member.exportRequest.allMembers')}</Typography.Text>;
  }
  return (
    <Flex gap={4} wrap>
      {tags}
    </Flex>
  );
};
