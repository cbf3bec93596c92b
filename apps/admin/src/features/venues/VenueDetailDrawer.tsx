import { EditOutlined } from '@ant-design/icons';
import type { VenueDetail } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { venueDetailKey, venuesApi } from '../../api/venues.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { useEditSnapshot, useStickyId } from '../../components/useDetailEditing.ts';
import { EquipmentTags } from './EquipmentField.tsx';
import { VenueEditModal } from './VenueEditModal.tsx';

const VenueInfo = ({ venue }: { venue: VenueDetail }) => {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 140 } }}
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

/** A venue's detail (`GET /venues/:id`), with 编辑 when `abilities.update`. */
export const VenueDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shownId = useStickyId(id) ?? '';
  const detail = useQuery({
    queryKey: venueDetailKey(shownId),
    queryFn: () => venuesApi.get(shownId),
    enabled: shownId !== '',
  });
  const edit = useEditSnapshot<VenueDetail>();
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('venue.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="venue-detail"
        extra={(venue) =>
          venue.abilities.update && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => edit.start(venue)} data-testid="venue-edit">
              {t('common.actions.edit')}
            </Button>
          )
        }
      >
        {(venue) => <VenueInfo venue={venue} />}
      </DetailDrawer>
      <VenueEditModal
        open={edit.open}
        venue={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await detail.refetch();
          if (fresh.data) edit.replace(fresh.data);
        }}
        onSaved={(saved) => {
          queryClient.setQueryData(venueDetailKey(saved.id), saved);
          void queryClient.invalidateQueries({ queryKey: ['venues', 'list'] });
        }}
      />
    </>
  );
};
