import { EditOutlined } from '@ant-design/icons';
import type { PartnerUnitDetail } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { partnerUnitDetailKey, partnerUnitsApi } from '../../api/partnerUnits.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { useEditSnapshot, useStickyId } from '../../components/useDetailEditing.ts';
import { LinkedCompoundList } from './LinkedCompoundTags.tsx';
import { type PartnerUnitEditing, PartnerUnitEditModal } from './PartnerUnitEditModal.tsx';
import { type LinkedCompound, resolveLinkedCompounds, useLinkedCompounds } from './useLinkedCompounds.ts';

const UnitInfo = ({ unit, linked }: { unit: PartnerUnitDetail; linked: LinkedCompound[] }) => {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 140 } }}
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

/** A partner unit's detail (`GET /partner-units/:id`) with its compounds by name, and 编辑 when `abilities.update`. */
export const PartnerUnitDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shownId = useStickyId(id) ?? '';
  const detail = useQuery({
    queryKey: partnerUnitDetailKey(shownId),
    queryFn: () => partnerUnitsApi.get(shownId),
    enabled: shownId !== '',
  });
  const linked = useLinkedCompounds(detail.data?.compoundIds ?? []);
  const edit = useEditSnapshot<PartnerUnitEditing>();
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
            <Button
              type="primary"
              icon={<EditOutlined />}
              loading={linked.loading}
              onClick={() => edit.start({ unit, linked: linked.items })}
              data-testid="partner-unit-edit"
            >
              {t('common.actions.edit')}
            </Button>
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
        onSaved={(saved) => {
          queryClient.setQueryData(partnerUnitDetailKey(saved.id), saved);
          void queryClient.invalidateQueries({ queryKey: ['partner-units', 'list'] });
        }}
      />
    </>
  );
};
