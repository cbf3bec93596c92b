import {
  CASE_NATURES,
  type CaseNature,
  CIVIC_CASE_KINDS,
  type CivicCaseKind,
  FileCivicCaseBodySchema,
  URGENCIES,
  type Urgency,
} from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { civicCasesApi, type FileCivicCaseBody, type SubmittedCivicCase } from '../../api/civicCases.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import { type PhotoFiles, uploadedPhotoIds } from '../../components/PhotoUploadField.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';
import { CasePhotoField } from './CasePhotoField.tsx';
import { CategoryTreeSelect } from './CategoryTreeSelect.tsx';
import { type AnswerValues, QuestionFields, toAnswers } from './QuestionFields.tsx';
import { useCivicCategories } from './useCivicCategories.ts';
import { VisitSelect } from './VisitSelect.tsx';

const STAFF_CHANNELS = ['proxy', 'visit', 'reception', 'hotline', 'suggestion_box', 'meeting'] as const;
type StaffChannel = (typeof STAFF_CHANNELS)[number];

type Values = {
  channel: StaffChannel;
  kind: CivicCaseKind;
  categoryId?: string;
  nature: CaseNature;
  urgency?: Urgency;
  title: string;
  description: string;
  compoundId?: string;
  building?: string;
  unit?: string;
  room?: string;
  addressText?: string;
  reporterName?: string;
  reporterPhone?: string;
  anonymous?: boolean;
  sourceRef?: string;
  visitId?: string;
  answers?: AnswerValues;
  photos?: PhotoFiles;
};

const blank = (v: string | undefined) => v?.trim() || undefined;
const shape = FileCivicCaseBodySchema.shape;
const place = shape.place.shape;

/** Server field paths → form fields: the place's parts sit at the top of the form. */
const fieldPath = (path: (string | number)[]) => (path[0] === 'place' ? path.slice(1) : path);

type Props = { open: boolean; onClose: () => void; onFiled: (created: SubmittedCivicCase) => void };

/**
 * 代办登记: staff file a case from the hotline, a reception day, a visit, the suggestion box or a meeting, with the
 * category's own questions. One `Idempotency-Key` per opening, so a retried save never files the case twice.
 */
