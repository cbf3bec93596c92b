import { EditOutlined } from '@ant-design/icons';
import type { BranchTermDetail } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { branchTermDetailKey, branchTermsApi } from '../../api/branchTerms.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { useEditSnapshot, useStickyId } from '../../components/useDetailEditing.ts';
import { BranchTermEditModal } from './BranchTermEditModal.tsx';
import { TermMemberTags, TermStatusTag } from './TermTags.tsx';

const TermInfo = ({ term }: { term: BranchTermDetail }) => {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 140 } }}
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

/** A recorded term (`GET /branch-terms/:id`), with 编辑 when `abilities.update` (org.write over the branch). */
export const BranchTermDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shownId = useStickyId(id) ?? '';
  const detail = useQuery({
    queryKey: branchTermDetailKey(shownId),
    queryFn: () => branchTermsApi.get(shownId),
    enabled: shownId !== '',
  });
  const edit = useEditSnapshot<BranchTermDetail>();
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('branchTerm.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="branch-term-detail"
        extra={(term) =>
          term.abilities.update && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => edit.start(term)}
              data-testid="branch-term-edit"
            >
              {t('common.actions.edit')}
            </Button>
          )
        }
      >
        {(term) => <TermInfo term={term} />}
      </DetailDrawer>
      <BranchTermEditModal
        open={edit.open}
        term={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await detail.refetch();
          if (fresh.data) edit.replace(fresh.data);
        }}
        onSaved={(saved) => {
          queryClient.setQueryData(branchTermDetailKey(saved.id), saved);
          void queryClient.invalidateQueries({ queryKey: ['branch-terms', 'list'] });
        }}
      />
    </>
  );
};
