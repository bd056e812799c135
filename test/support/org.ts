/**
 * A small organisation for API tests: a CEO, two divisions with managers, seniors (mentees) and
 * juniors (mentors), so that same-chain pairs exist and must be avoided.
 */
import type { OrgUser } from '../../functions/src/core/model';
import { anOrgUser } from './builders';
import { buildHierarchy, type Hierarchy } from '../../functions/src/core/hierarchy';

export const TENANT = '11111111-2222-3333-4444-555555555555';

export function testOrg(): OrgUser[] {
  const users: OrgUser[] = [
    anOrgUser({ id: 'ceo', displayName: 'Clara Chief', tenantId: TENANT, jobLevel: 10, department: 'Board' }),
  ];
  const divisions = [
    { key: 'sales', department: 'Sales', office: 'Berlin' },
    { key: 'it', department: 'IT', office: 'London' },
  ];
  for (const d of divisions) {
    users.push(
      anOrgUser({
        id: `${d.key}-head`,
        displayName: `Head of ${d.department}`,
        managerId: 'ceo',
        department: d.department,
        officeLocation: d.office,
        tenantId: TENANT,
        jobLevel: 8,
        mail: `${d.key}-head@contoso.example`,
      }),
    );
    for (let i = 1; i <= 4; i++) {
      users.push(
        anOrgUser({
          id: `${d.key}-senior-${i}`,
          displayName: `Senior ${d.department} ${i}`,
          managerId: `${d.key}-head`,
          department: d.department,
          officeLocation: d.office,
          tenantId: TENANT,
          jobLevel: 6,
          mail: `${d.key}-senior-${i}@contoso.example`,
        }),
      );
      users.push(
        anOrgUser({
          id: `${d.key}-junior-${i}`,
          displayName: `Junior ${d.department} ${i}`,
          managerId: `${d.key}-senior-${i}`,
          department: d.department,
          officeLocation: d.office,
          tenantId: TENANT,
          jobLevel: 2,
          mail: `${d.key}-junior-${i}@contoso.example`,
        }),
      );
    }
  }
  users.push(anOrgUser({ id: 'guest-1', displayName: 'Guest Person', userType: 'Guest', tenantId: TENANT }));
  users.push(anOrgUser({ id: 'disabled-1', displayName: 'Disabled Person', accountEnabled: false, tenantId: TENANT }));
  users.push(
    anOrgUser({
      id: 'hr-1',
      displayName: 'Hanna Reporter',
      department: 'Human Resources',
      managerId: 'ceo',
      tenantId: TENANT,
    }),
  );
  users.push(
    anOrgUser({
      id: 'manager-1',
      displayName: 'Max Manager',
      department: 'Human Resources',
      managerId: 'ceo',
      tenantId: TENANT,
    }),
  );
  return users;
}

/** The management chains of the test organisation (who is above whom). */
export function testOrgHierarchy(): Hierarchy {
  return buildHierarchy(
    new Map(
      testOrg()
        .filter((u) => u.managerId)
        .map((u) => [u.id, u.managerId as string]),
    ),
  );
}
