import type { Database } from "../../../db/client.ts";
import { findSubmissionNoticeFacts, listMemberRoles } from "../../models/notification-audience.server.ts";
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
    case "claim.filed": {
      // The reporter's acknowledgement, and every supervisor hears of a new loss.
      const supervisors = await membersWithRole(db, event.orgId, "claims_supervisor");
      const ack = d.reportedByUserId
        ? [
            {
              userId: text(d.reportedByUserId),
              title: `Claim received: ${text(d.claimNumber)}`,
              body: `Your report of ${text(d.lossType)} on ${text(d.dateOfLoss)} is filed as ${text(d.claimNumber)}; an adjuster will contact you.`,
              link: null,
            },
          ]
        : [];
      return [
        ...ack,
        ...others(supervisors, d.reportedByUserId).map((userId) => ({
          userId,
          title: `New claim ${text(d.claimNumber)}${d.noCoverageOnDateOfLoss ? " (no coverage on date of loss)" : ""}`,
          body: `${text(d.lossType)} on policy ${text(d.policyNumber)}, lost ${text(d.dateOfLoss)}.`,
          link: `/claims/${text(d.claimId)}`,
        })),
      ];
    }
    case "claim.assigned":
      return others([text(d.adjusterUserId)], d.assignedByUserId).map((userId) => ({
        userId,
        title: `Claim assigned to you: ${text(d.claimNumber)}`,
        body: "A claim is waiting for your first contact.",
        link: `/claims/${text(d.claimId)}`,
      }));
    case "claim.reserve_changed": {
      // Awaiting approval: the supervisors decide; decided: the requester hears the answer.
      if (d.status === "awaiting_approval") {
        const supervisors = await membersWithRole(db, event.orgId, "claims_supervisor");
        return others(supervisors, d.requestedByUserId).map((userId) => ({
          userId,
          title: `Reserve approval needed: ${text(d.claimNumber)}`,
          body: `${text(d.reserveType)} reserve ${cents(d.previousCents)} → ${cents(d.newCents)} is above the adjuster's authority.`,
          link: "/claims/approvals",
        }));
      }
      // A supervisor's decision on a change that waited: the adjuster who asked hears it.
      if (d.decidedByUserId && d.decidedByUserId !== d.requestedByUserId)
        return others([text(d.requestedByUserId)], d.decidedByUserId).map((userId) => ({
          userId,
          title: `Reserve change ${d.status === "posted" ? "approved" : "declined"}: ${text(d.claimNumber)}`,
          body: `${text(d.reserveType)} reserve ${cents(d.previousCents)} → ${cents(d.newCents)}.`,
          link: `/claims/${text(d.claimId)}`,
        }));
      return [];
    }
    case "claim.payment_made":
    case "claim.settled":
    case "claim.closed":
      return others([text(d.adjusterUserId)], d.paidByUserId ?? d.actorUserId).map((userId) => ({
        userId,
        title: `${event.type === "claim.payment_made" ? "Payment made" : event.type === "claim.settled" ? "Claim settled" : "Claim closed"}: ${text(d.claimNumber)}`,
        body: event.type === "claim.payment_made" ? `${text(d.category)} payment of ${cents(d.amountCents)}.` : "",
        link: `/claims/${text(d.claimId)}`,
      }));
    default:
      return [];
  }
}
