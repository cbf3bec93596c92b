/** React Query keys of the 民情 pages; `all` invalidates every one of them after a report or an action. */
export const CIVIC_KEYS = {
  all: ['civic'],
  categories: ['civic', 'categories'],
  mine: ['civic', 'mine'],
  myCase: (id: string) => ['civic', 'mine', id],
  inbox: ['civic', 'inbox'],
  detail: (id: string) => ['civic', 'case', id],
  notifications: ['civic', 'notifications'],
  unread: ['civic', 'notifications', 'unread'],
} as const;
