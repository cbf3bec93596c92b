import { EyeOutlined } from '@ant-design/icons';
import type { Permission } from '@linli/contracts';
import { Button, type TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.tsx';

type Props = { permission: Permission; onClick: () => void; 'data-testid': string };

/** Opens a row's detail drawer: 查看/编辑 for users who hold `permission` (编辑 is in the drawer), else 查看. */
export const ViewEditAction = ({ permission, onClick, ...rest }: Props) => {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Button size="small" type="link" icon={<EyeOutlined />} onClick={onClick} data-testid={rest['data-testid']}>
      {can(permission) ? t('common.actions.viewEdit') : t('common.actions.view')}
    </Button>
  );
};

type ColumnOptions = { permission: Permission; onView: (id: string) => void; testId: string };

/** The 操作 column of a registry list: `ViewEditAction` on every row. */
export const viewEditColumn = <T extends { id: string }>(
  t: TFunction,
  { permission, onView, testId }: ColumnOptions,
): TableColumnType<T> => ({
  title: t('common.actions.actions'),
  key: 'actions',
  width: 110,
  render: (_: unknown, row: T) => (
    <ViewEditAction permission={permission} onClick={() => onView(row.id)} data-testid={testId} />
  ),
});
