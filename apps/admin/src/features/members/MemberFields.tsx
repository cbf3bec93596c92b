import {
  CreateMemberBodySchema,
  EDUCATION_LEVELS,
  type Education,
  EMPLOYMENTS,
  type Employment,
  idNumberBirthDate,
  idNumberGender,
  idNumberProblem,
  MEMBER_STATUSES,
  type MemberDetail,
  type MemberStatus,
  type OrgUnit,
} from '@linli/contracts';
import { Checkbox, Col, DatePicker, Divider, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Rule, RuleObject } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { MaskedPhoneField, type MaskedPhoneValues } from '../../components/MaskedPhoneField.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { WorkUnitSelect } from '../work-units/WorkUnitSelect.tsx';
import { ethnicityOptions } from './ethnicities.ts';

/** The values of the create and edit forms (dates as dayjs; the phone as `MaskedPhoneField` writes it). */
export type MemberFormValues = MaskedPhoneValues & {
  name: string;
  /** Create: required. Edit: blank keeps the stored number. */
  idNumber?: string;
  ethnicity: string;
  education?: Education;
  /** Edit: blank keeps the stored address, `clearAddress` removes it. */
  address?: string;
  clearAddress?: boolean;
  status: MemberStatus;
  joinedOn?: Dayjs;
  fullMemberOn?: Dayjs;
  employment: Employment;
  workUnitId?: string;
  branchId?: string;
  residenceCompoundId?: string;
  isMobile: boolean;
  isLostContact: boolean;
};

export const toDateOnly = (d: Dayjs | undefined): string | undefined => d?.format('YYYY-MM-DD');

const shape = CreateMemberBodySchema.shape;
const isFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The GB 11643 check, said precisely: format, birth date or check character. */
const idNumberRule = (t: TFunction): Rule => ({
  validator: async (_r, value: unknown) => {
    const id = typeof value === 'string' ? value.trim() : '';
    if (id === '') return;
    const problem = idNumberProblem(id);
    if (problem) throw new Error(t(`member.idProblem.${problem}`));
  },
});

/** Required for full members, absent for probationary ones, after the joining date. */
const fullMemberOnRule =
  (t: TFunction) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }): RuleObject => ({
    validator: async (_r, value: Dayjs | undefined) => {
      const joined = getFieldValue('joinedOn') as Dayjs | undefined;
      if (getFieldValue('status') === 'full' && !value) throw new Error(t('common.validation.fullMemberOnRequired'));
      if (value && joined && !value.isAfter(joined, 'day')) throw new Error(t('common.validation.fullMemberOnOrder'));
    },
  });

/** The birth date the form stands for: from a valid typed ID number, else the stored one. */
const birthDateOf = (typed: unknown, base: MemberDetail | null): string | null => {
  const id = typeof typed === 'string' ? typed.trim().toUpperCase() : '';
  if (id !== '') return idNumberProblem(id) === null ? idNumberBirthDate(id) : null;
  return base?.birthDate ?? null;
};

/** Not in the future (the picker greys those days out) and not before the birth date. */
const joinedOnRule =
  (t: TFunction, base: MemberDetail | null) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }): RuleObject => ({
    validator: async (_r, value: Dayjs | undefined) => {
      if (!value) return;
      if (isFuture(value)) throw new Error(t('common.validation.dateInFuture'));
      const birth = birthDateOf(getFieldValue('idNumber'), base);
      if (birth && value.format('YYYY-MM-DD') < birth) throw new Error(t('common.validation.joinedBeforeBirth'));
    },
  });

/** At least one of the home branch and the residence compound. */
const placeRule =
  (t: TFunction) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }): RuleObject => ({
    validator: async (_r, value: unknown) => {
      if (!value && !getFieldValue('residenceCompoundId')) throw new Error(t('common.validation.memberPlace'));
    },
  });

const holdsMembership = (unit: OrgUnit) => unit.kind === 'branch' || unit.kind === 'general_branch';

