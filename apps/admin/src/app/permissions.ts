import { type Me, PERMISSIONS_BY_ROLE, type Permission } from '@linli/contracts';

/** Every permission any of the user's role assignments grants (the server still applies each one's scope). */
export const permissionsOf = (me: Me): ReadonlySet<Permission> =>
  new Set<Permission>(me.roles.flatMap((assignment) => PERMISSIONS_BY_ROLE[assignment.role]));
