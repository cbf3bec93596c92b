import type { CivicCaseDetail } from '@linli/contracts';
import { useSession } from '../../app/session.tsx';
import { MediationPanel } from '../civic-mediation/MediationPanel.tsx';

/**
 * Where the dispute-mediation panel (纠纷调解: parties, mediator, sessions, agreement) goes on the case detail page;
 * the detail page calls this slot for mediation cases only. Writes need `mediation.manage` (the server checks its
 * scope) while the case is still open.
 */
export const MediationSlot = ({ detail }: { detail: CivicCaseDetail }) => {
  const { can } = useSession();
  const closed = detail.status === 'closed' || detail.status === 'voided';
  return <MediationPanel caseId={detail.id} abilities={{ manage: can('mediation.manage') && !closed, closed }} />;
};
