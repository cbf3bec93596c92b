import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TERM_POSITIONS, TermMemberInputSchema } from '@linli/contracts';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { contractRule, requiredRule } from '../../components/validation.ts';

export type TermPosition = (typeof TERM_POSITIONS)[number];
export type MemberRow = { name?: string; position?: TermPosition };

export const MAX_MEMBERS = 15;

/** The committee as the form holds it → the contract's members (trimmed names). */
export const toMembers = (rows: MemberRow[] | undefined) =>
  (rows ?? []).map((m) => ({ name: (m.name ?? '').trim(), position: m.position ?? 'secretary' }));

/** Members sorted by position (书记 first), as the form shows a recorded committee. */
export const sortByPosition = <M extends { position: TermPosition }>(members: readonly M[]): M[] =>
  [...members].sort((a, b) => TERM_POSITIONS.indexOf(a.position) - TERM_POSITIONS.indexOf(b.position));

/** The elected committee: one row per member with one of the five positions; exactly one 书记. */
export const TermMembersField = ({ testIdPrefix }: { testIdPrefix?: string }) => {
  const { t } = useTranslation();
  const positionOptions = TERM_POSITIONS.map((p) => ({ value: p, label: t(`common.enum.termPosition.${p}`) }));
  return (
    <Form.List
      name="members"
      rules={[
        {
          validator: async (_r, members: MemberRow[] | undefined) => {
            const list = members ?? [];
            if (list.length < 1) throw new Error(t('common.validation.tooFewItems', { min: 1 }));
            if (list.filter((m) => m?.position === 'secretary').length !== 1) {
              throw new Error(t('common.validation.termSecretary'));
            }
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('branchTerm.members')} extra={t('branchTerm.membersHint')} required>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item
                name={[field.name, 'position']}
                rules={[requiredRule(t)]}
                style={{ width: 160, marginBottom: 8 }}
              >
                <Select
                  options={positionOptions}
                  data-testid={testIdPrefix ? `${testIdPrefix}-position-${field.name}` : undefined}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                rules={[requiredRule(t), contractRule(TermMemberInputSchema.shape.name, t)]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input
                  maxLength={40}
                  placeholder={t('branchTerm.memberName')}
                  data-testid={testIdPrefix ? `${testIdPrefix}-name-${field.name}` : undefined}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.actions.remove')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({})}
            disabled={fields.length >= MAX_MEMBERS}
            block
          >
            {t('branchTerm.addMember')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
};
