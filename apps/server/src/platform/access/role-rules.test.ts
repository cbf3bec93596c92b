import { ADMIN_ROLES, ROLES, type Role, SCOPE_KIND_BY_ROLE, SCOPE_KINDS } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { adminRoleConflict, scopeKindFits } from './role-rules.ts';

describe('role rules', () => {
  it('finds a conflict for every pair of different administrator roles (三权分立)', () => {
    for (const held of ADMIN_ROLES) {
      for (const adding of ADMIN_ROLES) {
        expect(adminRoleConflict([held], adding)).toBe(held === adding ? undefined : held);
      }
    }
  });

  it('keeps administrator accounts apart from business roles, both ways (no super-admin)', () => {
    expect(adminRoleConflict(['county_admin', 'member'], 'sys_admin')).toBe('county_admin');
    expect(adminRoleConflict(['auditor'], 'county_admin')).toBe('auditor');
    expect(adminRoleConflict([], 'security_admin')).toBeUndefined();
  });

  it('lets business roles combine freely, as one person may be a branch secretary and a resident', () => {
    expect(adminRoleConflict(['branch_secretary', 'member'], 'resident')).toBeUndefined();
    expect(adminRoleConflict(['grid_worker'], 'grid_worker')).toBeUndefined();
  });

  it('accepts exactly the scope kind each role is assigned on', () => {
    for (const role of ROLES as readonly Role[]) {
      for (const kind of SCOPE_KINDS) {
        expect(scopeKindFits(role, kind)).toBe(SCOPE_KIND_BY_ROLE[role] === kind);
      }
    }
    expect(scopeKindFits('grid_worker', 'org')).toBe(false);
  });
});
