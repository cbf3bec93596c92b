import type { MyMemberRecord } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Selector, Stepper, Toast } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { validationIssues } from '../../api/errors.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { postsApi } from '../../api/posts.ts';
import { servicesApi } from '../../api/services.ts';
import { DateField } from '../../components/DateField.tsx';
import { PageShell } from '../../components/PageShell.tsx';
import { PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { todayInShanghai } from '../../i18n/format.ts';
import { FormError } from '../auth/FormError.tsx';
import { MemberErrorState } from '../member/MemberErrorState.tsx';
import { MY_KEYS, useMyRecord } from '../member/member-queries.ts';
import { PhotoUploader } from './PhotoUploader.tsx';
import {
  CONTENT_MAX,
  checkServiceForm,
  earliestDay,
  HOURS_MAX,
  HOURS_MIN,
  HOURS_STEP,
  hasErrors,
  type ServiceForm,
  type ServiceFormErrors,
  type ServiceLink,
  toServiceBody,
} from './service-form.ts';

/** 记录服务: log a service I did (date, hours, what, photos), linked to a need I claimed or a post I hold. */
export default function NewServicePage() {
  const { t } = useTranslation();
  const record = useMyRecord();
  return (
    <PageShell title={t('services.newTitle')} backTo="/member/services" testId="h5-service-new-page">
      {record.isPending ? (
        <PageSkeleton blocks={2} />
      ) : record.isError ? (
        <MemberErrorState error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <ServiceFormCard record={record.data} />
      )}
    </PageShell>
  );
}

type LinkOption = { value: ServiceLink; label: string };

const initialLink = (params: URLSearchParams): ServiceLink => {
  const needId = params.get('needId');
  const postId = params.get('postId');
  return needId ? `need:${needId}` : postId ? `post:${postId}` : 'none';
};

function ServiceFormCard({ record }: { record: MyMemberRecord }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [params] = useSearchParams();
  const today = todayInShanghai();
  const [form, setForm] = useState<ServiceForm>(() => ({
    servedOn: today,
    hours: 1,
    content: '',
    link: initialLink(params),
    photos: [],
  }));
  const [errors, setErrors] = useState<ServiceFormErrors>({});
  const [uploading, setUploading] = useState(0);
  const needs = useQuery({
    queryKey: [...MY_KEYS.needs, 'link-options'],
    queryFn: ({ signal }) => postsApi.myNeeds({ limit: 200 }, signal),
  });
  const myNeeds = (needs.data?.items ?? []).filter((need) => need.claimedByMe && need.status === 'claimed');
  const linkOptions: LinkOption[] = [
    { value: 'none', label: t('services.linkNone') },
    ...myNeeds.map(
      (need): LinkOption => ({ value: `need:${need.id}`, label: t('services.linkNeed', { title: need.title }) }),
    ),
    ...record.posts.map(
      (post): LinkOption => ({ value: `post:${post.postId}`, label: t('services.linkPost', { title: post.title }) }),
    ),
  ];

  const save = useMutation({
    mutationFn: () => {
      const body = toServiceBody(form);
      return servicesApi.create(body, keyFor(body));
    },
    onSuccess: async () => {
      await Promise.all(
        [MY_KEYS.services, MY_KEYS.record, MY_KEYS.needs].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
      Toast.show({ icon: 'success', content: t('services.saved') });
      navigate('/member/services', { replace: true });
    },
    onError: (error) => {
      const issues = validationIssues(error);
      setErrors({ servedOn: issues.servedOn, hours: issues.hours, content: issues.content });
    },
  });

  const update = <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkServiceForm(t, form, today);
    setErrors(found);
    if (!hasErrors(found) && uploading === 0) save.mutate();
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="h5-service-form">
      <DateField
        id="h5-service-date"
        testId="h5-service-date"
        label={t('services.servedOn')}
        value={form.servedOn}
        min={earliestDay(today)}
        max={today}
        onChange={(day) => update('servedOn', day)}
        error={errors.servedOn}
      />
      <div className={`field${errors.hours ? ' field-invalid' : ''}`}>
        <span className="field-label" id="h5-service-hours-label">
          {t('services.hours')}
        </span>
        <div className="stepper-row">
          <Stepper
            className="big-stepper"
            min={HOURS_MIN}
            max={HOURS_MAX}
            step={HOURS_STEP}
            digits={1}
            value={form.hours}
            onChange={(value) => update('hours', value)}
            aria-labelledby="h5-service-hours-label"
            data-testid="h5-service-hours"
          />
          <span className="stepper-unit">{t('services.hoursUnit')}</span>
        </div>
        {errors.hours ? (
          <div className="field-error" role="alert">
            {errors.hours}
          </div>
        ) : (
          <span className="field-hint">{t('services.hoursHint')}</span>
        )}
      </div>
      <TextAreaField
        id="h5-service-content"
        testId="h5-service-content"
        label={t('services.content')}
        placeholder={t('services.contentPlaceholder')}
        value={form.content}
        maxLength={CONTENT_MAX}
        onChange={(event) => update('content', event.target.value)}
        error={errors.content}
        rows={4}
      />
      <div className="field">
        <span className="field-label">{t('services.link')}</span>
        <Selector
          className="filter link-selector"
          columns={1}
          options={linkOptions}
          value={[form.link]}
          onChange={(values) => {
            const [next] = values;
            update('link', next ?? 'none');
          }}
          data-testid="h5-service-link"
        />
        <span className="field-hint">{t('services.linkHint')}</span>
      </div>
      <PhotoUploader value={form.photos} onChange={(photos) => update('photos', photos)} onBusyChange={setUploading} />
      {save.isError && !hasErrors(errors) ? <FormError message={describe(save.error)} /> : null}
      <Button
        block
        type="submit"
        color="primary"
        size="large"
        loading={save.isPending}
        disabled={uploading > 0}
        data-testid="h5-service-submit"
      >
        {uploading > 0 ? t('services.waitUpload') : t('services.submit')}
      </Button>
    </form>
  );
}
