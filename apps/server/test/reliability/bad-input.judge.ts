import { ErrorBodySchema } from '@linli/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import type { Probe } from './bad-input.probe.ts';
import type { ProbedRoute } from './bad-input.route-table.ts';

/**
 * The rules every answer to a bad input must keep: never a 5xx; every 4xx in the error shape with a message
 * (Open311 in the spec's error list); never a 2xx for a request the route must refuse.
 */

/** GeoReport v2's JSON error list. */
const Open311JsonErrorsSchema = z
  .array(z.object({ code: z.number().int(), description: z.string().trim().min(1) }).strict())
  .min(1);
/** GeoReport v2's XML error list: `<errors><error><code>…</code><description>…</description></error>…</errors>`. */
const OPEN311_XML_ERRORS =
  /^<\?xml[^>]*\?>\s*<errors>(<error><code>\d+<\/code><description>[^<]*\S[^<]*<\/description><\/error>)+<\/errors>\s*$/;

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function shapeProblem(path: string, response: LightMyRequestResponse): string | undefined {
  if (path.startsWith('/open311/v2/')) {
    // The spec's error lists answer in the format the path asked for (XML unless it ends in .json).
    if (path.endsWith('.json')) {
      return Open311JsonErrorsSchema.safeParse(parsedJson(response.body)).success
        ? undefined
        : 'not an Open311 JSON error list';
    }
    return OPEN311_XML_ERRORS.test(response.body) ? undefined : 'not an Open311 XML error list';
  }
  const parsed = ErrorBodySchema.safeParse(parsedJson(response.body));
  if (!parsed.success) return 'not the { error: { code, message } } shape';
  return parsed.data.error.message.trim() === '' ? 'an error without a message' : undefined;
}

/** What is wrong with this answer to this probe, or undefined when it keeps every rule. */
export function judge(url: string, refusal: string | undefined, response: LightMyRequestResponse): string | undefined {
  const status = response.statusCode;
  if (status >= 500) return `${status} server error`;
  if (status >= 200 && status < 300 && refusal) return `${status} for a request it must refuse (${refusal})`;
  if (status >= 400) {
    // The path as the server sees it: `a/../b` is resolved first, so a traversal can leave the Open311 prefix.
    const problem = shapeProblem(new URL(url, 'http://localhost').pathname, response);
    if (problem) return `${status} ${problem}`;
  }
  return undefined;
}

const excerpt = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;

/** One broken rule: the route, the probe, what was wrong, and the request and answer that show it. */
export interface Finding {
  route: string;
  probe: string;
  problem: string;
  reproduction: string;
}

export function findingOf(
  route: ProbedRoute,
  probe: Probe,
  url: string,
  problem: string,
  response: LightMyRequestResponse | undefined,
): Finding {
  const payload =
    probe.payload === undefined ? '' : ` payload=${JSON.stringify(excerpt(probe.payload.toString(), 160))}`;
  const headers = Object.keys(probe.headers).length > 0 ? ` headers=${JSON.stringify(probe.headers)}` : '';
  const answer = response ? ` → ${excerpt(response.body, 240)}` : '';
  return {
    route: route.key,
    probe: probe.name,
    problem,
    reproduction: `${route.method} ${excerpt(url, 200)}${headers}${payload}${answer}`,
  };
}

/**
 * Findings grouped by problem and probe, each with the routes it hit and one reproduction: one cause shared by
 * a hundred routes (a framework error in its own shape) reads as one line, not a hundred.
 */
export function groupFindings(findings: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.problem} ← ${finding.probe}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups].map(([key, members]) => {
    const routes = members.map((m) => m.route);
    const listed =
      routes.length > 6 ? `${routes.slice(0, 6).join(', ')} and ${routes.length - 6} more` : routes.join(', ');
    return `${key}: ${routes.length} route(s): ${listed}\n    e.g. ${members[0]?.reproduction}`;
  });
}
