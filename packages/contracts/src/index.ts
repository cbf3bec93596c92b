export * from './accounts.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './errors.ts';
export * from './organisation.ts';
export * from './roles.ts';