/** Birth date and gender as the ID number gives them (read-only): the typed number, else the stored one. */
const DerivedFromId = ({ base }: { base: MemberDetail | null }) => {
  const { t } = useTranslation();
  const typed = (Form.useWatch<string | undefined>('idNumber') ?? '').trim().toUpperCase();
  const valid = typed !== '' && idNumberProblem(typed) === null;
  const birth = birthDateOf(typed, base);
  const gender = valid ? idNumberGender(typed) : typed === '' ? (base?.gender ?? null) : null;
  const pending = t('member.form.derivedPending');
  return (
    <>
      <Col xs={24} md={6}>
        <Form.Item label={t('member.fields.birthDate')} tooltip={t('member.form.derived')}>
          <Input readOnly variant="filled" value={birth ?? pending} data-testid="member-derived-birth" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label={t('member.fields.gender')} tooltip={t('member.form.derived')}>
          <Input
            readOnly
            variant="filled"
            value={gender ? t(`member.gender.${gender}`) : pending}
            data-testid="member-derived-gender"
          />
        </Form.Item>
      </Col>
    </>
  );
};

/** The ID number: required on create; on edit the stored one is shown masked and a typed one replaces it. */
const IdNumberField = ({ base }: { base: MemberDetail | null }) => {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="idNumber"
      label={t('member.fields.idNumber')}
      rules={base ? [idNumberRule(t)] : [requiredRule(t), idNumberRule(t)]}
      extra={base ? t('member.form.idNumberKeep', { masked: base.idNumberMasked }) : t('member.form.idNumberHint')}
      normalize={(v: string) => v.toUpperCase()}
      validateFirst
    >
      <Input
        maxLength={18}
        className="mono"
        placeholder={base?.idNumberMasked ?? t('member.form.idNumberPlaceholder')}
        data-testid="member-id-number"
      />
    </Form.Item>
  );
};

const AddressField = ({ base }: { base: MemberDetail | null }) => {
  const { t } = useTranslation();
  const clearing = Form.useWatch<boolean | undefined>('clearAddress') === true;
  const masked = base?.addressMasked;
  const hint = masked ? (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text type={clearing ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {clearing ? t('member.form.addressWillClear', { masked }) : t('member.form.addressKeep', { masked })}
      </Typography.Text>
      <Form.Item name="clearAddress" valuePropName="checked" noStyle>
        <Checkbox>
          <span style={{ fontSize: 12 }}>{t('member.form.addressClear')}</span>
        </Checkbox>
      </Form.Item>
    </Flex>
  ) : undefined;
  return (
    <Form.Item
      name="address"
      label={t('member.fields.address')}
      extra={hint}
      rules={clearing ? [] : [contractRule(shape.address, t)]}
    >
      <Input maxLength={200} disabled={clearing} placeholder={masked ?? t('member.form.addressPlaceholder')} />
    </Form.Item>
  );
};

const Person = ({ base }: { base: MemberDetail | null }) => {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('member.fields.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={40} data-testid="member-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <IdNumberField base={base} />
      </Col>
      <DerivedFromId base={base} />
      <Col xs={24} md={12}>
        <Form.Item name="ethnicity" label={t('member.fields.ethnicity')} rules={[requiredRule(t)]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={ethnicityOptions(base?.ethnicity)}
            data-testid="member-ethnicity"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {base ? (
          <MaskedPhoneField
            name={[]}
            path={[]}
            label={t('member.fields.phone')}
            masked={base.phoneMasked}
            rules={[contractRule(shape.phone, t)]}
            placeholder={t('member.form.phonePlaceholder')}
            phoneTestId="member-phone"
            clearTestId="member-clear-phone"
          />
        ) : (
          <Form.Item name="phone" label={t('member.fields.phone')} rules={[contractRule(shape.phone, t)]}>
            <Input
              maxLength={11}
              inputMode="numeric"
              placeholder={t('member.form.phonePlaceholder')}
              data-testid="member-phone"
            />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="education" label={t('member.fields.education')}>
          <Select
            allowClear
            options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`member.education.${e}`) }))}
            data-testid="member-education"
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <AddressField base={base} />
      </Col>
    </Row>
  );
};

