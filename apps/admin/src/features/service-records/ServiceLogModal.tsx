import { CreateServiceRecordBodySchema, type ServiceRecord, type StoredFile } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { App, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { memberDetailKey, membersApi } from '../../api/members.ts';
import { type CreateServiceRecordBody, needsApi, postsApi, serviceRecordsApi } from '../../api/posts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { hasPendingUploads, PhotoUploadField, uploadedPhotoIds } from '../../components/PhotoUploadField.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { HouseholdSelect } from '../households/HouseholdSelect.tsx';
import { MemberSelect } from '../households/MemberSelect.tsx';

type Values = {
  memberId: string;
  servedOn: Dayjs;
  hours: number;
  content: string;
  needId?: string;
  postId?: string;
  householdId?: string;
  photos?: UploadFile<StoredFile>[];
};

/** The member's residence compound, claimed needs and approved posts, which the service may be tied to. */
const useMemberContext = (memberId: string | undefined) => {
  const member = useQuery({
    queryKey: memberDetailKey(memberId ?? ''),
    queryFn: () => membersApi.get(memberId ?? ''),
    enabled: !!memberId,
  });
  const compoundId = member.data?.compoundId ?? undefined;
  const needs = useQuery({
    queryKey: ['needs', 'claimed-by', memberId, compoundId],
    queryFn: () => needsApi.list({ compoundId, status: 'claimed', limit: 200 }),
    enabled: !!memberId && !!compoundId,
    select: (page) => page.items.filter((n) => n.claimantId === memberId),
  });
  const claims = useQuery({
    queryKey: ['post-claims', 'approved-of', memberId],
    queryFn: () => postsApi.listClaims({ memberId, status: 'approved', limit: 100 }),
    enabled: !!memberId,
  });
  return { compoundId, needs, claims };
};

/** 代录: the branch logs a service on behalf of a member (a need it served marks the need done). */
export const ServiceLogModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, submit, modal } = useCreateForm<Values, CreateServiceRecordBody, ServiceRecord>({
    ...props,
    create: serviceRecordsApi.create,
    createdText: t('service.record.logged'),
    fieldPath: (p) => (p[0] === 'photoIds' ? ['photos'] : p),
  });
  const memberId: string | undefined = Form.useWatch('memberId', form);
  const { compoundId, needs, claims } = useMemberContext(memberId);
  const shape = CreateServiceRecordBodySchema.shape;

  const onFinish = (v: Values) => {
    if (hasPendingUploads(v.photos)) {
      void message.warning(t('service.record.photosUploading'));
      return;
    }
    submit({
      memberId: v.memberId,
      servedOn: v.servedOn.format('YYYY-MM-DD'),
      hours: v.hours,
      content: v.content.trim(),
      needId: v.needId || undefined,
      postId: v.postId || undefined,
      householdId: v.householdId || undefined,
      photoIds: uploadedPhotoIds(v.photos),
    });
  };

  return (
    <FormModal {...modal} title={t('service.record.logTitle')} submitId="service-record-submit" width={720}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ servedOn: dayjs(), hours: 1 }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('memberId' in changed)
            form.setFieldsValue({ needId: undefined, postId: undefined, householdId: undefined });
        }}
      >
        <Form.Item
          name="memberId"
          label={t('service.record.member')}
          extra={t('service.record.memberHint')}
          rules={[requiredRule(t)]}
        >
          <MemberSelect style={{ width: '100%' }} data-testid="service-record-member" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="servedOn"
            label={t('service.record.servedOn')}
            rules={[requiredRule(t)]}
            style={{ flex: '0 0 200px' }}
          >
            <DatePicker
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="service-record-date"
            />
          </Form.Item>
          <Form.Item
            name="hours"
            style={{ flex: '1 1 200px' }}
            label={t('service.record.hours')}
            extra={t('service.record.hoursHint')}
            rules={[requiredRule(t), contractRule(shape.hours, t)]}
          >
            <InputNumber
              min={0.5}
              max={24}
              step={0.5}
              precision={1}
              suffix={t('reportIn.rule.hours')}
              style={{ width: 160 }}
              data-testid="service-record-hours"
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="content"
          label={t('service.record.content')}
          rules={[requiredRule(t), contractRule(shape.content, t)]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="service-record-content" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="needId"
            label={t('service.record.need')}
            extra={t('service.record.needHint')}
            style={{ flex: '1 1 260px' }}
          >
            <Select
              allowClear
              disabled={!memberId}
              loading={needs.isFetching}
              placeholder={memberId && needs.data?.length === 0 ? t('service.record.noNeeds') : undefined}
              options={(needs.data ?? []).map((n) => ({ value: n.id, label: n.title }))}
              onChange={(needId?: string) => {
                const need = needs.data?.find((n) => n.id === needId);
                if (need?.householdId) form.setFieldValue('householdId', need.householdId);
              }}
            />
          </Form.Item>
          <Form.Item name="postId" label={t('service.record.post')} style={{ flex: '1 1 260px' }}>
            <Select
              allowClear
              disabled={!memberId}
              loading={claims.isFetching}
              placeholder={memberId && claims.data?.items.length === 0 ? t('service.record.noPosts') : undefined}
              options={(claims.data?.items ?? []).map((c) => ({ value: c.postId, label: c.postTitle }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="householdId" label={t('service.record.household')}>
          <HouseholdSelect
            allowClear
            compoundId={compoundId}
            disabled={!memberId}
            knownOptions={(needs.data ?? []).flatMap((n) =>
              n.householdId && n.householdAddress ? [{ value: n.householdId, label: n.householdAddress }] : [],
            )}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <PhotoUploadField
          name="photos"
          label={t('service.record.photos')}
          texts={{
            hint: t('service.record.photosHint'),
            add: t('service.record.addPhoto'),
            failed: t('service.record.photoFailed'),
            type: (name) => t('service.record.photoType', { name }),
            tooBig: (name) => t('service.record.photoTooBig', { name }),
          }}
          data-testid="service-record-photo-add"
        />
      </Form>
    </FormModal>
  );
};
