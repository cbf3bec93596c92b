import type { HouseholdDetail } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { householdDetailKey, householdsApi } from '../../api/households.ts';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { type DetailSource, useEditableDetail } from '../../components/useDetailEditing.ts';
import { HouseholdEditModal } from './HouseholdModals.tsx';
import { LinksPanel, ResidentsPanel, VisitsPanel } from './HouseholdPanels.tsx';

const HOUSEHOLD: DetailSource<HouseholdDetail> = {
  key: householdDetailKey,
  get: householdsApi.get,
  listKey: ['households', 'list'],
};

const HouseholdInfo = ({ h }: { h: HouseholdDetail }) => {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { key: 'label', label: t('household.address'), children: h.label },
        { key: 'compound', label: t('household.compound'), children: h.compoundName },
        { key: 'grid', label: t('household.grid'), children: h.gridName ?? '—' },
        { key: 'note', label: t('household.note'), children: h.note ?? '—' },
        { key: 'lastVisit', label: t('household.lastVisitOn'), children: h.lastVisitOn ?? t('household.neverVisited') },
      ]}
    />
  );
};

/** A household's detail: address, residents (phones masked), linked members and visits, each editable as allowed. */
export const HouseholdDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { detail, edit, dialog } = useEditableDetail(id, HOUSEHOLD);
  const queryClient = useQueryClient();
  const refresh = async () => {
    void queryClient.invalidateQueries({ queryKey: HOUSEHOLD.listKey });
    void queryClient.invalidateQueries({ queryKey: ['household-visits'] });
    return (await detail.refetch()).data;
  };
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={detail.data ? t('household.detailTitleOf', { label: detail.data.label }) : t('household.detailTitle')}
        query={detail}
        onClose={onClose}
        size={820}
        data-testid="household-detail"
        extra={(h) => h.abilities.update && <EditButton onClick={() => edit.start(h)} data-testid="household-edit" />}
      >
        {(h) => (
          <>
            <HouseholdInfo h={h} />
            <ResidentsPanel household={h} refresh={refresh} />
            <LinksPanel household={h} refresh={refresh} />
            <VisitsPanel household={h} refresh={refresh} />
          </>
        )}
      </DetailDrawer>
      <HouseholdEditModal {...dialog} household={edit.base} />
    </>
  );
};
