import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type CompoundPartyKind, PartyPersonInputSchema } from '@linli/contracts';
import { Button, Empty, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { contractRule, requiredRule } from '../../components/validation.ts';

/** A row of the people editor; `phoneMasked` is only a hint for people already stored. */
export type PersonRow = { name?: string; position?: string; phone?: string; phoneMasked?: string | null };

export const MAX_PEOPLE = 50;

/** Turns editor rows into the contract's `PartyPersonInput[]` (blank phones left out). */
export const toPeople = (rows: PersonRow[] | undefined) =>
  (rows ?? []).map((r) => ({
    name: (r.name ?? '').trim(),
    position: (r.position ?? '').trim(),
    ...(r.phone?.trim() ? { phone: r.phone.trim() } : {}),
  }));

type Props = { name: (string | number)[]; kind: CompoundPartyKind; testIdPrefix?: string };

/** The people of one party (name, position, mobile), as an editable list within a form. */
export const PeopleListField = ({ name, kind, testIdPrefix }: Props) => {
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
                {({ getFieldValue }) => {
                  const masked: string | null | undefined = getFieldValue([...name, field.name, 'phoneMasked']);
                  return (
                    <Form.Item
                      name={[field.name, 'phone']}
                      rules={[contractRule(shape.phone, t)]}
                      style={{ flex: 1.2, marginBottom: 8 }}
                    >
                      <Input
                        maxLength={11}
                        inputMode="numeric"
                        placeholder={masked ?? t('compound.detail.phone')}
                        title={masked ? t('compound.form.phoneKeep', { masked }) : undefined}
                      />
                    </Form.Item>
                  );
                }}
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
