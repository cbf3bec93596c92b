import type { BranchTermDetail } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import { branchTermDetailKey, branchTermsApi } from '../../api/branchTerms.ts';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { type DetailSource, useEditableDetail } from '../../components/useDetailEditing.ts';
import { BranchTermEditModal } from './BranchTermEditModal.tsx';
import { TermMemberTags, TermStatusTag } from './TermTags.tsx';

const TermInfo = ({ term }: { term: BranchTermDetail }) => {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { key: 'branch', label: t('branchTerm.branch'), children: term.branchName },
        { key: 'electedOn', label: t('branchTerm.electedOn'), children: term.electedOn },
        { key: 'term', label: t('branchTerm.term'), children: `${term.startsOn} ~ ${term.endsOn}` },
        { key: 'status', label: t('branchTerm.status'), children: <TermStatusTag term={term} /> },
        { key: 'members', label: t('branchTerm.members'), children: <TermMemberTags members={term.members} /> },
      ]}
    />
  );
};

const BRANCH_TERM: DetailSource<BranchTermDetail> = {
  key: branchTermDetailKey,
  get: branchTermsApi.get,
  listKey: ['branch-terms', 'list'],
};

/** A recorded term (`GET /branch-terms/:id`), with 编辑 when `abilities.update` (org.write over the branch). */
export const BranchTermDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { detail, edit, dialog } = useEditableDetail(id, BRANCH_TERM);
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('branchTerm.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="branch-term-detail"
        extra={(term) =>
          term.abilities.update && <EditButton onClick={() => edit.start(term)} data-testid="branch-term-edit" />
        }
      >
        {(term) => <TermInfo term={term} />}
      </DetailDrawer>
      <BranchTermEditModal {...dialog} term={edit.base} />
    </>
  );
};
