import type { VenueDetail } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { venueDetailKey, venuesApi } from '../../api/venues.ts';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { type DetailSource, useEditableDetail } from '../../components/useDetailEditing.ts';
import { EquipmentTags } from './EquipmentField.tsx';
import { VenueEditModal } from './VenueEditModal.tsx';

const VenueInfo = ({ venue }: { venue: VenueDetail }) => {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { key: 'name', label: t('venue.name'), children: venue.name },
        {
          key: 'compound',
          label: t('venue.compound'),
          children: <Link to={`/compounds/${venue.compoundId}`}>{venue.compoundName}</Link>,
        },
        { key: 'address', label: t('venue.address'), children: venue.address ?? '—' },
        {
          key: 'area',
          label: t('venue.area'),
          children: `${venue.areaSqm} ${t('venue.areaUnit')}`,
        },
        { key: 'equipment', label: t('venue.equipment'), children: <EquipmentTags items={venue.equipment} /> },
      ]}
    />
  );
};

const VENUE: DetailSource<VenueDetail> = { key: venueDetailKey, get: venuesApi.get, listKey: ['venues', 'list'] };

/** A venue's detail (`GET /venues/:id`), with 编辑 when `abilities.update`. */
export const VenueDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { detail, edit, dialog } = useEditableDetail(id, VENUE);
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('venue.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="venue-detail"
        extra={(venue) =>
          venue.abilities.update && <EditButton onClick={() => edit.start(venue)} data-testid="venue-edit" />
        }
      >
        {(venue) => <VenueInfo venue={venue} />}
      </DetailDrawer>
      <VenueEditModal {...dialog} venue={edit.base} />
    </>
  );
};
