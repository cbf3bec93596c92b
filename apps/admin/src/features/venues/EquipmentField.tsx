import { CreateVenueBodySchema } from '@linli/contracts';
import { Flex, Form, Select, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { issueMessage } from '../../components/validation.ts';

/** Typed tags → the contract's equipment list: trimmed, blanks and repeats dropped, in the order given. */
export const toEquipment = (items: string[] | undefined): string[] => [
  ...new Set((items ?? []).map((s) => s.trim()).filter(Boolean)),
];

const equipmentRule = (t: TFunction) => ({
  validator: async (_r: unknown, items: string[] | undefined) => {
    const parsed = CreateVenueBodySchema.shape.equipment.safeParse((items ?? []).map((s) => s.trim()));
    const first = parsed.success ? undefined : parsed.error.issues[0];
    if (first) throw new Error(issueMessage(first, t));
  },
});

/** The venue's equipment as free tags (Enter, comma or 、 adds one). */
export const EquipmentField = () => {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="equipment"
      label={t('venue.equipment')}
      extra={t('venue.equipmentHint')}
      rules={[equipmentRule(t)]}
    >
      <Select
        mode="tags"
        tokenSeparators={[',', '，', '、']}
        open={false}
        suffixIcon={null}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
};

/** The equipment list as tags, or 无. */
export const EquipmentTags = ({ items }: { items: readonly string[] }) => {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t('common.state.none')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {items.map((e) => (
        <Tag key={e}>{e}</Tag>
      ))}
    </Flex>
  );
};
