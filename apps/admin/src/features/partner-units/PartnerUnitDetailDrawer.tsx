import type { PartnerUnitDetail } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { partnerUnitDetailKey, partnerUnitsApi } from '../../api/partnerUnits.ts';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import {
  type DetailSource,
  useDetailQuery,
  useEditSnapshot,
  useStoreSaved,
} from '../../components/useDetailEditing.ts';
import { LinkedCompoundList } from './LinkedCompoundTags.tsx';
import { type PartnerUnitEditing, PartnerUnitEditModal } from './PartnerUnitEditModal.tsx';
import { type LinkedCompound, resolveLinkedCompounds, useLinkedCompounds } from './useLinkedCompounds.ts';

const UnitInfo = ({ unit, linked }: { unit: PartnerUnitDetail; linked: LinkedCompound[] }) => {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { key: 'name', label: t('partnerUnit.name'), children: unit.name },
        { key: 'contactName', label: t('partnerUnit.contactName'), children: unit.contactName ?? '—' },
        {
          key: 'contactPhone',
          label: t('partnerUnit.contactPhone'),
          children: unit.contactPhoneMasked ? <span className="mono">{unit.contactPhoneMasked}</span> : '—',
        },
        { key: 'resources', label: t('partnerUnit.resources'), children: unit.resources ?? '—' },
        { key: 'compounds', label: t('partnerUnit.compounds'), children: <LinkedCompoundList items={linked} /> },
      ]}
    />
  );
};

const PARTNER_UNIT: DetailSource<PartnerUnitDetail> = {
  key: partnerUnitDetailKey,
  get: partnerUnitsApi.get,
  listKey: ['partner-units', 'list'],
};

/** A partner unit's detail (`GET /partner-units/:id`) with its compounds by name, and 编辑 when `abilities.update`. */
export const PartnerUnitDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useDetailQuery(id, PARTNER_UNIT);
  const linked = useLinkedCompounds(detail.data?.compoundIds ?? []);
  // The dialog edits the unit together with its links as resolved when it opened.
  const edit = useEditSnapshot<PartnerUnitEditing>();
  const onSaved = useStoreSaved(PARTNER_UNIT);
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('partnerUnit.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="partner-unit-detail"
        extra={(unit) =>
          unit.abilities.update && (
            <EditButton
              loading={linked.loading}
              onClick={() => edit.start({ unit, linked: linked.items })}
              data-testid="partner-unit-edit"
            />
          )
        }
      >
        {(unit) => <UnitInfo unit={unit} linked={linked.items} />}
      </DetailDrawer>
      <PartnerUnitEditModal
        open={edit.open}
        editing={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await detail.refetch();
          if (!fresh.data) return;
          edit.replace({ unit: fresh.data, linked: await resolveLinkedCompounds(queryClient, fresh.data.compoundIds) });
        }}
        onSaved={onSaved}
      />
    </>
  );
};
