import {
  POST_AREA_KINDS,
  type PostArea,
  type PostAreaInput,
  PostAreaInputSchema,
  type PostAreaKind,
} from '@linli/contracts';
import { Flex, Form, Radio, Select, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../components/RemoteSelect.tsx';
import { issueMessage, requiredRule } from '../../components/validation.ts';
import { HouseholdSelect } from '../households/HouseholdSelect.tsx';
import { DutyZoneSelect } from './DutyZoneSelect.tsx';

/** The form's view of a responsibility area: the kind, and the part that kind uses. */
export type AreaValues = {
  areaKind: PostAreaKind;
  buildings?: string[];
  householdIds?: string[];
  dutyZoneId?: string;
};

export const areaValuesOf = (area: PostArea): AreaValues => ({
  areaKind: area.kind,
  buildings: area.buildings,
  householdIds: area.householdIds,
  dutyZoneId: area.dutyZoneId ?? undefined,
});

const cleanBuildings = (items: string[] | undefined) => [
  ...new Set((items ?? []).map((s) => s.trim()).filter(Boolean)),
];

/** The area as the API takes it. */
export const toAreaInput = (v: AreaValues): PostAreaInput => {
  switch (v.areaKind) {
    case 'buildings':
      return { kind: 'buildings', buildings: cleanBuildings(v.buildings) };
    case 'households':
      return { kind: 'households', householdIds: v.householdIds ?? [] };
    case 'duty_zone':
      return { kind: 'duty_zone', dutyZoneId: v.dutyZoneId ?? '' };
    default:
      return { kind: 'none' };
  }
};

/** Whether an edited area differs from the stored one. */
export const sameArea = (a: PostArea, b: PostAreaInput): boolean => {
  if (a.kind !== b.kind) return false;
  if (b.kind === 'buildings') return a.buildings.join('\n') === b.buildings.join('\n');
  if (b.kind === 'households') return [...a.householdIds].sort().join() === [...b.householdIds].sort().join();
  if (b.kind === 'duty_zone') return a.dutyZoneId === b.dutyZoneId;
  return true;
};

const buildingsRule = (t: TFunction) => ({
  validator: async (_r: unknown, items: string[] | undefined) => {
    const parsed = PostAreaInputSchema.safeParse({ kind: 'buildings', buildings: cleanBuildings(items) });
    const first = parsed.success ? undefined : parsed.error.issues[0];
    if (first) throw new Error(issueMessage(first, t));
  },
});

type Props = {
  /** Households are those of this compound; none chosen yet → the household picker waits for one. */
  compoundId: string | undefined;
  /** Labels of the households and duty zone already in the area (edit). */
  known?: { households?: Option[]; dutyZone?: Option };
};

/** 责任区: none, some buildings (typed as tags), some households of the compound, or a duty zone. */
export const PostAreaField = ({ compoundId, known }: Props) => {
  const { t } = useTranslation();
  const kind: PostAreaKind | undefined = Form.useWatch('areaKind');
  return (
    <>
      <Form.Item name="areaKind" label={t('service.post.area')} rules={[requiredRule(t)]}>
        <Radio.Group
          optionType="button"
          data-testid="post-area-kind"
          options={POST_AREA_KINDS.map((k) => ({ value: k, label: t(`service.post.areaKind.${k}`) }))}
        />
      </Form.Item>
      {kind === 'buildings' && (
        <Form.Item
          name="buildings"
          label={t('service.post.buildings')}
          extra={t('service.post.buildingsHint')}
          rules={[requiredRule(t), buildingsRule(t)]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、']}
            open={false}
            suffixIcon={null}
            style={{ width: '100%' }}
            data-testid="post-area-buildings"
          />
        </Form.Item>
      )}
      {kind === 'households' && (
        <Form.Item
          name="householdIds"
          label={t('service.post.households')}
          extra={compoundId ? t('service.post.householdsHint') : t('service.post.pickCompoundFirst')}
          rules={[requiredRule(t)]}
        >
          <HouseholdSelect
            mode="multiple"
            compoundId={compoundId}
            disabled={!compoundId}
            knownOptions={known?.households}
            style={{ width: '100%' }}
            data-testid="post-area-households"
          />
        </Form.Item>
      )}
      {kind === 'duty_zone' && (
        <Form.Item name="dutyZoneId" label={t('service.post.dutyZone')} rules={[requiredRule(t)]}>
          <DutyZoneSelect
            knownOptions={known?.dutyZone ? [known.dutyZone] : undefined}
            style={{ width: '100%' }}
            data-testid="post-area-duty-zone"
          />
        </Form.Item>
      )}
    </>
  );
};

/** A short summary of the area for a list cell: 「3 栋楼」, 「12 户」, the duty zone's name. */
export const AreaSummary = ({ area }: { area: PostArea }) => {
  const { t } = useTranslation();
  if (area.kind === 'none')
    return <Typography.Text type="secondary">{t('service.post.areaKind.none')}</Typography.Text>;
  if (area.kind === 'duty_zone') return <span>{area.dutyZoneName ?? '—'}</span>;
  if (area.kind === 'households')
    return <span>{t('service.post.householdCount', { n: area.householdIds.length })}</span>;
  return (
    <Flex gap={4} wrap>
      {area.buildings.slice(0, 4).map((b) => (
        <Tag key={b}>{b}</Tag>
      ))}
      {area.buildings.length > 4 && <Tag>+{area.buildings.length - 4}</Tag>}
    </Flex>
  );
};
