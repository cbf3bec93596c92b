import type { HTMLAttributes } from 'react';

/** `onRow` for a list whose rows carry `data-testid` (antd already puts the row's id in `data-row-key`). */
export const rowTestId = (testId: string) => (): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': testId }) as HTMLAttributes<HTMLElement>;
