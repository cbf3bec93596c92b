/**
 * How a household's address is shown and ordered. The label joins the parts as people write them (「3栋2单元501」;
 * a building without units has `unit` ''), and the sort key orders them naturally: digit runs zero-padded so
 * 「2栋」 comes before 「10栋」, parts joined with U+0001, which sorts before any character an address holds.
 * Migration 0007 computes the same key for rows that existed before it.
 */
export interface AddressParts {
  building: string;
  unit: string;
  room: string;
}

export const householdLabel = (a: AddressParts): string => `${a.building}${a.unit}${a.room}`;

const padDigits = (part: string): string => part.replace(/\d+/g, (digits) => digits.padStart(10, '0'));

/** The `household.sort_key` every insert and address edit must write (the list is ordered and paged by it). */
export const householdSortKey = (a: AddressParts): string => [a.building, a.unit, a.room].map(padDigits).join('\u0001');
