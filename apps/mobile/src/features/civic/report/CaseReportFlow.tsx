import type { CivicCategory, SubmittedCivicCase } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { civicApi } from '../../../api/civic.ts';
import { ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import type { Scope } from '../../session/scopes.ts';
import { CIVIC_KEYS } from '../civic-queries.ts';
import { CaseDetailsForm } from './CaseDetailsForm.tsx';
import { CategoryStep } from './CategoryStep.tsx';
import type { FormMode } from './case-form.ts';
import { categoryName } from './category-tree.ts';
import { deleteDraft, draftId, loadDraft, type StoredDraft } from './draft-store.ts';
import { PendingBanner } from './PendingBanner.tsx';
import { SubmittedView } from './SubmittedView.tsx';
import { freshDraft, normaliseDraft } from './submission.ts';
import { useCaseSubmission } from './useCaseSubmission.ts';
import '../shared/civic.css';
import './report.css';

type Props = {
  mode: FormMode;
  userId: string;
  /** The compounds offered first; the first one is preselected on a new report. */
  compounds: readonly Scope[];
};

/** 我要反映 / 代办上报: the saved draft (if any) is read first, then category → details → submitted. */
export function CaseReportFlow({ mode, userId, compounds }: Props) {
  const { t } = useTranslation();
  const categories = useQuery({
    queryKey: CIVIC_KEYS.categories,
    queryFn: ({ signal }) => civicApi.categories(signal),
  });
  const [initial, setInitial] = useState<StoredDraft | null>(null);
  const [result, setResult] = useState<SubmittedCivicCase | null>(null);
  const id = draftId(userId, mode);
  const firstId = compounds[0]?.id;
  const firstName = compounds[0]?.name;

  useEffect(() => {
    let live = true;
    void loadDraft(id).then((stored) => {
      if (!live) return;
      if (stored && stored.step === 'details') Toast.show({ content: t('civic.draft.restored') });
      const compound = firstId && firstName !== undefined ? { id: firstId, name: firstName } : null;
      setInitial(stored ? normaliseDraft(stored) : freshDraft(id, compound));
    });
    return () => {
      live = false;
    };
  }, [id, firstId, firstName, t]);

  if (result) {
    return (
      <SubmittedView
        mode={mode}
        result={result}
        onAnother={() => {
          setResult(null);
          setInitial(freshDraft(id, compounds[0] ?? null));
        }}
      />
    );
  }
  if (categories.isPending || initial === null) return <PageSkeleton blocks={3} />;
  if (categories.isError) return <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />;
  return (
    <FlowSteps
      key={initial.idempotencyKey}
      mode={mode}
      initial={initial}
      categories={categories.data}
      compounds={compounds}
      onSubmitted={setResult}
    />
  );
}

type StepsProps = {
  mode: FormMode;
  initial: StoredDraft;
  categories: CivicCategory[];
  compounds: readonly Scope[];
  onSubmitted: (result: SubmittedCivicCase) => void;
};

function FlowSteps({ mode, initial, categories, compounds, onSubmitted }: StepsProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const first = compounds[0] ?? null;
  const handleSubmitted = useCallback(
    (result: SubmittedCivicCase) => {
      void queryClient.invalidateQueries({ queryKey: CIVIC_KEYS.all });
      onSubmitted(result);
      window.scrollTo({ top: 0 });
    },
    [onSubmitted, queryClient],
  );
  const flow = useCaseSubmission({ mode, initial, categories, defaultCompound: first, onSubmitted: handleSubmitted });
  const { draft } = flow;
  const category = categories.find((item) => item.id === draft.form.categoryId);

  const banner = draft.pending ? (
    <PendingBanner sending={flow.sending} onRetry={() => void flow.submit()} onDiscard={() => void flow.discard()} />
  ) : null;

  if (draft.step === 'category' || !category) {
    return (
      <>
        {banner}
        <CategoryStep
          categories={categories}
          onPick={(picked) => flow.pickCategory(picked, categoryName(picked, locale))}
        />
      </>
    );
  }
  return (
    <>
      {banner}
      <CaseDetailsForm
        mode={mode}
        category={category}
        form={draft.form}
        errors={flow.errors}
        compounds={compounds}
        sending={flow.sending}
        failure={flow.failure}
        onChange={flow.update}
        onChangeCategory={flow.backToCategories}
        onSubmit={(uploading) => {
          if (uploading === 0) void flow.submit();
        }}
        onLeaveForFollowed={
          mode === 'report'
            ? () => {
                void deleteDraft(draft.id).then(() => navigate('/civic/mine'));
              }
            : undefined
        }
      />
    </>
  );
}
