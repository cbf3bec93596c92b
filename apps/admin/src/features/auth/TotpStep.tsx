import { type LoginResult, TotpCodeSchema } from '@linli/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Spin, Steps, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { ErrorState, FormErrorAlert } from '../../components/ErrorState.tsx';
import { contractRule } from '../../components/validation.ts';

type Props = { mfaToken: string; enrolled: boolean; onDone: (r: LoginResult) => void; onBack: () => void };

/** Draws the `otpauth://` URI as a QR code image. */
const QrImage = ({ uri }: { uri: string }) => {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(uri, { margin: 1, width: 184, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [uri]);
  if (failed) return <Alert type="warning" showIcon title={t('auth.enrol.qrFailed')} />;
  return src ? <img className="totp-qr" src={src} alt={t('auth.enrol.qrAlt')} data-testid="totp-qr" /> : <Spin />;
};

const Enrolment = ({ mfaToken }: { mfaToken: string }) => {
  const { t } = useTranslation();
  const enrolment = useQuery({
    queryKey: ['auth', 'totp-enrol', mfaToken],
    queryFn: () => authApi.enrolTotp({ mfaToken }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (enrolment.isPending) {
    return (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin tip={t('auth.enrol.loading')} />
      </Flex>
    );
  }
  if (enrolment.isError) return <ErrorState error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  const { secret, otpauthUri } = enrolment.data;
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('auth.enrol.intro')}</Typography.Paragraph>
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          { title: t('auth.enrol.step1'), content: <QrImage uri={otpauthUri} /> },
          {
            title: t('auth.enrol.step2'),
            content: (
              <Typography.Text code copyable={{ text: secret }} className="mono" data-testid="totp-secret">
                {grouped}
              </Typography.Text>
            ),
          },
          { title: t('auth.enrol.step3') },
        ]}
      />
    </>
  );
};

export const TotpStep = ({ mfaToken, enrolled, onDone, onBack }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const verify = useMutation({
    mutationFn: ({ code }: { code: string }) => authApi.verifyTotp({ mfaToken, code: code.trim() }),
    onSuccess: (r) => onDone(r),
    onError: () => form.setFieldValue('code', ''),
  });
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
        {enrolled ? t('auth.totp.title') : t('auth.enrol.title')}
      </Typography.Title>
      {enrolled ? (
        <Typography.Paragraph type="secondary">{t('auth.totp.hint')}</Typography.Paragraph>
      ) : (
        <Enrolment mfaToken={mfaToken} />
      )}
      <FormErrorAlert error={verify.error} />
      <Form form={form} layout="vertical" onFinish={(v) => verify.mutate(v)} requiredMark={false} size="large">
        <Form.Item
          name="code"
          label={t('auth.totp.code')}
          htmlFor="totp-code"
          rules={[contractRule(TotpCodeSchema, t)]}
        >
          <Input
            id="totp-code"
            data-testid="totp-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('auth.totp.codePlaceholder')}
            className="mono"
            autoFocus
          />
        </Form.Item>
        <Button
          id="totp-submit"
          data-testid="totp-submit"
          type="primary"
          htmlType="submit"
          block
          loading={verify.isPending}
        >
          {t('auth.totp.submit')}
        </Button>
      </Form>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t('auth.login.backToLogin')}
      </Button>
    </>
  );
};
