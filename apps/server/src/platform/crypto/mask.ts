/**
 * Display masking (PI-3): keep the first 3 and last 4 characters. Unmasked values only ever come from an audited
 * reveal.
 */
export function maskMiddle(value: string, head = 3, tail = 4): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(-tail)}`;
}

export const maskPhone = (phone: string): string => maskMiddle(phone, 3, 4);
export const maskIdNumber = (id: string): string => maskMiddle(id, 3, 4);

/** Surname plus `*` for lists shown to people who do not manage the person. */
export const maskName = (name: string): string =>
  name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`;
