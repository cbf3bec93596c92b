import { z } from 'zod';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** The birth date an 18-character ID carries (`YYYY-MM-DD`), or null when it is not a real date. */
export function idNumberBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The 17th digit is odd for men, even for women. */
export const idNumberGender = (id: string): 'male' | 'female' => (Number(id[16]) % 2 === 1 ? 'male' : 'female');

/** Why an ID number is refused, or null when it is a valid 18-character GB 11643 number. */
export function idNumberProblem(raw: string): 'format' | 'birthDate' | 'checksum' | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!idNumberBirthDate(id)) return 'birthDate';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** A citizen ID number (居民身份证号码), upper-cased, with its check character verified. */
export const IdNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => idNumberProblem(v) === null, { message: 'idNumber' });
