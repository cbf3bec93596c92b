import { CIVIC_CASE_ACTIONS, type CivicCaseAction, type CivicCaseDetail } from '@linli/contracts';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/time.ts';

/** Steps that move the case on: the first one the user may take is the page's primary button. */
const FORWARD: readonly CivicCaseAction[] = [
  'accept',
  'dispatch',
  'sign',
  'start',
  'handle',
  'verify',
  'close',
  'decide_request',
  'resume',
  'rate',
];
const DANGER: readonly CivicCaseAction[] = ['void', 'reject', 'send_back', 'reopen'];

type Props = { detail: CivicCaseDetail; onAction: (action: CivicCaseAction) => void };

/**
 * 下一步: one button per action in the detail's `abilities` (what the server will accept from this user now), in the
 * loop's order, and the case's time points.
 */
export const CaseActionsCard = ({ detail: d, onAction }: Props) => {
  const { t } = useTranslation();
  const allowed = CIVIC_CASE_ACTIONS.filter((a) => d.abilities[a] === true);
  const primary = allowed.find((a) => FORWARD.includes(a));
  return (
    <Card size="small" title={t('civic.detail.next')} data-testid="civic-actions">
      {allowed.length === 0 ? (
        <Typography.Text type="secondary">{t('civic.detail.noActions')}</Typography.Text>
      ) : (
        <Flex gap={8} wrap>
          {allowed.map((a) => (
            <Button
              key={a}
              type={a === primary ? 'primary' : 'default'}
              danger={DANGER.includes(a)}
              onClick={() => onAction(a)}
              data-testid={`civic-action-${a}`}
            >
              {t(`civic.action.${a}`)}
            </Button>
          ))}
        </Flex>
      )}
      {d.pendingRequest && (
        <Typography.Paragraph type="warning" style={{ marginTop: 12, marginBottom: 0 }}>
          {t(`civic.pendingRequest.${d.pendingRequest}`)}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 16 }}
        styles={{ label: { width: 120 } }}
        items={[
          {
            key: 'handleDeadline',
            label: t('civic.fields.handleDeadlineAt'),
            children: formatTime(d.handleDeadlineAt),
          },
          { key: 'signed', label: t('civic.fields.signedAt'), children: formatTime(d.signedAt) },
          { key: 'contacted', label: t('civic.fields.contactedAt'), children: formatTime(d.contactedAt) },
          { key: 'handled', label: t('civic.fields.handledAt'), children: formatTime(d.handledAt) },
          { key: 'closed', label: t('civic.fields.closedAt'), children: formatTime(d.closedAt) },
        ]}
      />
    </Card>
  );
};
