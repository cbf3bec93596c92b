import type { ReactNode } from 'react';
import { ForbiddenResult } from '../../app/guards.tsx';
import { canOpenNavItem, navItem } from '../../app/nav.tsx';
import { useSession } from '../../app/session.tsx';

/**
 * The case centre opens to readers and to handlers (a property company's staff work their inbox here), the same
 * rule as its menu entry.
 */
export const CivicCaseAccess = ({ children }: { children: ReactNode }) => {
  const { can } = useSession();
  return canOpenNavItem(navItem('civicCases'), can) ? children : <ForbiddenResult />;
};
