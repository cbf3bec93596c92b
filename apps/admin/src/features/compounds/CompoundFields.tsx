import { CreateCompoundBodySchema, LocationSchema, ROLLOUT_STAGES, type RolloutStage } from '@linli/contracts';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';

export type CompoundBasicValues = {
  name: string;
  orgId?: string;
  address: string;
  householdCount: number;
  buildingCount: number;
  rolloutStage: RolloutStage;
  lng?: number | null;
  lat?: number | null;
};

/** `{ lng, lat }` when both are given, nothing when neither is (the pair rule rejects half a location). */
export const toLocation = (v: { lng?: number | null; lat?: number | null }) =>
  v.lng != null && v.lat != null ? { lng: v.lng, lat: v.lat } : undefined;

/** Maps a contract issue path on the body to the form field that shows it. */
export const basicFieldPath = (path: (string | number)[]): (string | number)[] =>
  path[0] === 'location' ? [path[1] === 'lat' ? 'lat' : 'lng'] : path;

type Props = {
  withOrg: boolean;
  /** The edit dialog: a stored map point can be removed (sent as `location: null`). */
  clearableLocation?: boolean;
};

/** Name, org, address, counts, rollout stage and coordinates — shared by the create page and the edit dialog. */
export const CompoundFields = ({ withOrg, clearableLocation = false }: Props) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CompoundBasicValues>();
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const shape = CreateCompoundBodySchema.shape;
  const pairRule =
    (other: 'lng' | 'lat') =>
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: async (_r: unknown, v: number | null | undefined) => {
        if ((v == null) !== (getFieldValue(other) == null)) throw new Error(t('compound.fields.locationPair'));
      },
    });
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="name" label={t('compound.fields.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={80} showCount data-testid="compound-name" />
        </Form.Item>
      </Col>
      {withOrg && (
        <Col span={12}>
          <Form.Item
            name="orgId"
            label={t('compound.fields.org')}
            extra={t('compound.fields.orgHint')}
            rules={[requiredRule(t)]}
          >
            <OrgTreeSelect style={{ width: '100%' }} data-testid="compound-org" />
          </Form.Item>
        </Col>
      )}
      <Col span={withOrg ? 24 : 12}>
        <Form.Item
          name="address"
          label={t('compound.fields.address')}
          rules={[requiredRule(t), contractRule(shape.address, t)]}
        >
          <Input maxLength={200} data-testid="compound-address" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name="householdCount"
          label={t('compound.fields.households')}
          rules={[requiredRule(t), contractRule(shape.householdCount, t)]}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="compound-households" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name="buildingCount"
          label={t('compound.fields.buildings')}
          rules={[requiredRule(t), contractRule(shape.buildingCount, t)]}
        >
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} data-testid="compound-buildings" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="rolloutStage" label={t('compound.fields.stage')} rules={[requiredRule(t)]}>
          <Select
            data-testid="compound-stage"
            options={ROLLOUT_STAGES.map((s) => ({ value: s, label: t(`common.enum.rolloutStage.${s}`) }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          label={t('compound.fields.location')}
          extra={clearableLocation ? t('compound.fields.locationHintEdit') : t('compound.fields.locationHint')}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="lng"
              noStyle
              dependencies={['lat']}
              rules={[contractRule(LocationSchema.shape.lng, t), pairRule('lat')]}
            >
              <InputNumber
                min={-180}
                max={180}
                step={0.000001}
                placeholder={t('compound.fields.lng')}
                prefix={t('compound.fields.lng')}
                style={{ flex: 1, minWidth: 0 }}
              />
            </Form.Item>
            <Form.Item
              name="lat"
              noStyle
              dependencies={['lng']}
              rules={[contractRule(LocationSchema.shape.lat, t), pairRule('lng')]}
            >
              <InputNumber
                min={-90}
                max={90}
                step={0.000001}
                placeholder={t('compound.fields.lat')}
                prefix={t('compound.fields.lat')}
                style={{ flex: 1, minWidth: 0 }}
              />
            </Form.Item>
            {clearableLocation && (
              <Button
                disabled={lng == null && lat == null}
                onClick={() =>
                  form.setFields([
                    { name: 'lng', value: null, errors: [] },
                    { name: 'lat', value: null, errors: [] },
                  ])
                }
                data-testid="compound-clear-location"
              >
                {t('compound.fields.clearLocation')}
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
      </Col>
    </Row>
  );
};
