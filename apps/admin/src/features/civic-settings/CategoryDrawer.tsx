import {
  type CategoryQuestion,
  type CivicCategory,
  type CreateCivicCategoryBody,
  CreateCivicCategoryBodySchema,
  type UpdateCivicCategoryBody,
  URGENCIES,
  type Urgency,
} from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CIVIC_CATEGORIES_KEY, civicCategoriesApi } from '../../api/civicCases.ts';
import { civicSettingsApi } from '../../api/civicSettings.ts';
import { FormErrorAlert, StaleVersionAlert } from '../../components/ErrorState.tsx';
import { isVersionStale } from '../../components/errors.ts';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyIssues, issueMessage, requiredRule } from '../../components/validation.ts';
import { isListType, QuestionsEditor, type QuestionValues } from './QuestionsEditor.tsx';
import { applySettingsErrors } from './settingsErrors.ts';

export type CategoryDrawerState =
  | { mode: 'create'; parent: CivicCategory | null }
  | { mode: 'edit'; category: CivicCategory }
  | null;

/** The root choice in the parent select (antd selects do not hold `null` well). */
const ROOT = '';

type Values = {
  parentId: string;
  code?: string;
  name?: string;
  nameEn?: string;
  description?: string;
  keywords?: string;
  sortOrder?: number | null;
  defaultUrgency: Urgency;
  anonymousAllowed: boolean;
  staffOnly: boolean;
  duplicateRadius: number;
  questions?: QuestionValues[];
};

const valuesOf = (c: CivicCategory): Values => ({
  parentId: c.parentId ?? ROOT,
  code: c.code,
  name: c.name,
  nameEn: c.nameEn ?? '',
  description: c.description ?? '',
  keywords: c.keywords ?? '',
  sortOrder: c.sortOrder,
  defaultUrgency: c.defaultUrgency,
  anonymousAllowed: c.anonymousAllowed,
  staffOnly: c.staffOnly,
  duplicateRadius: c.duplicateRadius,
  questions: c.questions.map((q) => ({ ...q, help: q.help ?? '' })),
});

const blankValues = (parent: CivicCategory | null): Values => ({
  parentId: parent?.id ?? ROOT,
  defaultUrgency: parent?.defaultUrgency ?? 'ordinary',
  anonymousAllowed: parent?.anonymousAllowed ?? false,
  staffOnly: parent?.staffOnly ?? false,
  duplicateRadius: parent?.duplicateRadius ?? 200,
  questions: [],
});

const trimmed = (v: string | undefined): string => (v ?? '').trim();

/** The questions as the contract takes them: choices only for list types, blank help left out. */
const questionsOf = (values: Values): CategoryQuestion[] =>
  (values.questions ?? []).map((q) => {
    const type = q.type ?? 'string';
    const help = trimmed(q.help);
    return {
      code: trimmed(q.code),
      label: trimmed(q.label),
      type,
      required: q.required ?? false,
      options: isListType(type) ? (q.options ?? []).map((o) => ({ key: trimmed(o.key), name: trimmed(o.name) })) : [],
      ...(help ? { help } : {}),
    };
  });

const createBody = (values: Values): CreateCivicCategoryBody => {
  const code = trimmed(values.code);
  return {
    parentId: values.parentId === ROOT ? null : values.parentId,
    ...(code ? { code } : {}),
    name: trimmed(values.name),
    nameEn: trimmed(values.nameEn) || undefined,
    description: trimmed(values.description) || undefined,
    keywords: trimmed(values.keywords) || undefined,
    ...(values.sortOrder != null ? { sortOrder: values.sortOrder } : {}),
    defaultUrgency: values.defaultUrgency,
    anonymousAllowed: values.anonymousAllowed,
    staffOnly: values.staffOnly,
    duplicateRadius: values.duplicateRadius,
    questions: questionsOf(values),
  };
};

/** The questions in a fixed shape, to tell whether the editor changed them. */
const canonical = (questions: readonly CategoryQuestion[]): string =>
  JSON.stringify(
    questions.map((q) => [q.code, q.label, q.type, q.required, q.options.map((o) => [o.key, o.name]), q.help || null]),
  );

/** Only what changed: a PATCH that leaves a field out leaves it as it is. */
const updateBody = (c: CivicCategory, values: Values): UpdateCivicCategoryBody => {
  const body: UpdateCivicCategoryBody = {};
  const parentId = values.parentId === ROOT ? null : values.parentId;
  if (parentId !== c.parentId) body.parentId = parentId;
  if (trimmed(values.name) !== c.name) body.name = trimmed(values.name);
  if (trimmed(values.nameEn) !== (c.nameEn ?? '')) body.nameEn = trimmed(values.nameEn);
  if (trimmed(values.description) !== (c.description ?? '')) body.description = trimmed(values.description);
  if (trimmed(values.keywords) !== (c.keywords ?? '')) body.keywords = trimmed(values.keywords);
  if (values.sortOrder != null && values.sortOrder !== c.sortOrder) body.sortOrder = values.sortOrder;
  if (values.defaultUrgency !== c.defaultUrgency) body.defaultUrgency = values.defaultUrgency;
  if (values.anonymousAllowed !== c.anonymousAllowed) body.anonymousAllowed = values.anonymousAllowed;
  if (values.staffOnly !== c.staffOnly) body.staffOnly = values.staffOnly;
  if (values.duplicateRadius !== c.duplicateRadius) body.duplicateRadius = values.duplicateRadius;
  const questions = questionsOf(values);
  if (canonical(questions) !== canonical(c.questions)) body.questions = questions;
  return body;
};

