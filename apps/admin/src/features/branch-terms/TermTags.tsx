import { Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BranchTerm } from '../../api/branchTerms.ts';
import { ZONE } from '../../components/time.ts';
import { sortByPosition } from './TermMembersField.tsx';

type Status = 'current' | 'expired' | 'upcoming';

const termStatus = (term: Pick<BranchTerm, 'startsOn' | 'endsOn'>): Status => {
  const today = dayjs().tz(ZONE).format('YYYY-MM-DD');
  if (term.endsOn < today) return 'expired';
  if (term.startsOn > today) return 'upcoming';
  return 'current';
};
const STATUS_COLORS: Record<Status, string> = { current: 'green', expired: 'default', upcoming: 'blue' };

/** 本届 / 已届满 / 未开始, by today's date in China. */
export const TermStatusTag = ({ term }: { term: Pick<BranchTerm, 'startsOn' | 'endsOn'> }) => {
  const { t } = useTranslation();
  const s = termStatus(term);
  return <Tag color={STATUS_COLORS[s]}>{t(`branchTerm.${s}`)}</Tag>;
};

/** The committee as tags, 书记 first and in red. */
export const TermMemberTags = ({ members }: { members: BranchTerm['members'] }) => {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {sortByPosition(members).map((m) => (
        <Tag key={m.id} color={m.position === 'secretary' ? 'red' : undefined}>
          {t('common.fmt.labelValue', { label: t(`common.enum.termPosition.${m.position}`), value: m.name })}
        </Tag>
      ))}
    </Flex>
  );
};
