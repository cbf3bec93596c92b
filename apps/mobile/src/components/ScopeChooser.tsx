import { List } from 'antd-mobile';
import { Navigate, useNavigate } from 'react-router';
import type { Scope } from '../features/session/scopes.ts';
import { EmptyState } from './StateBlocks.tsx';

type Props = {
  scopes: Scope[];
  /** Path of one scope's page, e.g. `/compound/<id>`. */
  pathOf: (id: string) => string;
  header: string;
  emptyTitle: string;
  testId: string;
};

/** With one scope, go straight to it; with several, let the user pick; with none, say so. */
export function ScopeChooser({ scopes, pathOf, header, emptyTitle, testId }: Props) {
  const navigate = useNavigate();
  const [only] = scopes;
  if (scopes.length === 1 && only) return <Navigate to={pathOf(only.id)} replace />;
  if (scopes.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <List header={header} className="card-list" data-testid={testId}>
      {scopes.map((scope) => (
        <List.Item key={scope.id} arrowIcon onClick={() => navigate(pathOf(scope.id))}>
          {scope.name}
        </List.Item>
      ))}
    </List>
  );
}
