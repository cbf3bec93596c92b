import { CreateHouseholdBodySchema } from '@linli/contracts';
import { Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { gridsApi } from '../../api/grids.ts';
import { type Option, RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';

const searchGrids = (compoundId: string | undefined) => async (q: string) =>
  (await gridsApi.list({ compoundId, q: q || undefined, limit: 20 })).items.map((g) => ({
    value: g.id,
    label: `${g.name} · ${g.code}`,
  }));

/** Picks a grid of one compound (a household's grid must belong to its compound). */
export const CompoundGridSelect = ({
  compoundId,
  ...props
}: RemoteSelectProps & { compoundId: string | undefined }) => (
  <RemoteSelect
    {...props}
    key={compoundId ?? ''}
    queryKey={`grids:${compoundId ?? ''}`}
    search={searchGrids(compoundId)}
  />
);

type Props = { compoundId: string | undefined; knownGrid?: Option | undefined };

/** The address (building, unit, room), the grid and a note: the fields of both household forms. */
export const HouseholdFields = ({ compoundId, knownGrid }: Props) => {
  const { t } = useTranslation();
  const shape = CreateHouseholdBodySchema.shape;
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item
          name="building"
          label={t('household.building')}
          rules={[requiredRule(t), contractRule(shape.building, t)]}
          style={{ flex: '1 1 140px' }}
        >
          <Input maxLength={20} placeholder={t('household.buildingPlaceholder')} data-testid="household-building" />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('household.unit')}
          extra={t('household.unitHint')}
          rules={[contractRule(shape.unit, t)]}
          style={{ flex: '1 1 140px' }}
        >
          <Input maxLength={20} placeholder={t('household.unitPlaceholder')} data-testid="household-unit" />
        </Form.Item>
        <Form.Item
          name="room"
          label={t('household.room')}
          rules={[requiredRule(t), contractRule(shape.room, t)]}
          style={{ flex: '1 1 140px' }}
        >
          <Input maxLength={20} placeholder={t('household.roomPlaceholder')} data-testid="household-room" />
        </Form.Item>
      </Flex>
      <Form.Item
        name="gridId"
        label={t('household.grid')}
        extra={compoundId ? t('household.gridHint') : t('household.pickCompoundFirst')}
      >
        <CompoundGridSelect
          allowClear
          compoundId={compoundId}
          disabled={!compoundId}
          knownOptions={knownGrid ? [knownGrid] : undefined}
          style={{ width: '100%' }}
          data-testid="household-grid"
        />
      </Form.Item>
      <Form.Item name="note" label={t('household.note')} rules={[contractRule(shape.note, t)]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
};
