import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Side } from './authorisation-cells.ts';

/** The checked-in expected table, next to this file. */
export const EXPECTED_FILE = join(dirname(fileURLToPath(import.meta.url)), 'authorisation-matrix.expected.md');

/** What a cell of an unscoped route's out-of-scope column holds: there is no second object to call. */
export const NO_SIDE = '—';

export interface ExpectedRow {
  route: string;
  actor: string;
  in: string;
  out: string;
}

/**
 * A cell the review found wrong: the table holds what it should answer, this what it answers today, until the
 * finding is fixed. The test tolerates exactly this answer and fails once the cell answers anything else, so a
 * fix (or a new regression) forces the row out of this list.
 */
export interface OpenFinding {
  route: string;
  actor: string;
  side: Side;
  observed: string;
  finding: string;
}

export interface Expected {
  rows: Map<string, ExpectedRow>;
  findings: Map<string, OpenFinding>;
}

export const rowKey = (route: string, actor: string): string => `${route}|${actor}`;
export const cellKey = (route: string, actor: string, side: Side): string => `${route}|${actor}|${side}`;

const cellsOf = (line: string): string[] =>
  line
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());

/** The expected table (four-cell rows) and the open findings (five-cell rows) of the file. */
export function readExpected(file = EXPECTED_FILE): Expected {
  const rows = new Map<string, ExpectedRow>();
  const findings = new Map<string, OpenFinding>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('| ')) continue;
    const cells = cellsOf(line);
    const [route, actor, third, fourth, fifth] = cells;
    if (!route || !actor || !third || !fourth || route === 'route' || route.startsWith('---')) continue;
    if (cells.length === 4) rows.set(rowKey(route, actor), { route, actor, in: third, out: fourth });
    if (cells.length === 5 && (third === 'in' || third === 'out') && fifth) {
      findings.set(cellKey(route, actor, third), { route, actor, side: third, observed: fourth, finding: fifth });
    }
  }
  return { rows, findings };
}

const HEADER = `# Authorisation matrix: expected answers (SEC-7 … SEC-11)

Checked by \`apps/server/test/reliability/authorisation-matrix.test.ts\` on SQLite and PostgreSQL: every route of
the route table × every matrix actor × an object in scope (side A, 金碧镇) and one out of scope (side B, 龙泉镇).
The test fails on any cell answered otherwise, on a route without rows here, and on a row whose route is gone.
\`npm test\` runs every route with the anonymous row and two actors per route (rotating); \`npm run
test:reliability\` runs every cell.

Regenerate after a deliberate change, then review every changed row against the permission table
(\`packages/contracts/src/roles.ts\`), \`platform/access\` and the module's service before committing. A rewrite
keeps the open findings below: their cells keep the reviewed answer here while they still answer as listed.

    LINLI_WRITE_MATRIX=1 LINLI_TEST_DB=sqlite npx vitest run apps/server/test/reliability/authorisation-matrix.test.ts

Actors: each role once, scoped to side A where its scope kind points (org roles on town A, compound roles on
compound A, the grid worker on grid A; the resident lives in compound A, the member is on compound A's branch,
the handler staffs the property company that holds A's cases); then the four county-level roles again at the
county root (\`…@county\`), where county-wide settings are written; then \`anonymous\` (no session).

Cells (defined in \`authorisation-cells.ts\`): \`allow\` 2xx · \`empty\` a 2xx list or export of a side with no rows
· \`refused\` a 2xx that changed nothing · \`deny\` 403 · \`deny (401)\` no session · \`deny (404)\` hidden (another
user's saved view or export) · \`conflict (409)\` authorised, then stopped by a state rule. \`${NO_SIDE}\` in the
out-of-scope column: the route addresses nothing that lies on a side (the caller's own records, county-wide
settings, public routes); why, per route, is listed under the table.

| route | role | in-scope | out-of-scope |
|---|---|---|---|
`;

const FINDINGS_HEADER = `## Open findings

The table above says what these cells should answer (the review's verdict); today they answer as listed here.

| route | role | side | observed | finding |
|---|---|---|---|---|
`;

/** Writes the expected file from observed rows (in the order given), the open findings and the unscoped notes. */
export function writeExpected(
  rows: ExpectedRow[],
  findings: OpenFinding[],
  unscoped: Map<string, string>,
  file = EXPECTED_FILE,
): void {
  const table = rows.map((r) => `| ${r.route} | ${r.actor} | ${r.in} | ${r.out} |`).join('\n');
  const open = findings.map((f) => `| ${f.route} | ${f.actor} | ${f.side} | ${f.observed} | ${f.finding} |`).join('\n');
  const notes = [...unscoped.entries()].map(([route, why]) => `- \`${route}\`: ${why}`).join('\n');
  writeFileSync(file, `${HEADER}${table}\n\n${FINDINGS_HEADER}${open}\n\n## Routes with one side only\n\n${notes}\n`);
}