const Membership = ({ base }: { base: MemberDetail | null }) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance<MemberFormValues>();
  const status = Form.useWatch<MemberStatus | undefined>('status');
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="status" label={t('member.fields.status')} rules={[requiredRule(t)]}>
          <Radio.Group
            optionType="button"
            options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`member.status.${s}`) }))}
            onChange={(e) => {
              if (e.target.value === 'probationary') form.setFieldValue('fullMemberOn', undefined);
            }}
            data-testid="member-status"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="joinedOn"
          label={t('member.fields.joinedOn')}
          dependencies={['idNumber']}
          rules={[requiredRule(t), joinedOnRule(t, base)]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="member-joined-on" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="fullMemberOn"
          label={t('member.fields.fullMemberOn')}
          dependencies={['status', 'joinedOn']}
          rules={[fullMemberOnRule(t)]}
          required={status === 'full'}
          extra={status === 'probationary' ? t('member.form.fullMemberOnProbationary') : undefined}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabled={status !== 'full'}
            disabledDate={isFuture}
            data-testid="member-full-member-on"
          />
        </Form.Item>
      </Col>
    </Row>
  );
};

const WorkAndPlace = ({ base }: { base: MemberDetail | null }) => {
  const { t } = useTranslation();
  const employment = Form.useWatch<Employment | undefined>('employment');
  const workUnitId = Form.useWatch<string | undefined>('workUnitId');
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="employment" label={t('member.fields.employment')} rules={[requiredRule(t)]}>
          <Radio.Group
            optionType="button"
            options={EMPLOYMENTS.map((e) => ({ value: e, label: t(`member.employment.${e}`) }))}
            data-testid="member-employment"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="workUnitId"
          label={t('member.fields.workUnit')}
          extra={employment === 'in_service' && !workUnitId ? t('member.form.workUnitHint') : undefined}
        >
          <WorkUnitSelect
            allowCreate
            allowClear
            placeholder={t('member.form.workUnitPlaceholder')}
            knownOptions={base?.workUnitId ? [{ value: base.workUnitId, label: base.workUnitName ?? '' }] : []}
            data-testid="member-work-unit"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="branchId"
          label={t('member.fields.branch')}
          extra={t('member.form.branchHint')}
          dependencies={['residenceCompoundId']}
          rules={[placeRule(t)]}
        >
          <OrgTreeSelect
            allowClear
            style={{ width: '100%' }}
            selectable={holdsMembership}
            placeholder={t('member.form.branchPlaceholder')}
            knownLabels={base?.branchId ? { [base.branchId]: base.branchName ?? '' } : undefined}
            data-testid="member-branch"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="residenceCompoundId" label={t('member.fields.compound')} extra={t('member.form.compoundHint')}>
          <CompoundSelect
            allowClear
            style={{ width: '100%' }}
            placeholder={t('member.form.compoundPlaceholder')}
            knownOptions={base?.compoundId ? [{ value: base.compoundId, label: base.compoundName ?? '' }] : []}
            data-testid="member-compound"
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label={t('member.fields.flags')} style={{ marginBottom: 0 }}>
          <Flex gap={24} wrap>
            <Form.Item name="isMobile" valuePropName="checked" noStyle>
              <Checkbox data-testid="member-is-mobile">{t('member.flag.mobile')}</Checkbox>
            </Form.Item>
            <Form.Item name="isLostContact" valuePropName="checked" noStyle>
              <Checkbox data-testid="member-is-lost-contact">{t('member.flag.lost_contact')}</Checkbox>
            </Form.Item>
          </Flex>
        </Form.Item>
      </Col>
    </Row>
  );
};

/** Every field of a member, in three groups; `base` is the member being edited (null on create). */
export const MemberFields = ({ base }: { base: MemberDetail | null }) => {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('member.form.sectionPerson')}
      </Divider>
      <Person base={base} />
      <Divider titlePlacement="start" plain>
        {t('member.form.sectionMembership')}
      </Divider>
      <Membership base={base} />
      <Divider titlePlacement="start" plain>
        {t('member.form.sectionPlace')}
      </Divider>
      <WorkAndPlace base={base} />
    </>
  );
};

/** Server and contract paths → form fields (the phone is typed into `phone` either way). */
export const memberFieldPath = (p: (string | number)[]) => (p[0] === 'householdId' ? ['residenceCompoundId'] : p);
