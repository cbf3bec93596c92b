import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type CompoundPartyKind, PartyPersonInputSchema } from '@linli/contracts';
import { Button, Empty, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MaskedPhoneField, type MaskedPhoneValues, phoneChange } from '../../components/MaskedPhoneField.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';

/**
 * A row of the people editor. `id` and `phoneMasked` come with a person already stored: the stored number is
 * kept unless a new one is typed or 清除号码 is ticked.
 */
export type PersonRow = MaskedPhoneValues & {
  id?: string;
  name?: string;
  position?: string;
  phoneMasked?: string | null;
};

export const MAX_PEOPLE = 50;

/**
 * Turns editor rows into the contract's `PartyPersonInput[]`: a stored person keeps its `id` and is sent without
 * `phone` (keep), with a new number (replace) or with `phone: null` (clear); a new person is sent with its number
 * or without one.
 */
export const toPeople = (rows: PersonRow[] | undefined) =>
  (rows ?? []).map((r) => {
    const phone = phoneChange(r, !!r.phoneMasked);
    return {
      ...(r.id ? { id: r.id } : {}),
      name: (r.name ?? '').trim(),
      position: (r.position ?? '').trim(),
      ...(phone === undefined ? {} : { phone }),
    };
  });

type Props = {
  name: (string | number)[];
  kind: CompoundPartyKind;
  testIdPrefix?: string;
  /** Per-person test ids: `<prefix>-phone-<index>`, `<prefix>-clear-phone-<index>`. */
  personTestIdPrefix?: string;
};

/** The people of one party (name, position, mobile), as an editable list within a form. */
export const PeopleListField = ({ name, kind, testIdPrefix, personTestIdPrefix = 'party-person' }: Props) => {
  const { t } = useTranslation();
  const shape = PartyPersonInputSchema.shape;
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('compound.detail.noPeople')}
              style={{ margin: 8 }}
            />
          ) : (
            <Flex gap={8} style={{ paddingRight: 40 }}>
              <Typography.Text type="secondary" style={{ flex: 1 }}>
                {t('compound.detail.personName')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ flex: 1 }}>
                {t('compound.detail.position')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ flex: 1.2 }}>
                {t('compound.detail.phone')}
              </Typography.Text>
            </Flex>
          )}
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item
                name={[field.name, 'name']}
                rules={[requiredRule(t), contractRule(shape.name, t)]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input maxLength={40} placeholder={t('compound.detail.personName')} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'position']}
                rules={[requiredRule(t), contractRule(shape.position, t)]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input maxLength={40} placeholder={t(`compound.form.positionPlaceholder.${kind}`)} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => (
                  <MaskedPhoneField
                    name={[field.name]}
                    path={[...name, field.name]}
                    masked={getFieldValue([...name, field.name, 'phoneMasked'])}
                    rules={[contractRule(shape.phone, t)]}
                    placeholder={t('compound.detail.phone')}
                    phoneTestId={`${personTestIdPrefix}-phone-${field.name}`}
                    clearTestId={`${personTestIdPrefix}-clear-phone-${field.name}`}
                    style={{ flex: 1.2, marginBottom: 8 }}
                  />
                )}
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.actions.remove')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({})}
            disabled={fields.length >= MAX_PEOPLE}
            data-testid={testIdPrefix ? `${testIdPrefix}-add-person` : undefined}
          >
            {t('compound.form.addPerson')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
};
