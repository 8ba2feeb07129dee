import type { Database } from "../../../db/client.ts";
import {
  findSubmissionNoticeFacts,
  listInsuredUserIds,
  listMemberRoles,
} from "../../models/notification-audience.server.ts";
import { parseRoles, type Role } from "../../auth/permissions.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import type { DomainEventMessage } from "./domain-event-types.ts";
import { reasonSummary } from "../underwriting/referral-reasons.ts";

/** What one person is told about one event. */
export type NotificationDraft = { userId: string; title: string; body: string; link: string | null };

type SubmissionFacts = { reference: string; insuredName: string; producerUserId: string };

async function submissionFacts(db: Database, orgId: string, submissionId: unknown): Promise<SubmissionFacts | null> {
  if (typeof submissionId !== "string") return null;
  return findSubmissionNoticeFacts(db, orgId, submissionId);
}

async function membersWithRole(db: Database, orgId: string, role: Role): Promise<string[]> {
  const rows = await listMemberRoles(db, orgId);
  return rows.filter((r) => parseRoles(r.role).includes(role)).map((r) => r.userId);
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const cents = (value: unknown) => (typeof value === "number" ? formatMoney(toCents(value)) : "");

/**
 * Who hears about an event and what they read. The person who caused an event is not told
 * about it; everyone else concerned is.
 */
export async function audienceOf(db: Database, event: DomainEventMessage): Promise<NotificationDraft[]> {
  const d = event.data;
  const others = (userIds: (string | null | undefined)[], actor: unknown) => [
    ...new Set(userIds.filter((u): u is string => !!u && u !== actor)),
  ];
  switch (event.type) {
    case "submission.referred": {
      const facts = await submissionFacts(db, event.orgId, d.submissionId);
      if (!facts) return [];
      // No underwriter's authority covers the risk: the senior underwriters decide it.
      const assignees = d.assignedToUserId
        ? [text(d.assignedToUserId)]
        : await membersWithRole(db, event.orgId, "senior_underwriter");
      return others(assignees, null).map((userId) => ({
        userId,
        title: `Referral routed to you: ${facts.reference}`,
        body: `${facts.insuredName} needs an underwriter's decision (${reasonSummary(Array.isArray(d.reasons) ? d.reasons : [])}).`,
        link: `/uw/submissions/${text(d.submissionId)}`,
      }));
    }
    case "referral.decided": {
      const facts = await submissionFacts(db, event.orgId, d.submissionId);
      if (!facts) return [];
      return others([facts.producerUserId], d.decidedByUserId).map((userId) => ({
        userId,
        title: `Referral ${text(d.decision)}: ${facts.reference}`,
        body: `The underwriter ${text(d.decision)} the referral on ${facts.insuredName}.`,
        link: `/producer/submissions/${text(d.submissionId)}`,
      }));
    }
    case "quote.issued": {
      const facts = await submissionFacts(db, event.orgId, d.submissionId);
      if (!facts) return [];
      return others([facts.producerUserId], d.quotedByUserId).map((userId) => ({
        userId,
        title: `Quote ready: ${facts.reference}`,
        body: `${facts.insuredName} is quoted at ${cents(d.grossPremiumCents)} gross premium.`,
        link: `/producer/submissions/${text(d.submissionId)}`,
      }));
    }
    case "policy.bound": {
      const facts = await submissionFacts(db, event.orgId, d.submissionId);
      if (!facts) return [];
      return others([facts.producerUserId], d.boundBy).map((userId) => ({
        userId,
        title: `Policy bound: ${text(d.policyNumber)}`,
        body: `${facts.insuredName} is bound at ${cents(d.grossPremiumCents)} gross premium.`,
        link: `/producer/policies/${text(d.policyId)}`,
      }));
    }
    case "invoice.due":
      return (await membersWithRole(db, event.orgId, "finance_analyst")).map((userId) => ({
        userId,
        title: `Invoice due ${text(d.dueDate)}: ${text(d.invoiceNumber)}`,
        body: `${cents(d.amountCents)} falls due on ${text(d.dueDate)}.`,
        link: `/finance/invoices/${text(d.invoiceId)}`,
      }));
    case "invoice.generated":
    case "invoice.overdue": {
      // The insured reads and pays the invoice in the portal; finance follows what is overdue.
      const overdue = event.type === "invoice.overdue";
      const holders = typeof d.insuredId === "string" ? await listInsuredUserIds(db, event.orgId, d.insuredId) : [];
      const finance = overdue ? await membersWithRole(db, event.orgId, "finance_analyst") : [];
      const title = overdue
        ? `Invoice overdue: ${text(d.invoiceNumber)}`
        : `New invoice ${text(d.invoiceNumber)} for ${text(d.policyNumber)}`;
      const body = overdue
        ? `${cents(d.amountCents)} was due on ${text(d.dueDate)} and is unpaid: pay it to keep the policy in force.`
        : `${cents(d.amountCents)} is due on ${text(d.dueDate)}.`;
      return [
        ...others(holders, null).map((userId) => ({
          userId,
          title,
          body,
          link: `/portal/invoices/${text(d.invoiceId)}`,
        })),
        ...others(finance, null).map((userId) => ({
          userId,
          title,
          body,
          link: `/finance/invoices/${text(d.invoiceId)}`,
        })),
      ];
    }
    case "payment.failed": {
      const holders = typeof d.insuredId === "string" ? await listInsuredUserIds(db, event.orgId, d.insuredId) : [];
      return others(holders, null).map((userId) => ({
        userId,
        title: `Payment returned: ${text(d.invoiceNumber)}`,
        body: `Your payment of ${cents(d.amountCents)} was returned by the bank (${text(d.reason)}); the invoice is open again.`,
        link: `/portal/invoices/${text(d.invoiceId)}`,
      }));
    }
    case "deal_room.mention": {
      // The submission's producer reaches the room from the producer area, everyone else from /uw.
      const facts = await submissionFacts(db, event.orgId, d.submissionId);
      return others([text(d.mentionedUserId)], d.authorUserId).map((userId) => ({
        userId,
        title: "You were mentioned in a deal room",
        body: "Someone needs your view on a submission they are negotiating.",
        link: `${facts?.producerUserId === userId ? "/producer" : "/uw"}/deal-rooms/${text(d.dealRoomId)}`,
      }));
    }
    case "webhook.endpoint_disabled":
      return (await membersWithRole(db, event.orgId, "org_admin")).map((userId) => ({
        userId,
        title: "Webhook endpoint disabled",
        body: `${text(d.url)} failed ${String(d.consecutiveFailures)} times in a row and receives nothing until it is enabled again.`,
        link: `/admin/webhooks/${text(d.endpointId)}`,
      }));
    default:
      return [];
  }
}
