import { UNIT_KINDS, type UnitKind, type UnitRef } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compoundDetailKey, compoundsApi } from '../../api/compounds.ts';
import { GridSelect } from '../../components/CompoundSelect.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { CompoundGridSelect } from '../households/HouseholdFields.tsx';

/** A unit as the picker holds it: the reference the server takes, and its name when known (to show it). */
export type PickedUnit = UnitRef & { name?: string | undefined };

type Props = {
  /** The case's compound: its property company and branch are offered; without one, only grids and org units. */
  compoundId?: string | undefined;
  value?: PickedUnit | undefined;
  onChange?: (value: PickedUnit | undefined) => void;
  'data-testid'?: string;
};

const PARTY_KINDS: readonly UnitKind[] = ['property_company', 'branch'];

/**
 * Picks the unit that answers for a case: the kind first (物业公司 / 网格 / 小区党支部 / 组织), then the unit —
 * the compound's own party for the first and third, one of the compound's grids, or an org unit from the tree.
 */
export const UnitPicker = ({ compoundId, value, onChange, ...rest }: Props) => {
  const { t } = useTranslation();
  const compound = useQuery({
    queryKey: compoundDetailKey(compoundId ?? ''),
    queryFn: () => compoundsApi.get(compoundId ?? ''),
    enabled: !!compoundId,
    staleTime: 60_000,
  });
  const kinds = compoundId ? UNIT_KINDS : UNIT_KINDS.filter((k) => !PARTY_KINDS.includes(k));
  const [chosenKind, setChosenKind] = useState<UnitKind | undefined>(value?.kind);
  const kind = value?.kind ?? chosenKind;
  const testId = rest['data-testid'] ?? 'civic-unit';
  const known = value?.id && value.name ? [{ value: value.id, label: value.name }] : [];
  const pick = (id: string | undefined, name?: string) => onChange?.(kind && id ? { kind, id, name } : undefined);

  const parties = (compound.data?.parties ?? []).filter((p) => p.kind === kind);
  const unitField = (() => {
    if (!kind) return null;
    if (kind === 'property_company' || kind === 'branch') {
      if (compound.isSuccess && parties.length === 0) {
        return (
          <Typography.Text type="warning">
            {t('civic.unit.noParty', { kind: t(`civic.unitKind.${kind}`) })}
          </Typography.Text>
        );
      }
      return (
        <Select
          style={{ flex: 1, minWidth: 200 }}
          value={value?.id}
          loading={compound.isFetching}
          placeholder={t('civic.unit.pick')}
          options={parties.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id: string) => pick(id, parties.find((p) => p.id === id)?.name)}
          data-testid={`${testId}-id`}
        />
      );
    }
    if (kind === 'grid') {
      const props = {
        style: { flex: 1, minWidth: 200 },
        value: value?.id,
        placeholder: t('civic.unit.pickGrid'),
        knownOptions: known,
        onChange: (id: string | undefined) => pick(id),
        'data-testid': `${testId}-id`,
      };
      return compoundId ? <CompoundGridSelect {...props} compoundId={compoundId} /> : <GridSelect {...props} />;
    }
    return (
      <OrgTreeSelect
        style={{ flex: 1, minWidth: 200 }}
        value={value?.id}
        placeholder={t('civic.unit.pickOrg')}
        knownLabels={value?.id && value.name ? { [value.id]: value.name } : undefined}
        onChange={(id) => pick(id)}
        data-testid={`${testId}-id`}
      />
    );
  })();

  return (
    <Flex gap={8} wrap style={{ width: '100%' }}>
      <Select<UnitKind>
        style={{ width: 150 }}
        value={kind}
        placeholder={t('civic.unit.kind')}
        options={kinds.map((k) => ({ value: k, label: t(`civic.unitKind.${k}`) }))}
        onChange={(k) => {
          setChosenKind(k);
          if (k !== value?.kind) onChange?.(undefined);
        }}
        data-testid={`${testId}-kind`}
      />
      {unitField}
    </Flex>
  );
};
