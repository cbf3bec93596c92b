import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle.ts';

type Props = {
  title: string;
  /** Where the back arrow goes; omitted on top-level pages. */
  backTo?: string;
  right?: ReactNode;
  testId?: string;
  children: ReactNode;
};

/** Every screen: a navigation bar and a padded, width-limited body that never scrolls sideways. */
export function PageShell({ title, backTo, right, testId, children }: Props) {
  const navigate = useNavigate();
  useDocumentTitle(title);
  return (
    <div className="page" data-testid={testId}>
      <NavBar
        className="page-nav"
        backIcon={backTo !== undefined}
        onBack={backTo === undefined ? undefined : () => navigate(backTo)}
        right={right}
      >
        <h1 className="page-title">{title}</h1>
      </NavBar>
      <main className="page-body">{children}</main>
    </div>
  );
}
