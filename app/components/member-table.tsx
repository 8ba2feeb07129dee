import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "../auth/permissions.ts";
import { AGENCY_ROLES } from "../services/configuration/forms.ts";
import type { TableSpec } from "../utils/table-state.ts";
import { type FieldErrors, FormErrors, FormFields, SelectInput, TextField } from "./config-fields.tsx";
import { PagedTable, type TableColumn, type TablePage } from "./data-table.tsx";
import { LocalTime } from "./local-time.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { Badge } from "./ui.tsx";

// An organization's or an agency's members and the invitations not yet taken up: the same
// table, pending line and agency invite form on /admin, an agency's page and the agency team page.

export type MemberRow = {
  memberId: string;
  name: string;
  email: string;
  roles: Role[];
  twoFactorEnabled: boolean | null;
  joinedAt: Date | string;
  suspendedAt: Date | string | null;
};

export function MemberTable<Row extends MemberRow>({
  spec,
  page,
  caption,
  empty,
  exportPath,
  roles,
  name,
  action,
}: {
  /** memberTable from app/models/table-specs.ts. */
  spec: TableSpec;
  page: TablePage<Row>;
  caption: string;
  empty: string;
  exportPath: string;
  /** The roles the role filter offers. */
  roles: readonly Role[];
  /** The name cell: a link to the member's page, or plain text. */
  name: (row: Row) => ReactNode;
  /** A last column of controls (remove from the agency). */
  action?: TableColumn<Row>;
}) {
  const columns: TableColumn<Row>[] = [
    { id: "name", header: "Name", cell: name },
    { id: "email", header: "Email", cell: (m) => m.email },
    {
      id: "roles",
      header: "Roles",
      cell: (m) => (
        <span className="flex flex-wrap gap-1">
          {m.roles.map((r) => (
            <Badge key={r}>{ROLE_LABELS[r]}</Badge>
          ))}
        </span>
      ),
    },
    {
      id: "twoFactor",
      header: "Two-factor",
      cell: (m) => (m.twoFactorEnabled ? <Badge tone="good">on</Badge> : <Badge>off</Badge>),
    },
    {
      id: "access",
      header: "Access",
      cell: (m) => (m.suspendedAt ? <Badge tone="bad">suspended</Badge> : <Badge tone="good">active</Badge>),
    },
    { id: "joined", header: "Joined", cell: (m) => <LocalTime value={m.joinedAt} /> },
  ];
  return (
    <PagedTable
      spec={spec}
      page={page}
      caption={caption}
      empty={empty}
      search="Search members"
      filters={[
        { name: "role", label: "Acts as", options: roles.map((r) => ({ value: r, label: ROLE_LABELS[r] })) },
        {
          name: "access",
          label: "Access",
          options: [
            { value: "active", label: "active" },
            { value: "suspended", label: "suspended" },
          ],
        },
        {
          name: "twoFactor",
          label: "Two-factor",
          options: [
            { value: "on", label: "on" },
            { value: "off", label: "off" },
          ],
        },
      ]}
      exportPath={exportPath}
      rowKey={(m) => m.memberId}
      columns={action ? [...columns, action] : columns}
    />
  );
}

export function PendingInvitations({ invitations }: { invitations: { email: string }[] }) {
  return invitations.length ? (
    <p className="mt-3 text-sm text-text-muted">
      Invited, not yet joined: {invitations.map((i) => i.email).join(", ")}
    </p>
  ) : null;
}

/** Brings someone into one agency as a producer or an agency admin (AgencyInviteSchema). */
export function AgencyInviteFields({
  errors,
  invited,
  submitLabel,
}: {
  errors: FieldErrors;
  invited?: string | null;
  submitLabel: string;
}) {
  return (
    <FormFields errors={errors}>
      <TextField label="Email" name="email" type="email" />
      <SelectInput
        label="Role"
        name="role"
        defaultValue="producer"
        options={AGENCY_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
      />
      <SubmitButton intent="invite" pendingLabel="Inviting…">
        {submitLabel}
      </SubmitButton>
      <FormErrors />
      {invited ? (
        <p role="status" className="text-success sm:col-span-3">
          Invitation sent to {invited}.
        </p>
      ) : null}
    </FormFields>
  );
}
