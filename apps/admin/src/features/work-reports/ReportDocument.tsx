import type { ReportBlock } from '@linli/contracts';

/** How each kind of block is set: the title centred, the headings bold, paragraphs indented (see work-reports.css). */
const ELEMENT = {
  title: { tag: 'h1', className: 'report-title' },
  heading: { tag: 'h2', className: 'report-heading' },
  subheading: { tag: 'h3', className: 'report-subheading' },
  paragraph: { tag: 'p', className: 'report-paragraph' },
} as const satisfies Record<ReportBlock['kind'], { tag: 'h1' | 'h2' | 'h3' | 'p'; className: string }>;

/** The blocks of a filled-in template laid out as the Word document. */
export const ReportDocument = ({ blocks }: { blocks: readonly ReportBlock[] }) => (
  <article className="report-document">
    {blocks.map((block, i) => {
      const { tag: Tag, className } = ELEMENT[block.kind];
      return (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no id; the same text may well appear twice
        <Tag key={i} className={className}>
          {block.text}
        </Tag>
      );
    })}
  </article>
);