export const FileCaseModal = ({ open, onClose, onFiled }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey(open);
  const { byId } = useCivicCategories();
  const categoryId = Form.useWatch('categoryId', form);
  const channel = Form.useWatch('channel', form);
  const anonymous = Form.useWatch('anonymous', form) === true;
  const compoundId = Form.useWatch('compoundId', form);
  const category = categoryId ? byId.get(categoryId) : undefined;
  const canBeAnonymous = channel === 'suggestion_box';

  const file = useMutation({
    mutationFn: (body: FileCivicCaseBody) => civicCasesApi.file(body, idem.key),
    onSuccess: (created) => {
      void message.success(
        created.trackingCode
          ? t('civic.file.filedAnonymous', { number: created.number, code: created.trackingCode })
          : t('civic.file.filed', { number: created.number }),
      );
      onClose();
      onFiled(created);
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t, fieldPath);
    },
  });

  const submit = (v: Values) => {
    if (!v.categoryId || !v.compoundId) return;
    const isAnonymous = canBeAnonymous && v.anonymous === true;
    file.mutate({
      channel: v.channel,
      kind: v.kind,
      categoryId: v.categoryId,
      nature: v.nature,
      urgency: v.urgency,
      title: v.title.trim(),
      description: v.description.trim(),
      place: {
        compoundId: v.compoundId,
        building: blank(v.building),
        unit: blank(v.unit),
        room: blank(v.room),
        addressText: blank(v.addressText),
      },
      answers: toAnswers(v.answers),
      photoIds: uploadedPhotoIds(v.photos),
      anonymous: isAnonymous,
      reporterName: isAnonymous ? undefined : blank(v.reporterName),
      reporterPhone: isAnonymous ? undefined : blank(v.reporterPhone),
      sourceRef: v.channel === 'meeting' ? blank(v.sourceRef) : undefined,
      visitId: v.channel === 'visit' ? v.visitId : undefined,
    });
  };

  const modal = formModalState({ open, form, save: file, onCancel: onClose });
  const text = (name: 'building' | 'unit' | 'room', label: string) => (
    <Col span={8}>
      <Form.Item name={name} label={label} rules={[contractRule(place[name], t)]}>
        <Input maxLength={20} data-testid={`civic-file-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal {...modal} title={t('civic.file.title')} submitId="civic-file-submit" width={760}>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        scrollToFirstError
        initialValues={{ channel: 'proxy', kind: 'request', nature: 'help', anonymous: false }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if ('compoundId' in changed) form.setFieldsValue({ visitId: undefined });
          if (changed.categoryId) {
            const next = byId.get(changed.categoryId);
            form.setFieldsValue({ answers: {}, urgency: next?.defaultUrgency });
          }
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="channel" label={t('civic.fields.channel')} rules={[requiredRule(t)]}>
              <Select
                options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`civic.channel.${c}`) }))}
                data-testid="civic-file-channel"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('civic.fields.kind')}>
              <Radio.Group
                options={CIVIC_CASE_KINDS.map((k) => ({ value: k, label: t(`civic.kind.${k}`) }))}
                data-testid="civic-file-kind"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="categoryId" label={t('civic.fields.category')} rules={[requiredRule(t)]}>
              <CategoryTreeSelect activeOnly placeholder={t('civic.file.category')} data-testid="civic-file-category" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="nature" label={t('civic.fields.nature')}>
              <Select
                options={CASE_NATURES.map((n) => ({ value: n, label: t(`civic.nature.${n}`) }))}
                data-testid="civic-file-nature"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="urgency" label={t('civic.fields.urgency')} extra={t('civic.file.urgencyHint')}>
              <Select
                allowClear
                options={URGENCIES.map((u) => ({ value: u, label: t(`civic.urgencyWithLimit.${u}`) }))}
                popupMatchSelectWidth={false}
                data-testid="civic-file-urgency"
              />
            </Form.Item>
          </Col>
        </Row>
        {category && <QuestionFields questions={category.questions} />}
        <Form.Item name="title" label={t('civic.fields.title')} rules={[requiredRule(t), contractRule(shape.title, t)]}>
          <Input
            maxLength={60}
            showCount
            placeholder={t('civic.file.titlePlaceholder')}
            data-testid="civic-file-title"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('civic.fields.description')}
          rules={[requiredRule(t), contractRule(shape.description, t)]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="civic-file-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="compoundId" label={t('civic.fields.compound')} rules={[requiredRule(t)]}>
              <CompoundSelect placeholder={t('civic.file.compound')} data-testid="civic-file-compound" />
            </Form.Item>
          </Col>
          {text('building', t('civic.fields.building'))}
          {text('unit', t('civic.fields.unitNo'))}
          {text('room', t('civic.fields.room'))}
          <Col span={24}>
            <Form.Item
              name="addressText"
              label={t('civic.fields.addressText')}
              rules={[contractRule(place.addressText, t)]}
            >
              <Input
                maxLength={200}
                placeholder={t('civic.file.addressPlaceholder')}
                data-testid="civic-file-address"
              />
            </Form.Item>
          </Col>
        </Row>
        {canBeAnonymous && (
          <Form.Item
            name="anonymous"
            valuePropName="checked"
            extra={
              category && !category.anonymousAllowed
                ? t('civic.file.anonymousNotAllowed')
                : t('civic.file.anonymousHint')
            }
          >
            <Checkbox disabled={!!category && !category.anonymousAllowed} data-testid="civic-file-anonymous">
              {t('civic.file.anonymous')}
            </Checkbox>
          </Form.Item>
        )}
        {!(canBeAnonymous && anonymous) && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="reporterName"
                label={t('civic.fields.reporterName')}
                rules={[contractRule(shape.reporterName, t)]}
              >
                <Input maxLength={40} data-testid="civic-file-reporter-name" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="reporterPhone"
                label={t('civic.fields.reporterPhone')}
                extra={t('civic.file.phoneHint')}
                rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('common.validation.phone') }]}
              >
                <Input maxLength={11} inputMode="numeric" data-testid="civic-file-reporter-phone" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {channel === 'visit' && (
          <Form.Item
            name="visitId"
            label={t('civic.fields.visit')}
            extra={t('civic.file.visitHint')}
            rules={[requiredRule(t)]}
          >
            <VisitSelect compoundId={compoundId} data-testid="civic-file-visit" />
          </Form.Item>
        )}
        {channel === 'meeting' && (
          <Form.Item name="sourceRef" label={t('civic.fields.sourceRef')} rules={[contractRule(shape.sourceRef, t)]}>
            <Input maxLength={200} placeholder={t('civic.file.sourceRefPlaceholder')} data-testid="civic-file-source" />
          </Form.Item>
        )}
        <CasePhotoField name="photos" label={t('civic.fields.photos')} data-testid="civic-file-photo-add" />
      </Form>
    </FormModal>
  );
};
