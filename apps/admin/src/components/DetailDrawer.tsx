import type { UseQueryResult } from '@tanstack/react-query';
import { Descriptions, type DescriptionsProps, Drawer, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState.tsx';

type Props<T> = {
  open: boolean;
  title: ReactNode;
  /** The detail GET (`…Detail` with `abilities`); the drawer shows its loading and error states. */
  query: UseQueryResult<T>;
  onClose: () => void;
  /** Actions in the drawer's header once the detail is loaded (e.g. 编辑 when `abilities.update`). */
  extra?: (data: T) => ReactNode;
  children: (data: T) => ReactNode;
  size?: number;
  'data-testid'?: string;
};

/** A side panel showing one object's detail, loaded when it opens. */
export const DetailDrawer = <T,>({ open, title, query, onClose, extra, children, size = 640, ...rest }: Props<T>) => (
  <Drawer
    open={open}
    title={title}
    size={size}
    onClose={onClose}
    destroyOnHidden
    extra={query.data ? extra?.(query.data) : undefined}
    data-testid={rest['data-testid']}
  >
    {query.isPending ? (
      <Skeleton active paragraph={{ rows: 6 }} />
    ) : query.isError && !query.data ? (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    ) : query.data ? (
      children(query.data)
    ) : null}
  </Drawer>
);

/** A detail's fields, one label/value row each, as every detail drawer shows them. */
export const DetailList = ({ items }: { items: DescriptionsProps['items'] }) => (
  <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }} items={items} />
);
