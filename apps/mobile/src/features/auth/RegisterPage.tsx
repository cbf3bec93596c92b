import type { RegisterBody } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { isApiError, validationIssues } from '../../api/errors.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { rememberMe, useMe } from '../session/session.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { CompoundPicker } from './CompoundPicker.tsx';
import { FormError } from './FormError.tsx';
import { PhoneCodeFields } from './PhoneCodeFields.tsx';
import { RegisterDone } from './RegisterDone.tsx';
import { emptyRegisterForm, type RegisterErrors, type RegisterForm, validateRegisterForm } from './register-form.ts';
import { useOtpSender } from './useOtpSender.ts';

/** 居民注册: verified phone, name, compound and address; the household claim then waits for the branch. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const { data: me, isPending } = useMe();
  const sender = useOtpSender('register');
  const keyFor = useIdempotencyKey();
  const [form, setForm] = useState<RegisterForm>(emptyRegisterForm);
  const [errors, setErrors] = useState<RegisterErrors>({});
  const [done, setDone] = useState(false);

  const register = useMutation({
    mutationFn: ({ body, key }: { body: RegisterBody; key: string }) => authApi.register(body, key),
    // A dropped connection is retried with the same Idempotency-Key, so it can never register twice.
    retry: (count, error) => count < 2 && isApiError(error) && error.code === 'NETWORK',
    onSuccess: (result) => {
      setDone(true);
      rememberMe(queryClient, result.me);
    },
    onError: (error) => setErrors(validationIssues(error)),
  });

  if (isPending) return <PageSkeleton blocks={2} />;
  if (done) return <RegisterDone />;
  if (me) return <Navigate to="/" replace />;

  const set = (patch: Partial<RegisterForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateRegisterForm(t, form);
    setErrors(checked.errors ?? {});
    if (checked.body) register.mutate({ body: checked.body, key: keyFor(checked.body) });
  };

  const text = (field: 'displayName' | 'building' | 'unit' | 'room', testId: string, maxLength: number) => ({
    id: `reg-${field}`,
    testId,
    maxLength,
    value: form[field],
    error: errors[field],
    onChange: (event: { target: { value: string } }) => set({ [field]: event.target.value }),
  });

  return (
    <AuthLayout title={t('register.title')} testId="h5-register">
      <form className="form" onSubmit={submit} noValidate>
        <h2 className="section-title">{t('register.title')}</h2>
        <p className="muted">{t('register.intro')}</p>
        <PhoneCodeFields
          ids={{
            phone: 'reg-phone',
            code: 'reg-code',
            phoneTestId: 'h5-reg-phone',
            codeTestId: 'h5-reg-code',
            sendTestId: 'h5-reg-otp-send',
          }}
          phone={form.phone}
          code={form.code}
          onPhone={(phone) => set({ phone })}
          onCode={(code) => set({ code })}
          errors={errors}
          sender={sender}
        />
        <TextField
          {...text('displayName', 'h5-reg-name', 40)}
          label={t('register.name')}
          placeholder={t('register.namePlaceholder')}
          autoComplete="name"
        />
        <CompoundPicker value={form.compound} onChange={(compound) => set({ compound })} error={errors.compoundId} />
        <div className="field-group">
          <TextField
            {...text('building', 'h5-reg-building', 20)}
            label={t('register.building')}
            placeholder={t('register.buildingPlaceholder')}
          />
          <TextField
            {...text('unit', 'h5-reg-unit', 20)}
            label={t('register.unit')}
            placeholder={t('register.unitPlaceholder')}
          />
          <TextField
            {...text('room', 'h5-reg-room', 20)}
            label={t('register.room')}
            placeholder={t('register.roomPlaceholder')}
          />
        </div>
        {register.isError ? <FormError message={describe(register.error)} /> : null}
        <Button
          block
          type="submit"
          color="primary"
          size="large"
          loading={register.isPending}
          data-testid="h5-reg-submit"
        >
          {t('register.submit')}
        </Button>
      </form>
      <p className="auth-switch">
        {t('auth.haveAccount')}
        <Link to="/login">{t('auth.toLogin')}</Link>
      </p>
    </AuthLayout>
  );
}
