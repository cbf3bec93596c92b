import { type PostClaim, PostClaimStatusSchema } from '@linli/contracts';
import { Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PostClaimListQuery, postsApi } from '../../api/posts.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { rowTestId } from '../members/rowTestId.ts';
import { claimColumns } from './ClaimTable.tsx';
import { useClaimDecision } from './useClaimDecision.tsx';

type Filters = Omit<PostClaimListQuery, 'cursor' | 'limit'>;
const DEFAULT_FILTERS: Filters = { status: 'pending' };

/** 认领审核: members' claims on posts across the compounds in scope, pending first by default. */
export const PostClaimsTab = () => {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const { paging, query } = useListQuery('post-claims', filters, postsApi.listClaims);
  const { approve, reject, dialog } = useClaimDecision();
  return (
    <>
      <FilterBar<Filters>
        initialValues={DEFAULT_FILTERS}
        onSearch={setFilters}
        onReset={() => setFilters(DEFAULT_FILTERS)}
      >
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('service.post.compound')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('service.allStatuses')}
            style={{ width: 130 }}
            options={PostClaimStatusSchema.options.map((s) => ({ value: s, label: t(`service.claim.statuses.${s}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<PostClaim>
        rowKey="id"
        query={query}
        paging={paging}
        columns={claimColumns(t, { approve, reject }, true)}
        onRow={rowTestId('post-claim-row')}
      />
      {dialog}
    </>
  );
};
