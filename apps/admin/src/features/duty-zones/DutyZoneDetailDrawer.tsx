import { EditOutlined } from '@ant-design/icons';
import type { DutyZoneDetail } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dutyZoneDetailKey, dutyZonesApi } from '../../api/dutyZones.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { useEditSnapshot, useStickyId } from '../../components/useDetailEditing.ts';
import { DutyZoneEditModal } from './DutyZoneEditModal.tsx';
import { type Geometry, pointCount } from './geometry.ts';

export const GeometrySummary = ({ geometry }: { geometry: Geometry | null }) => {
  const { t } = useTranslation();
  if (!geometry) return <Typography.Text type="secondary">{t('dutyZone.noGeometry')}</Typography.Text>;
  const n = pointCount(geometry);
  return (
    <>{geometry.type === 'LineString' ? t('dutyZone.geometryLine', { n }) : t('dutyZone.geometryPolygon', { n })}</>
  );
};

const ZoneInfo = ({ zone }: { zone: DutyZoneDetail }) => {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 140 } }}
      items={[
        {
          key: 'kind',
          label: t('dutyZone.kind'),
          children: (
            <Tag color={zone.kind === 'river' ? 'blue' : 'orange'}>{t(`common.enum.dutyZoneKind.${zone.kind}`)}</Tag>
          ),
        },
        { key: 'name', label: t('dutyZone.name'), children: zone.name },
        { key: 'holder', label: t('dutyZone.holder'), children: zone.holderOrgName },
        { key: 'description', label: t('dutyZone.description'), children: zone.description ?? '—' },
        { key: 'geometry', label: t('dutyZone.geometry'), children: <GeometrySummary geometry={zone.geometry} /> },
      ]}
    />
  );
};

type Props = { id: string | null; onClose: () => void };

/** A duty zone's detail (`GET /duty-zones/:id`), with 编辑 when `abilities.update`. */
export const DutyZoneDetailDrawer = ({ id, onClose }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shownId = useStickyId(id) ?? '';
  const detail = useQuery({
    queryKey: dutyZoneDetailKey(shownId),
    queryFn: () => dutyZonesApi.get(shownId),
    enabled: shownId !== '',
  });
  const edit = useEditSnapshot<DutyZoneDetail>();
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('dutyZone.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="duty-zone-detail"
        extra={(zone) =>
          zone.abilities.update && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => edit.start(zone)}
              data-testid="duty-zone-edit"
            >
              {t('common.actions.edit')}
            </Button>
          )
        }
      >
        {(zone) => <ZoneInfo zone={zone} />}
      </DetailDrawer>
      <DutyZoneEditModal
        open={edit.open}
        zone={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await detail.refetch();
          if (fresh.data) edit.replace(fresh.data);
        }}
        onSaved={(saved) => {
          queryClient.setQueryData(dutyZoneDetailKey(saved.id), saved);
          void queryClient.invalidateQueries({ queryKey: ['duty-zones', 'list'] });
        }}
      />
    </>
  );
};
