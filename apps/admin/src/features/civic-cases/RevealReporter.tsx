import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { type CivicCaseDetail, RevealReporterBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicCasesApi, type RevealedReporter } from '../../api/civicCases.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';

/** How long the reporter's contact stays on screen once revealed. */
const REVEAL_SECONDS = 60;

const RevealModal = ({
  caseId,
  open,
  onClose,
  onRevealed,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (r: RevealedReporter) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({
    mutationFn: (reason: string) => civicCasesApi.revealReporter(caseId, { reason }),
    gcTime: 0,
    onSuccess: (r) => {
      onRevealed(r);
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  return (
    <Modal
      open={open}
      title={t('civic.reveal.title')}
      okText={t('civic.reveal.submit')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={reveal.isPending}
      okButtonProps={{ id: 'civic-reveal-submit', danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => reveal.reset()}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={t('civic.reveal.notice', { seconds: REVEAL_SECONDS })}
        style={{ marginBottom: 16 }}
      />
      <FormErrorAlert error={reveal.error} />
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => reveal.mutate(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('civic.reveal.reason')}
          extra={t('civic.reveal.reasonHint')}
          rules={[requiredRule(t), contractRule(RevealReporterBodySchema.shape.reason, t)]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus data-testid="civic-reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Revealed values, dropped after `REVEAL_SECONDS` or when the page is left (the state dies with it). */
const useRevealed = () => {
  const [value, setValue] = useState<RevealedReporter | null>(null);
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!value) return;
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [value]);
  useEffect(() => {
    if (value && left === 0) setValue(null);
  }, [value, left]);
  return {
    value,
    left,
    show: (v: RevealedReporter) => {
      setValue(v);
      setLeft(REVEAL_SECONDS);
    },
    hide: () => setLeft(0),
  };
};

type Props = { detail: CivicCaseDetail; canReveal: boolean };

/**
 * The reporter as staff see them: masked name and phone, 查看联系方式 (a reason, audited) for the dispatcher and the
 * handling unit, the plain values for 60 seconds. An anonymous case has nobody stored (PI-8).
 */
export const ReporterValue = ({ detail, canReveal }: Props) => {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const revealed = useRevealed();
  if (detail.anonymous) return <Typography.Text type="secondary">{t('civic.detail.anonymous')}</Typography.Text>;
  if (!detail.reporterName && !detail.reporterPhone) {
    return <Typography.Text type="secondary">{t('civic.detail.noReporter')}</Typography.Text>;
  }
  const shown = revealed.value;
  return (
    <Flex gap={8} align="center" wrap>
      {shown ? (
        <>
          <Typography.Text mark className="mono" data-testid="civic-reporter-plain">
            {[shown.name, shown.phone].filter(Boolean).join('  ')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('civic.reveal.showing', { seconds: revealed.left })}
          </Typography.Text>
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={revealed.hide}>
            {t('civic.reveal.hide')}
          </Button>
        </>
      ) : (
        <>
          <span className="mono" data-testid="civic-reporter-masked">
            {[detail.reporterName, detail.reporterPhone].filter(Boolean).join('  ')}
          </span>
          {canReveal && (
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              onClick={() => setAsking(true)}
              data-testid="civic-reveal-reporter"
            >
              {t('civic.reveal.open')}
            </Button>
          )}
        </>
      )}
      <RevealModal caseId={detail.id} open={asking} onClose={() => setAsking(false)} onRevealed={revealed.show} />
    </Flex>
  );
};
