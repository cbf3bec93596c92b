import { PlusOutlined } from '@ant-design/icons';
import type { Permission } from '@linli/contracts';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useSession } from '../app/session.tsx';

type Props = { permission: Permission; onClick: () => void; children: ReactNode; 'data-testid': string };

/** A page's 新建… button, shown only to users who hold `permission` (the server still checks the scope). */
export const CreateButton = ({ permission, onClick, children, ...rest }: Props) => {
  const { can } = useSession();
  if (!can(permission)) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={rest['data-testid']}>
      {children}
    </Button>
  );
};
