import { AVAILABLE_FIGURE_KEYS, PLACEHOLDER_PATTERN } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATE_BODY } from './builtin-template.zh.ts';
import { formatFigure, NO_DATA } from './figure-format.ts';
import { checkTemplate, parseTemplate, renderBlocks, templateProblems } from './template-syntax.ts';

describe('work-report template syntax', () => {
  it('reads a title, sections, numbered parts and paragraphs, one block a non-empty line', () => {
    const blocks = parseTemplate('# 标题\n\n## 一、基本情况\r\n### （一）做法\n  正文{{members_total}}名。  \n');
    expect(blocks).toEqual([
      { kind: 'title', text: '标题' },
      { kind: 'heading', text: '一、基本情况' },
      { kind: 'subheading', text: '（一）做法' },
      { kind: 'paragraph', text: '正文{{members_total}}名。' },
    ]);
  });

  it('names unknown placeholders, malformed ones included, and those of modules not built yet', () => {
    const check = checkTemplate('{{members_total}}{{ foo }}{{Foo}}{{vanguard_teams}}{{members_total}}');
    expect(check).toEqual({
      placeholders: ['members_total', 'foo', 'Foo', 'vanguard_teams'],
      unknown: ['foo', 'Foo'],
      unavailable: [{ key: 'vanguard_teams', module: 'engagement' }],
      ok: false,
    });
    expect(templateProblems(check)['zh-CN']).toBe(
      '「{{vanguard_teams}}」所需的“党员先锋”模块尚未建设，暂不能使用；「{{foo}}」不是可用的数据项；「{{Foo}}」不是可用的数据项。',
    );
    expect(checkTemplate('{{members_total}} 名').ok).toBe(true);
  });

  it('builds the built-in template from available figures only, quoting every one the report needs', () => {
    const check = checkTemplate(BUILTIN_TEMPLATE_BODY);
    expect(check.ok).toBe(true);
    const quoted = [...BUILTIN_TEMPLATE_BODY.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]);
    expect(quoted.every((k) => AVAILABLE_FIGURE_KEYS.includes(k as never))).toBe(true);
    const kinds = parseTemplate(BUILTIN_TEMPLATE_BODY).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'title')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'heading')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'subheading')).toHaveLength(5);
  });

  it('formats counts plainly, rates as percentages, scores and hours with one decimal, and null as 暂无数据', () => {
    expect(formatFigure('members_total', 1234)).toBe('1234');
    expect(formatFigure('branch_coverage_rate', 0.935)).toBe('93.5%');
    expect(formatFigure('branch_coverage_rate', 2 / 3)).toBe('66.7%');
    expect(formatFigure('branch_coverage_rate', 0)).toBe('0.0%');
    expect(formatFigure('composite_score', 87)).toBe('87.0');
    expect(formatFigure('service_hours', 12.25)).toBe('12.3');
    expect(formatFigure('funds_raised', 1200.5)).toBe('1200.50');
    expect(formatFigure('grade', 'B')).toBe('B');
    expect(formatFigure('satisfaction_rate', null)).toBe(NO_DATA);
    expect(formatFigure('members_total', undefined)).toBe(NO_DATA);
  });

  it('fills every placeholder with its formatted value and leaves no brace behind', () => {
    const blocks = renderBlocks(parseTemplate('覆盖率{{branch_coverage_rate}}，满意率{{ satisfaction_rate }}'), {
      branch_coverage_rate: 0.6,
      satisfaction_rate: null,
    });
    expect(blocks).toEqual([{ kind: 'paragraph', text: '覆盖率60.0%，满意率暂无数据' }]);
  });
});
