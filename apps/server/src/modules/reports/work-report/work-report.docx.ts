import type { ReportBlock } from '@linli/contracts';
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';

/*
 * The look of a Chinese party and government document (GB/T 9704): A4, title in 方正小标宋 二号 centred, first-level
 * headings in 黑体 and numbered parts in 楷体 三号, body in 仿宋 三号 (16 pt) with a two-character first-line
 * indent and a fixed 28 pt line. Font names are the ones Chinese Windows and WPS install; Word and LibreOffice
 * fall back to a Song/Fang Song face where they are missing. Latin text and digits use Times New Roman.
 */
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN });
const TITLE_FONT = font('方正小标宋简体');
const HEADING_FONT = font('黑体');
const PART_FONT = font('楷体_GB2312');
const BODY_FONT = font('仿宋_GB2312');
const PAGE_NUMBER_FONT = font('宋体');

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_PAGE_NUMBER = 28;
/** Twips: two characters of 16 pt, a fixed 28 pt line. */
const INDENT_TWO_CHARS = 640;
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

/** A4 in twips with the GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1247 },
};

const run = (text: string, f: ReturnType<typeof font>, size: number, bold = false) =>
  new TextRun({ text, font: f, size, bold, language: { eastAsia: 'zh-CN' } });

function blockParagraph(block: ReportBlock): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
        children: [run(block.text, TITLE_FONT, SIZE_TITLE, true)],
      });
    case 'heading':
      return new Paragraph({
        indent: { firstLine: INDENT_TWO_CHARS },
        spacing: LINE,
        keepNext: true,
        children: [run(block.text, HEADING_FONT, SIZE_BODY)],
      });
    case 'subheading':
      return new Paragraph({
        indent: { firstLine: INDENT_TWO_CHARS },
        spacing: LINE,
        keepNext: true,
        children: [run(block.text, PART_FONT, SIZE_BODY, true)],
      });
    default:
      return new Paragraph({
        alignment: AlignmentType.BOTH,
        indent: { firstLine: INDENT_TWO_CHARS },
        spacing: LINE,
        children: [run(block.text, BODY_FONT, SIZE_BODY)],
      });
  }
}

/** `— 3 —` centred at the foot of every page. */
const pageNumberFooter = () => {
  const children: ParagraphChild[] = [
    new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: PAGE_NUMBER_FONT, size: SIZE_PAGE_NUMBER }),
  ];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
};

/** `2026-11-27` → `2026年11月27日`. */
export const chineseDate = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export interface WorkReportDocument {
  /** Rendered blocks: every placeholder already replaced by its formatted value. */
  blocks: ReportBlock[];
  /** The document's title property (the title block's text, or the file's name without one). */
  title: string;
  /** Who generated it: a user's name, or 系统 for the monthly job. */
  creator: string;
  /** The Asia/Shanghai day it was generated, `YYYY-MM-DD`: the date line at the end. */
  generatedOn: string;
}

/**
 * The work report as a Word document: the template's blocks in official-document style, a blank line and the
 * date line (the generation date in Chinese, right-aligned four characters in from the margin), page numbers in
 * the footer, and the title and author in the document properties.
 */
export async function buildWorkReportDocx(input: WorkReportDocument): Promise<Buffer> {
  const doc = new Document({
    title: input.title,
    creator: input.creator,
    lastModifiedBy: input.creator,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE_BODY } } } },
    sections: [
      {
        properties: { page: PAGE },
        footers: { default: pageNumberFooter() },
        children: [
          ...input.blocks.map(blockParagraph),
          new Paragraph({ spacing: LINE, children: [] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: INDENT_TWO_CHARS * 2 },
            spacing: LINE,
            children: [run(chineseDate(input.generatedOn), BODY_FONT, SIZE_BODY)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