type Props = { state: CategoryDrawerState; roots: readonly CivicCategory[]; onClose: () => void };

/** Create or edit a category, with its questions; edits go with If-Match and only what changed. */
export const CategoryDrawer = ({ state, roots, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const open = state !== null;
  const idem = useIdempotencyKey(open);
  const [base, setBase] = useState<CivicCategory | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  useEffect(() => {
    if (!state) return;
    setUnplaced([]);
    if (state.mode === 'edit') {
      setBase(state.category);
      form.setFieldsValue(valuesOf(state.category));
    } else {
      setBase(null);
      form.resetFields();
      form.setFieldsValue(blankValues(state.parent));
    }
  }, [state, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<CivicCategory | null> => {
      if (!base) return civicSettingsApi.createCategory(createBody(values), idem.key);
      const body = updateBody(base, values);
      if (Object.keys(body).length === 0) return null;
      return civicSettingsApi.updateCategory(base.id, body, base.version);
    },
    onSuccess: (saved) => {
      if (!saved) void message.info(t('common.feedback.noChanges'));
      else void message.success(base ? t('common.feedback.saved') : t('civicSettings.category.created'));
      void queryClient.invalidateQueries({ queryKey: CIVIC_CATEGORIES_KEY });
      onClose();
    },
    onError: (e) => {
      if (!base) idem.afterError(e);
      setUnplaced(applySettingsErrors(form, e, t) ?? []);
    },
  });

  const reload = async () => {
    if (!base) return;
    const fresh = (await civicCategoriesApi.list(true)).items.find((c) => c.id === base.id);
    void queryClient.invalidateQueries({ queryKey: CIVIC_CATEGORIES_KEY });
    if (!fresh) return;
    setBase(fresh);
    form.setFieldsValue(valuesOf(fresh));
    save.reset();
  };

  const onFinish = (values: Values) => {
    setUnplaced([]);
    if (!base) {
      const parsed = CreateCivicCategoryBodySchema.safeParse(createBody(values));
      if (!parsed.success) {
        setUnplaced(applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t)));
        return;
      }
    }
    save.mutate(values);
  };

  const parentOptions = [
    { value: ROOT, label: t('civicSettings.category.parentNone') },
    ...roots
      .filter((r) => r.id !== base?.id && (r.active || r.id === base?.parentId))
      .map((r) => ({ value: r.id, label: r.name })),
  ];
  const title = !state
    ? ''
    : state.mode === 'edit'
      ? t('civicSettings.category.editTitle', { name: state.category.name })
      : state.parent
        ? t('civicSettings.category.createChildTitle', { parent: state.parent.name })
        : t('civicSettings.category.createTitle');
  const stale = isVersionStale(save.error);
  const maxRule = (max: number) => ({ max, message: t('common.validation.tooLong', { max }) });

  return (
    <Drawer
      open={open}
      title={title}
      size={760}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(o) => !o && save.reset()}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={stale}
            onClick={() => form.submit()}
            data-testid="category-save"
          >
            {t('common.actions.save')}
          </Button>
        </Flex>
      }
      data-testid="category-drawer"
    >
      {stale ? (
        <StaleVersionAlert onReload={() => void reload()} />
      ) : unplaced.length === 0 ? (
        <FormErrorAlert error={save.error} />
      ) : null}
      {unplaced.length > 0 && (
        <Alert type="error" showIcon title={unplaced.join(t('common.fmt.listSep'))} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('civicSettings.category.name')} rules={[requiredRule(t), maxRule(30)]}>
              <Input maxLength={30} data-testid="category-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('civicSettings.category.code')}
              extra={base ? undefined : t('civicSettings.category.codeHint')}
              rules={[
                {
                  pattern: /^[A-Za-z0-9_-]{2,20}$/,
                  message: t('civicSettings.category.codeRule'),
                },
              ]}
            >
              <Input className="mono" disabled={base !== null} data-testid="category-code" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parentId" label={t('civicSettings.category.parent')}>
              <Select options={parentOptions} data-testid="category-parent" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('civicSettings.category.nameEn')} rules={[maxRule(60)]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="defaultUrgency" label={t('civicSettings.category.defaultUrgency')}>
              <Select options={URGENCIES.map((u) => ({ value: u, label: t(`civic.urgencyWithLimit.${u}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="sortOrder"
              label={t('civicSettings.category.sortOrder')}
              tooltip={t('civicSettings.category.sortOrderHint')}
            >
              <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="duplicateRadius"
              label={t('civicSettings.category.duplicateRadius')}
              tooltip={t('civicSettings.category.duplicateRadiusHint')}
              rules={[requiredRule(t)]}
            >
              <InputNumber
                min={0}
                max={5000}
                precision={0}
                suffix={t('civicSettings.category.metres')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="anonymousAllowed"
              label={t('civicSettings.category.anonymousAllowed')}
              extra={t('civicSettings.category.anonymousAllowedHint')}
              valuePropName="checked"
            >
              <Switch data-testid="category-anonymous" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="staffOnly"
              label={t('civicSettings.category.staffOnly')}
              extra={t('civicSettings.category.staffOnlyHint')}
              valuePropName="checked"
            >
              <Switch data-testid="category-staff-only" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="keywords"
              label={t('civicSettings.category.keywords')}
              extra={t('civicSettings.category.keywordsHint')}
              rules={[maxRule(200)]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('civicSettings.category.description')} rules={[maxRule(300)]}>
              <Input.TextArea rows={2} maxLength={300} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('civicSettings.category.questions')} required={false}>
          <QuestionsEditor />
        </Form.Item>
      </Form>
    </Drawer>
  );
};
