import { CreateWorkUnitBodySchema } from '@linli/contracts';
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';

/** The form values of a work unit's own fields (the phone is added by each dialog: new, or masked on edit). */
export type WorkUnitBasicValues = {
  name: string;
  partyOrgId?: string;
  partyOrgName?: string;
  contactName?: string;
  address?: string;
};

type Props = {
  /** The county org shown before the tree has loaded to it (edit: the unit's current org). */
  knownOrg?: { id: string; name: string } | null;
  /** The phone field, placed after the contact name. */
  phoneField: ReactNode;
  nameTestId: string;
};

/**
 * Name, its Party organisation (an org of the county, or a name alone when it lies outside), contact and address.
 * One of the two org fields is required (`workUnitPartyOrg`).
 */
export const WorkUnitFields = ({ knownOrg, phoneField, nameTestId }: Props) => {
  const { t } = useTranslation();
  const shape = CreateWorkUnitBodySchema.shape;
  const eitherOrg = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_r: unknown, value: unknown) => {
      const typed = typeof value === 'string' && value.trim() !== '';
      if (!typed && !getFieldValue('partyOrgId')) throw new Error(t('common.validation.workUnitPartyOrg'));
    },
  });
  return (
    <>
      <Form.Item name="name" label={t('member.workUnit.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
        <Input maxLength={100} data-testid={nameTestId} />
      </Form.Item>
      <Form.Item name="partyOrgId" label={t('member.workUnit.partyOrg')} extra={t('member.workUnit.partyOrgHint')}>
        <OrgTreeSelect
          allowClear
          style={{ width: '100%' }}
          placeholder={t('member.workUnit.partyOrgPick')}
          knownLabels={knownOrg ? { [knownOrg.id]: knownOrg.name } : undefined}
        />
      </Form.Item>
      <Form.Item
        name="partyOrgName"
        label={t('member.workUnit.partyOrgName')}
        extra={t('member.workUnit.partyOrgNameHint')}
        dependencies={['partyOrgId']}
        rules={[eitherOrg, contractRule(shape.partyOrgName, t)]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('member.workUnit.contactName')}
        rules={[contractRule(shape.contactName, t)]}
      >
        <Input maxLength={40} />
      </Form.Item>
      {phoneField}
      <Form.Item name="address" label={t('member.workUnit.address')} rules={[contractRule(shape.address, t)]}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
};
