import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; subTitle?: ReactNode; extra?: ReactNode; children: ReactNode };

/** Page frame: a title row with actions on the right, then the content. */
export const PageContainer = ({ title, subTitle, extra, children }: Props) => (
  <div className="page">
    <Flex className="page-head" justify="space-between" align="center" gap={16} wrap>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subTitle && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {subTitle}
          </Typography.Text>
        )}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
    {children}
  </div>
);
