import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { onClick: () => void; loading?: boolean; children?: ReactNode; 'data-testid': string };

/** The 编辑 button in a detail's header; opens its edit dialog. */
export const EditButton = ({ onClick, loading, children, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Button
      type="primary"
      icon={<EditOutlined />}
      loading={loading}
      onClick={onClick}
      data-testid={rest['data-testid']}
    >
      {children ?? t('common.actions.edit')}
    </Button>
  );
};
