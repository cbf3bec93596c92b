import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 已认领 x / y, with a bar that turns green when the post is full. */
export const SeatsCell = ({ claimed, seats }: { claimed: number; seats: number }) => {
  const { t } = useTranslation();
  const full = claimed >= seats;
  return (
    <Flex vertical gap={0} style={{ minWidth: 110 }}>
      <Typography.Text>{t('service.post.seatsValue', { claimed, seats })}</Typography.Text>
      <Progress
        percent={seats > 0 ? Math.round((claimed / seats) * 100) : 0}
        size="small"
        showInfo={false}
        status={full ? 'success' : 'normal'}
      />
    </Flex>
  );
};
