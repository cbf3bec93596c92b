import type { CivicCaseEndType, CivicCaseStatus } from '@linli/contracts';
import type { ReactNode } from 'react';
import { StatusTag } from './StatusTag.tsx';

type Props = {
  title: string;
  number: string;
  status: CivicCaseStatus;
  endType: CivicCaseEndType | null;
  /** Facts as label → value, shown under the title in a two-column list. */
  facts: readonly (readonly [string, ReactNode])[];
  children?: ReactNode;
};

/** The top card of a case: title, number and status, then its facts. */
export function CaseHeader({ title, number, status, endType, facts, children }: Props) {
  return (
    <section className="card civic-header" data-testid="civic-case-header">
      <div className="title-row">
        <h2 className="civic-case-title">{title}</h2>
        <StatusTag status={status} endType={endType} testId="civic-case-status" />
      </div>
      <p className="mono muted" data-testid="civic-case-number">
        {number}
      </p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="civic-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}
