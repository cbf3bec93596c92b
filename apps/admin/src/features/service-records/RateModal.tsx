import { RATINGS, type Rating, ServiceRatingBodySchema, type ServiceRecord } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { serviceRecordsApi } from '../../api/posts.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { rethrowExplained } from '../posts/conflicts.ts';

type Values = { rating: Rating; comment?: string };

/** 评价 by the branch: once per record (a record the household already rated cannot be rated again). */
export const RateModal = ({
  record,
  onClose,
  onRated,
}: {
  record: ServiceRecord | null;
  onClose: () => void;
  onRated: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rate = useMutation({
    mutationFn: ({ id, ...body }: Values & { id: string }) =>
      serviceRecordsApi.rate(id, body).catch(rethrowExplained(t)),
    onSuccess: () => {
      void message.success(t('service.record.rated'));
      onClose();
      onRated();
    },
  });
  return (
    <Modal
      open={record !== null}
      title={t('service.record.rateTitle')}
      okText={t('common.actions.submit')}
      cancelText={t('common.actions.cancel')}
      okButtonProps={{ id: 'service-record-rate-submit' }}
      confirmLoading={rate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => rate.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={rate.error} />
      {record && (
        <Typography.Paragraph type="secondary">
          {t('service.record.rateSubject', { name: record.memberName, date: record.servedOn, content: record.content })}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          record && rate.mutate({ id: record.id, rating: v.rating, comment: v.comment?.trim() || undefined })
        }
      >
        <Form.Item name="rating" label={t('service.record.rating')} rules={[requiredRule(t)]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="service-record-rating"
            options={RATINGS.map((r) => ({ value: r, label: t(`service.rating.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('service.record.comment')}
          rules={[contractRule(ServiceRatingBodySchema.shape.comment, t)]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
};
