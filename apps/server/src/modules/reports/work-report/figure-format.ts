import { type FigureValue, figureDefinition } from '@linli/contracts';

/** What a figure without data reads as in the document: never a zero the county did not count. */
export const NO_DATA = '暂无数据';

const oneDecimal = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

/**
 * A figure as the work report writes it, the one formatter behind the preview and the docx (so what the editor
 * shows is what the document says). Counts are plain digits (1234): GB/T 15835 leaves group separators to
 * technical texts, party and government reports write whole numbers unbroken, and a half-width comma inside
 * Chinese prose reads like a list break. Rates are percentages with one decimal (93.5%), scores and hours one
 * decimal, amounts two; text as it is. Null (no denominator, no data) is 暂无数据.
 */
export function formatFigure(key: string, value: FigureValue | undefined): string {
  if (value === null || value === undefined) return NO_DATA;
  if (typeof value === 'string') return value;
  switch (figureDefinition(key)?.kind) {
    case 'rate':
      return `${oneDecimal(value * 100)}%`;
    case 'score':
    case 'hours':
      return oneDecimal(value);
    case 'amount':
      return (Math.round(value * 100) / 100).toFixed(2);
    case 'count':
      return String(Math.round(value));
    default:
      return String(value);
  }
}
