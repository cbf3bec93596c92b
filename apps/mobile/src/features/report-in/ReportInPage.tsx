import { type MemberReportIn, type MyMemberRecord, SelfReportInBodySchema } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { membersApi } from '../../api/members.ts';
import { PageShell } from '../../components/PageShell.tsx';
import { PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { FormError } from '../auth/FormError.tsx';
import { MemberErrorState } from '../member/MemberErrorState.tsx';
import { MY_KEYS, useMyRecord } from '../member/member-queries.ts';
import { ReportInStatusCard } from './ReportInStatusCard.tsx';

const SKILLS_MAX = SelfReportInBodySchema.shape.skills.unwrap().maxLength ?? 500;

/** 报到 (双报到, member level): an in-service member reports in to the residence compound; the branch confirms. */
export default function ReportInPage() {
  const { t } = useTranslation();
  const record = useMyRecord();
  const reportIns = useQuery({
    queryKey: MY_KEYS.reportIns,
    queryFn: ({ signal }) => membersApi.myReportIns(signal),
    enabled: record.isSuccess,
  });
  const failed = record.isError ? record : reportIns.isError ? reportIns : null;
  const body = failed ? (
    <MemberErrorState error={failed.error} onRetry={() => void failed.refetch()} />
  ) : record.data && reportIns.data ? (
    <ReportInBody record={record.data} latest={reportIns.data[0]} />
  ) : (
    <PageSkeleton blocks={2} />
  );

  return (
    <PageShell title={t('reportIn.title')} backTo="/" testId="h5-report-in">
      {body}
    </PageShell>
  );
}

function ReportInBody({ record, latest }: { record: MyMemberRecord; latest: MemberReportIn | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (record.employment !== 'in_service') {
    return (
      <section className="card notice-card" data-testid="h5-report-in-not-needed">
        <h2 className="section-title">{t('reportIn.notInServiceTitle')}</h2>
        <p>{t('reportIn.notInService')}</p>
        <div className="button-row">
          <Button color="primary" size="large" onClick={() => navigate('/member/posts')}>
            {t('reportIn.toPosts')}
          </Button>
        </div>
      </section>
    );
  }
  const open = latest?.status === 'pending' || latest?.status === 'confirmed';
  return (
    <>
      <ReportInStatusCard latest={latest} />
      {open ? null : record.compoundId && record.compoundName ? (
        <ReportInForm compoundId={record.compoundId} compoundName={record.compoundName} />
      ) : (
        <section className="card notice-card" data-testid="h5-report-in-no-compound">
          <p>{t('reportIn.noCompound')}</p>
        </section>
      )}
    </>
  );
}

function ReportInForm({ compoundId, compoundName }: { compoundId: string; compoundName: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [skills, setSkills] = useState('');

  const submit = useMutation({
    mutationFn: () => {
      const body = { compoundId, ...(skills.trim() ? { skills: skills.trim() } : {}) };
      return membersApi.reportIn(body, keyFor(body));
    },
    onSuccess: () => Toast.show({ icon: 'success', content: t('reportIn.submitted') }),
    // A 409 means a report-in is already open (another phone, a double tap): the refetch shows it.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: MY_KEYS.reportIns }),
        queryClient.invalidateQueries({ queryKey: MY_KEYS.record }),
      ]),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="h5-report-in-form">
      <h2 className="section-title">{t('reportIn.formTitle')}</h2>
      <p className="muted">{t('reportIn.formIntro')}</p>
      <div className="field">
        <span className="field-label">{t('reportIn.compound')}</span>
        <div className="field-static" data-testid="h5-report-in-compound">
          {compoundName}
        </div>
        <span className="field-hint">{t('reportIn.compoundHint')}</span>
      </div>
      <TextAreaField
        id="h5-report-in-skills"
        testId="h5-report-in-skills"
        label={t('reportIn.skills')}
        placeholder={t('reportIn.skillsPlaceholder')}
        hint={t('reportIn.skillsHint')}
        value={skills}
        maxLength={SKILLS_MAX}
        onChange={(event) => setSkills(event.target.value)}
      />
      {submit.isError ? <FormError message={describe(submit.error)} /> : null}
      <Button
        block
        type="submit"
        color="primary"
        size="large"
        loading={submit.isPending}
        data-testid="h5-report-in-submit"
      >
        {t('reportIn.submit')}
      </Button>
    </form>
  );
}
