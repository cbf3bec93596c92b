import type { Page } from '@linli/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Empty, Flex, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorState.tsx';
import { type CursorPaging, PAGE_SIZES } from './useCursorPaging.ts';

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> & {
  query: UseQueryResult<Page<T>>;
  paging: CursorPaging;
};

/** A dense table over one cursor page, with real loading, empty and error states and a prev/next pager. */
export const ListTable = <T extends object>({ query, paging, ...tableProps }: Props<T>) => {
  const { t } = useTranslation();
  const nextCursor = query.data?.nextCursor ?? null;
  if (query.isError && !query.data) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <div className="list-table">
      {query.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </div>
      )}
      <Table<T>
        size="small"
        bordered
        {...tableProps}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        locale={{
          emptyText: query.isPending ? (
            ' '
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.state.empty')} />
          ),
        }}
      />
      <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('common.pager.page', { page: paging.page })}</Typography.Text>
        <Button size="small" disabled={!paging.hasPrev || query.isFetching} onClick={paging.prev}>
          {t('common.pager.prev')}
        </Button>
        <Button
          size="small"
          disabled={!nextCursor || query.isFetching}
          onClick={() => nextCursor && paging.next(nextCursor)}
        >
          {t('common.pager.next')}
        </Button>
        <Select
          size="small"
          value={paging.limit}
          onChange={paging.setLimit}
          style={{ width: 110 }}
          options={PAGE_SIZES.map((size) => ({ value: size, label: t('common.pager.perPage', { size }) }))}
        />
      </Flex>
    </div>
  );
};
