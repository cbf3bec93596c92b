import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/** What the 调解协议书 says; phones arrive masked, and only names, roles and phones are shown of a party. */
export interface AgreementData {
  caseNumber: string;
  caseTitle: string;
  parties: { name: string; role: 'applicant' | 'respondent' | 'other'; phone: string | null }[];
  mediatorName: string | null;
  sessions: { heldOn: string; place: string | null; attendees: string | null }[];
  agreementText: string;
  /** The Asia/Shanghai date the agreement is made, `YYYY-MM-DD`. */
  madeOn: string;
}

const ROLE_LABEL = { applicant: '申请人', respondent: '被申请人', other: '其他当事人' } as const;

const FONT = 'SimSun';
const run = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, bold: options.bold ?? false, size: options.size ?? 24 });
const line = (value: string, options: { bold?: boolean; size?: number; center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    children: [run(value, options)],
    spacing: { after: 160, line: 360 },
    ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
    ...(options.indent ? { indent: { firstLine: 480 } } : {}),
  });
const heading = (value: string) => line(value, { bold: true, size: 26 });

/** `2026-11-27` → `2026年11月27日`. */
const chineseDate = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const sessionLine = (s: AgreementData['sessions'][number], i: number): string =>
  `第${i + 1}次：${chineseDate(s.heldOn)}${s.place ? `，地点：${s.place}` : ''}${s.attendees ? `，参加人员：${s.attendees}` : ''}`;

/** One line per party, then the mediator's: space to sign and date by hand. */
const signatureLines = (data: AgreementData): Paragraph[] => [
  ...data.parties.map((p) =>
    line(`${ROLE_LABEL[p.role]}（签名）：${p.name}　＿＿＿＿＿＿＿＿　　日期：＿＿年＿＿月＿＿日`),
  ),
  line(`调解员（签名）：${data.mediatorName ?? ''}　＿＿＿＿＿＿＿＿　　日期：＿＿年＿＿月＿＿日`),
];

/**
 * The 调解协议书 of a dispute case as a Word document: title, case number, the parties (names, roles, masked
 * phones — no other personal data), the mediator, the sessions held, the agreed terms paragraph by paragraph,
 * the usual closing clauses, a signature line for every party and the mediator, and the date it was made.
 */
export async function buildAgreementDocx(data: AgreementData): Promise<Buffer> {
  const terms = data.agreementText
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const doc = new Document({
    creator: 'Linli 邻里',
    title: '调解协议书',
    sections: [
      {
        children: [
          line('调解协议书', { bold: true, size: 40, center: true }),
          line(`编号：${data.caseNumber}`, { center: true }),
          heading('一、当事人'),
          ...data.parties.map((p) =>
            line(`${ROLE_LABEL[p.role]}：${p.name}${p.phone ? `，联系电话：${p.phone}` : ''}`),
          ),
          line(`调解员：${data.mediatorName ?? '—'}`),
          heading('二、纠纷事项'),
          line(data.caseTitle, { indent: true }),
          heading('三、调解经过'),
          ...(data.sessions.length > 0
            ? data.sessions.map((s, i) => line(sessionLine(s, i)))
            : [line('经调解员主持调解。', { indent: true })]),
          heading('四、协议内容'),
          line('经调解，各方当事人自愿达成如下协议：', { indent: true }),
          ...terms.map((t) => line(t, { indent: true })),
          heading('五、履行与效力'),
          line('各方当事人应当按照本协议约定自觉履行义务。本协议自各方当事人签名、调解员签名之日起生效。', {
            indent: true,
          }),
          line(`本协议一式${data.parties.length + 1}份，各方当事人及调解组织各执一份。`, { indent: true }),
          line(''),
          ...signatureLines(data),
          line(''),
          line(`订立日期：${chineseDate(data.madeOn)}`),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
