import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";
import { ROLES, type Role } from "./permissions.ts";

// better-auth's organization plugin checks its own endpoints (invite, change role) with these
// statements; the business permissions live in permissions.ts.
const ac = createAccessControl(defaultStatements);

const orgAdministration = ac.newRole({
  organization: ["update"],
  member: ["create", "update", "delete"],
  invitation: ["create", "cancel"],
});
const ordinary = ac.newRole({});

export const organizationRoles = Object.fromEntries(
  ROLES.map((role) => [role, role === "org_admin" ? orgAdministration : ordinary]),
) as Record<Role, typeof ordinary>;

export { ac };
