import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MinusCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { CategoryQuestionSchema, QUESTION_TYPES, type QuestionType } from '@linli/contracts';
import { Button, Card, Checkbox, Flex, Form, type FormInstance, Input, Select, Tooltip, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requiredRule } from '../../components/validation.ts';

export type QuestionValues = {
  code?: string;
  label?: string;
  type?: QuestionType;
  required?: boolean;
  options?: { key?: string; name?: string }[];
  help?: string;
};

const LIST_TYPES: ReadonlySet<QuestionType> = new Set(['singlevaluelist', 'multivaluelist']);
export const isListType = (type: QuestionType | undefined): boolean => type !== undefined && LIST_TYPES.has(type);

const QUESTION_CODE = CategoryQuestionSchema.shape.code;
const OPTION_KEY = CategoryQuestionSchema.shape.options.unwrap().element.shape.key;

/** A code as the contract takes it, and unique among the category's questions (as the server checks). */
const questionCodeRules = (form: FormInstance, index: number, t: TFunction): Rule[] => [
  requiredRule(t),
  {
    validator: async (_r, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      if (!QUESTION_CODE.safeParse(value).success) throw new Error(t('civicSettings.question.codeRule'));
      const all: QuestionValues[] = form.getFieldValue('questions') ?? [];
      const other = all.findIndex((q, i) => i !== index && q?.code === value);
      if (other >= 0) throw new Error(t('civicSettings.question.codeDuplicate', { n: other + 1 }));
    },
  },
];

const optionKeyRules = (form: FormInstance, qIndex: number, oIndex: number, t: TFunction): Rule[] => [
  requiredRule(t),
  {
    validator: async (_r, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      if (!OPTION_KEY.safeParse(value).success) throw new Error(t('civicSettings.question.optionKeyRule'));
      const options: NonNullable<QuestionValues['options']> =
        form.getFieldValue(['questions', qIndex, 'options']) ?? [];
      if (options.some((o, i) => i !== oIndex && o?.key === value)) {
        throw new Error(t('civicSettings.question.optionKeyDuplicate'));
      }
    },
  },
];

/** The choices of a single- or multi-value question: key (kept in answers and Open311) and name. */
const OptionsEditor = ({ qIndex }: { qIndex: number }) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List
      name={[qIndex, 'options']}
      rules={[
        {
          validator: async (_r, options: unknown[] | undefined) => {
            if (!options || options.length === 0) throw new Error(t('civicSettings.question.optionsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={0} style={{ paddingLeft: 8, borderLeft: '2px solid #f0f0f0' }}>
          <Typography.Text type="secondary" style={{ marginBottom: 6 }}>
            {t('civicSettings.question.options')}
          </Typography.Text>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item
                name={[field.name, 'key']}
                rules={optionKeyRules(form, qIndex, field.name, t)}
                style={{ width: 160, marginBottom: 8 }}
              >
                <Input placeholder={t('civicSettings.question.optionKey')} className="mono" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                rules={[requiredRule(t), { max: 40, message: t('common.validation.tooLong', { max: 40 }) }]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input placeholder={t('civicSettings.question.optionName')} />
              </Form.Item>
              <Tooltip title={t('common.actions.remove')}>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.actions.remove')}
                />
              </Tooltip>
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ key: '', name: '' })}
            disabled={fields.length >= 30}
            style={{ alignSelf: 'flex-start', marginTop: 4 }}
            data-testid="question-add-option"
          >
            {t('civicSettings.question.addOption')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
};

/**
 * The category's extra questions (Open311 attributes): add, remove and reorder; code, label, type, required,
 * help, and the choices of list questions — checked as the server checks them (unique codes, list types need
 * choices).
 */
export const QuestionsEditor = () => {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List name="questions">
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={12}>
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t('civicSettings.question.empty')}</Typography.Text>
          )}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('civicSettings.question.title', { n: index + 1 })}
              data-testid={`question-${index}`}
              extra={
                <Flex gap={0}>
                  <Tooltip title={t('civicSettings.question.moveUp')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label={t('civicSettings.question.moveUp')}
                    />
                  </Tooltip>
                  <Tooltip title={t('civicSettings.question.moveDown')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                      aria-label={t('civicSettings.question.moveDown')}
                    />
                  </Tooltip>
                  <Tooltip title={t('civicSettings.question.remove')}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('civicSettings.question.remove')}
                      data-testid="question-remove"
                    />
                  </Tooltip>
                </Flex>
              }
            >
              <Flex gap={12} wrap>
                <Form.Item
                  name={[field.name, 'code']}
                  label={t('civicSettings.question.code')}
                  rules={questionCodeRules(form, field.name, t)}
                  style={{ width: 170, marginBottom: 12 }}
                >
                  <Input className="mono" placeholder={t('civicSettings.question.codePlaceholder')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'label']}
                  label={t('civicSettings.question.label')}
                  rules={[requiredRule(t), { max: 60, message: t('common.validation.tooLong', { max: 60 }) }]}
                  style={{ flex: 1, minWidth: 200, marginBottom: 12 }}
                >
                  <Input placeholder={t('civicSettings.question.labelPlaceholder')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'type']}
                  label={t('civicSettings.question.type')}
                  rules={[requiredRule(t)]}
                  style={{ width: 130, marginBottom: 12 }}
                >
                  <Select
                    options={QUESTION_TYPES.map((qt) => ({ value: qt, label: t(`civic.questionType.${qt}`) }))}
                    onChange={(type: QuestionType) => {
                      const path = ['questions', field.name, 'options'];
                      const current: unknown[] = form.getFieldValue(path) ?? [];
                      if (isListType(type) && current.length === 0) form.setFieldValue(path, [{ key: '', name: '' }]);
                    }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'required']}
                  label={t('civicSettings.question.required')}
                  valuePropName="checked"
                  style={{ marginBottom: 12 }}
                >
                  <Checkbox />
                </Form.Item>
              </Flex>
              <Form.Item
                name={[field.name, 'help']}
                label={t('civicSettings.question.help')}
                rules={[{ max: 200, message: t('common.validation.tooLong', { max: 200 }) }]}
                style={{ marginBottom: 12 }}
              >
                <Input />
              </Form.Item>
              <Form.Item
                noStyle
                shouldUpdate={(prev, next) => prev.questions?.[field.name]?.type !== next.questions?.[field.name]?.type}
              >
                {() =>
                  isListType(form.getFieldValue(['questions', field.name, 'type'])) ? (
                    <OptionsEditor qIndex={field.name} />
                  ) : null
                }
              </Form.Item>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ code: '', label: '', type: 'string', required: false, options: [], help: '' })}
            disabled={fields.length >= 20}
            data-testid="question-add"
          >
            {t('civicSettings.question.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
};
