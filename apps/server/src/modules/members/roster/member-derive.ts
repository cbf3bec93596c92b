import { idNumberBirthDate, idNumberGender } from '@linli/contracts';
import { pinyin } from 'pinyin-pro';
import type { Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';

/**
 * The columns a member row derives from what staff type, kept in one place so create, edit and import agree:
 * pinyin for search, birth date and gender from the ID, ciphertexts and blind indexes for the PII.
 */

/** Toneless pinyin without spaces (`zhangsan`, `lv` for 吕) and the initials (`zs`); other characters dropped. */
export function nameSearchKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s.length > 0);
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

type Crypto = Pick<Platform, 'blindIndex' | 'cipher'>;

/** The blind index of a whole ID number: uniqueness and exact search without the plaintext. */
export const idNumberIndex = (crypto: Pick<Platform, 'blindIndex'>, idNumber: string): string =>
  crypto.blindIndex(`id:${idNumber.trim().toUpperCase()}`);

/** The blind index of the last four characters of an ID number (search by them). */
export const idLast4Index = (crypto: Pick<Platform, 'blindIndex'>, last4: string): string =>
  crypto.blindIndex(`id4:${last4.trim().toUpperCase()}`);

/** The same index as `app_user.phone_index`, so a member's H5 account finds its roster row. */
export const phoneIndex = (crypto: Pick<Platform, 'blindIndex'>, phone: string): string => crypto.blindIndex(phone);

/** Everything stored for an ID number; the plaintext itself never reaches the database. */
export function idNumberColumns(crypto: Crypto, raw: string) {
  const idNumber = raw.trim().toUpperCase();
  const birthDate = idNumberBirthDate(idNumber);
  // The contract's IdNumberSchema has already refused such numbers; this keeps the function total.
  if (!birthDate)
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'body.idNumber', message: 'idNumber' }] } });
  return {
    id_number_cipher: crypto.cipher.encrypt(idNumber),
    id_number_index: idNumberIndex(crypto, idNumber),
    id_last4_index: idLast4Index(crypto, idNumber.slice(-4)),
    birth_date: birthDate,
    gender: idNumberGender(idNumber),
  };
}

export const phoneColumns = (crypto: Crypto, phone: string | null | undefined) =>
  phone
    ? { phone_cipher: crypto.cipher.encrypt(phone), phone_index: phoneIndex(crypto, phone) }
    : { phone_cipher: null, phone_index: null };

export const nameColumns = (name: string) => {
  const keys = nameSearchKeys(name);
  return { name, name_pinyin: keys.pinyin, name_initials: keys.initials };
};

/** Whole years from `birthDate` to `today` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * PI-3 for addresses: shown down to the building (栋/幢/号楼/单元), the rest masked; an address without such a
 * marker keeps its first half.
 */
export function maskAddress(address: string): string {
  const marker = /.*(?:栋|幢|号楼|单元)/.exec(address);
  const kept = marker ? marker[0] : address.slice(0, Math.ceil(address.length / 2));
  return kept.length >= address.length ? `${address.slice(0, -2)}**` : `${kept}****`;
}

/** A 400 on one body field, in the shape zod failures take. */
export const invalidField = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });
