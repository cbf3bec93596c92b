import type { DutyZoneDetail } from '@linli/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dutyZoneDetailKey, dutyZonesApi } from '../../api/dutyZones.ts';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { type DetailSource, useEditableDetail } from '../../components/useDetailEditing.ts';
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
    <DetailList
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

const DUTY_ZONE: DetailSource<DutyZoneDetail> = {
  key: dutyZoneDetailKey,
  get: dutyZonesApi.get,
  listKey: ['duty-zones', 'list'],
};

/** A duty zone's detail (`GET /duty-zones/:id`), with 编辑 when `abilities.update`. */
export const DutyZoneDetailDrawer = ({ id, onClose }: Props) => {
  const { t } = useTranslation();
  const { detail, edit, dialog } = useEditableDetail(id, DUTY_ZONE);
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('dutyZone.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="duty-zone-detail"
        extra={(zone) =>
          zone.abilities.update && <EditButton onClick={() => edit.start(zone)} data-testid="duty-zone-edit" />
        }
      >
        {(zone) => <ZoneInfo zone={zone} />}
      </DetailDrawer>
      <DutyZoneEditModal {...dialog} zone={edit.base} />
    </>
  );
};
