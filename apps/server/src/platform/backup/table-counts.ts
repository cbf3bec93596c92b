/** Rows per table, as a backup header records them and a restore compares them. */
export type TableCounts = Record<string, number>;

/** A table name from the catalogue, quoted for SQL text (both dialects quote identifiers with double quotes). */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export const totalRows = (tables: Readonly<TableCounts>): number =>
  Object.values(tables).reduce((sum, n) => sum + n, 0);

/** Each table whose restored count differs from the backup's, as "table: expected → found". */
export function differingCounts(expected: Readonly<TableCounts>, found: Readonly<TableCounts>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names
    .filter((name) => expected[name] !== found[name])
    .map((name) => `${name}: ${expected[name] ?? 'absent'} → ${found[name] ?? 'absent'}`);
}
