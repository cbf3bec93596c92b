import {
  type FigureKey,
  type FigureModule,
  type FigureValues,
  figureDefinition,
  isFigureAvailable,
  REPORT_FIGURES,
  type ReportBlock,
  type TemplateCheck,
} from '@linli/contracts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { formatFigure } from './figure-format.ts';

/*
 * A template is plain text, one block a line: `# ` the title, `## ` a section, `### ` a numbered part, any other
 * non-empty line a paragraph. `{{key}}` quotes a catalogue figure (PLACEHOLDER_PATTERN). Anything else between
 * double braces — `{{Foo}}`, `{{ a-b }}` — is caught too and reported as unknown, so no brace ever reaches a
 * document.
 */
const ANY_PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

const MARKERS: ReadonlyArray<[prefix: string, kind: ReportBlock['kind']]> = [
  ['### ', 'subheading'],
  ['## ', 'heading'],
  ['# ', 'title'],
];

/** The blocks of a body with their placeholders still in place. */
export function parseTemplate(body: string): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const marker = MARKERS.find(([prefix]) => line.startsWith(prefix));
    blocks.push(
      marker ? { kind: marker[1], text: line.slice(marker[0].length).trim() } : { kind: 'paragraph', text: line },
    );
  }
  return blocks;
}

/** Every key a body quotes, once each, in order of first use. */
export function placeholdersOf(body: string): string[] {
  const keys = [...body.matchAll(ANY_PLACEHOLDER)].map((m) => (m[1] ?? '').trim());
  return [...new Set(keys)];
}

/**
 * What the editor says about a body: its placeholders, those the catalogue does not know, and those it knows
 * but whose module is not built yet (with the module, so the editor can say which). `ok` only when neither.
 */
export function checkTemplate(body: string): TemplateCheck {
  const placeholders = placeholdersOf(body);
  const unknown: string[] = [];
  const unavailable: TemplateCheck['unavailable'] = [];
  for (const key of placeholders) {
    const definition = figureDefinition(key);
    if (!definition) unknown.push(key);
    else if (!isFigureAvailable(definition)) unavailable.push({ key, module: definition.module });
  }
  return { placeholders, unknown, unavailable, ok: unknown.length === 0 && unavailable.length === 0 };
}

/** The figures a body needs computed: the ones it quotes plus the labels (scope, period, as-of date). */
export function figureKeysFor(check: TemplateCheck): FigureKey[] {
  const labels = REPORT_FIGURES.filter((d) => d.basis === 'label').map((d) => d.key as FigureKey);
  return [...new Set<FigureKey>([...labels, ...(check.placeholders as FigureKey[])])];
}

/** The blocks with every placeholder replaced by its formatted value. */
export function renderBlocks(blocks: ReportBlock[], values: FigureValues): ReportBlock[] {
  return blocks.map((b) => ({
    kind: b.kind,
    text: b.text.replace(ANY_PLACEHOLDER, (_, key: string) =>
      formatFigure(key.trim(), values[key.trim() as FigureKey]),
    ),
  }));
}

const MODULE_NAMES: Record<FigureModule, { 'zh-CN': string; 'en-US': string }> = {
  report: { 'zh-CN': '报表', 'en-US': 'Reports' },
  organisation: { 'zh-CN': '组织覆盖', 'en-US': 'Organisation' },
  members: { 'zh-CN': '党员管理', 'en-US': 'Members' },
  'civic-cases': { 'zh-CN': '民情办理', 'en-US': 'Civic cases' },
  engagement: { 'zh-CN': '党员先锋', 'en-US': 'Vanguard' },
  activities: { 'zh-CN': '志愿服务', 'en-US': 'Volunteer activities' },
  meetings: { 'zh-CN': '议事协商', 'en-US': 'Meetings' },
  standards: { 'zh-CN': '规范化建设', 'en-US': 'Branch standards' },
  funds: { 'zh-CN': '经费保障', 'en-US': 'Funds' },
};

/** The message of a refused template, naming each offending placeholder in both languages. */
export function templateProblems(check: TemplateCheck): { 'zh-CN': string; 'en-US': string } {
  const zh = [
    ...check.unavailable.map(
      (u) => `「{{${u.key}}}」所需的“${MODULE_NAMES[u.module as FigureModule]['zh-CN']}”模块尚未建设，暂不能使用`,
    ),
    ...check.unknown.map((k) => `「{{${k}}}」不是可用的数据项`),
  ];
  const en = [
    ...check.unavailable.map(
      (u) => `{{${u.key}}} needs the ${MODULE_NAMES[u.module as FigureModule]['en-US']} module, which is not built yet`,
    ),
    ...check.unknown.map((k) => `{{${k}}} is not a figure that can be quoted`),
  ];
  return { 'zh-CN': `${zh.join('；')}。`, 'en-US': `${en.join('; ')}.` };
}

/** 400 REPORT_TEMPLATE_INVALID naming the offending placeholders, with the check as details. */
export function assertTemplateValid(body: string): TemplateCheck {
  const check = checkTemplate(body);
  if (!check.ok) throw new AppError('REPORT_TEMPLATE_INVALID', { message: templateProblems(check), details: check });
  return check;
}
