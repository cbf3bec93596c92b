import { Secret, TOTP } from 'otpauth';

/** What every authenticator app reads: HMAC-SHA1, 6 digits, 30-second steps (RFC 6238 defaults). */
const PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export const TOTP_ISSUER = '邻里 Linli';
/** One step either side absorbs a phone clock that is a little off (ASVS 6.5.5). */
const WINDOW = 1;

/** A fresh 160-bit secret in base32, the form apps and QR codes take. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI a QR code carries, labelled with the account name under the 邻里 Linli issuer. */
export const totpUri = (secretBase32: string, label: string): string =>
  new TOTP({ ...PARAMS, issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secretBase32) }).toString();

/** The time step a valid code belongs to, or null. Reuse is the caller's check against the last step used. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const totp = new TOTP({ ...PARAMS, secret: Secret.fromBase32(secretBase32) });
  const timestamp = now.getTime();
  const delta = totp.validate({ token: code, timestamp, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

/** The code an authenticator shows at `now` (the demo CLI and tests play the phone). */
export const totpCodeAt = (secretBase32: string, now: Date): string =>
  new TOTP({ ...PARAMS, secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: now.getTime() });
