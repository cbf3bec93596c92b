import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CompoundParty, CompoundPartyKind } from '@linli/contracts';
import { Button, Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTY_COLORS } from '../../components/colors.ts';

type Person = CompoundParty['people'][number];

type Props = { kind: CompoundPartyKind; party: CompoundParty | undefined; canEdit: boolean; onEdit: () => void };

/** One of the four parties with its people; people who also sit on another party carry a 交叉任职 tag. */
export const PartyCard = ({ kind, party, canEdit, onEdit }: Props) => {
  const { t } = useTranslation();
  return (
    <Card
      className="party-card"
      size="small"
      data-testid={`party-card-${kind}`}
      title={
        <span>
          <Tag color={PARTY_COLORS[kind]}>{t(`common.enum.partyKind.${kind}`)}</Tag>
          <Typography.Text>{party?.name ?? t('compound.detail.notSet')}</Typography.Text>
        </span>
      }
      extra={
        canEdit && (
          <Button
            size="small"
            type={party ? 'default' : 'primary'}
            icon={party ? <EditOutlined /> : <PlusOutlined />}
            onClick={onEdit}
            data-testid={`party-edit-${kind}`}
          >
            {party ? t('compound.detail.editParty') : t('compound.detail.setUp')}
          </Button>
        )
      }
    >
      {!party ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compound.detail.notSet')} />
      ) : (
        <Table<Person>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={party.people}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compound.detail.noPeople')} />,
          }}
          columns={[
            { title: t('compound.detail.personName'), dataIndex: 'name', width: 110 },
            { title: t('compound.detail.position'), dataIndex: 'position', width: 120 },
            {
              title: t('compound.detail.phone'),
              dataIndex: 'phoneMasked',
              width: 130,
              render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
            },
            {
              title: t('compound.detail.crossAppointment'),
              dataIndex: 'alsoIn',
              render: (alsoIn: CompoundPartyKind[]) =>
                alsoIn.map((other) => (
                  <Tooltip key={other} title={t('compound.detail.crossAppointment')}>
                    <Tag color={PARTY_COLORS[other]} data-testid="cross-appointment">
                      {t('compound.detail.alsoIn', { party: t(`common.enum.partyKind.${other}`) })}
                    </Tag>
                  </Tooltip>
                )),
            },
          ]}
        />
      )}
    </Card>
  );
};
