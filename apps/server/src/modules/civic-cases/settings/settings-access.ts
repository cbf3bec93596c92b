import { holdsAtRoot } from '../../../platform/access/account-scope.ts';
import { assignmentsWith, authorize, can, requireActor } from '../../../platform/access/authorize.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';

const forbidden = (permission: string) => new AppError('FORBIDDEN', { details: { permission } });

/**
 * County-wide settings (categories, time limits, metric settings, API keys) govern every case in the county, so
 * only a configurer whose scope is the county root may change them.
 */
export function authorizeCountyConfigure(ctx: Ctx): Actor {
  const actor = authorize(ctx, 'civic_case.configure');
  if (!holdsAtRoot(actor, 'civic_case.configure')) throw forbidden('civic_case.configure');
  return actor;
}

/** Reading the loop's settings is for staff who work cases (`civic_case.read`) or configure them. */
export function authorizeSettingsRead(ctx: Ctx, target?: { path: string }): Actor {
  const actor = requireActor(ctx);
  if (!can(actor, 'civic_case.read', target) && !can(actor, 'civic_case.configure', target)) {
    throw forbidden('civic_case.read');
  }
  return actor;
}

/** The scopes in which the actor reads settings: those of `civic_case.read` and `civic_case.configure`. */
export const settingsReadScopes = (actor: Actor): string[] => [
  ...assignmentsWith(actor, 'civic_case.read').map((a) => a.scopePath),
  ...assignmentsWith(actor, 'civic_case.configure').map((a) => a.scopePath),
];
