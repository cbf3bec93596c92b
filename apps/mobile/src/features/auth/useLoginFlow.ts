import type { LoginResult, Me } from '@linli/contracts';
import { useCallback, useState } from 'react';

export type LoginStep =
  | { kind: 'credentials' }
  | { kind: 'totp'; mfaToken: string; enrolled: boolean }
  | { kind: 'new_password'; changeToken: string };

/**
 * The sign-in conversation: every sign-in call answers a `LoginResult`, which either opens a session or asks for
 * the next step (a TOTP code for staff, a new password on first login or after expiry).
 */
export const useLoginFlow = (onSignedIn: (me: Me) => void) => {
  const [step, setStep] = useState<LoginStep>({ kind: 'credentials' });

  const handleResult = useCallback(
    (result: LoginResult) => {
      switch (result.status) {
        case 'ok':
          onSignedIn(result.me);
          return;
        case 'mfa_required':
          setStep({ kind: 'totp', mfaToken: result.mfaToken, enrolled: result.enrolled });
          return;
        case 'password_change_required':
          setStep({ kind: 'new_password', changeToken: result.changeToken });
          return;
      }
    },
    [onSignedIn],
  );

  const restart = useCallback(() => setStep({ kind: 'credentials' }), []);

  return { step, handleResult, restart };
};

/** Only same-app paths are followed after sign-in (no open redirect). */
export const redirectTarget = (state: unknown): string => {
  if (typeof state !== 'object' || state === null || !('from' in state)) return '/';
  const from = state.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
};
