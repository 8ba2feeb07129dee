import type { Database } from "../../../db/client.ts";
import {
  findPolicyNoticeFacts,
  findSubmissionNoticeFacts,
  listAgencyMemberRoles,
  listInsuredUserIds,
  listMemberRoles,
} from "../../models/notification-audience.server.ts";
import { listCarrierUserIds } from "../../models/da-monitoring.server.ts";
import { parseRoles, type Role } from "../../auth/permissions.ts";
import { formatCalendarDate } from "../../utils/format.ts";
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
    case "agency_statement.received": {
      // Finance sees the remittance land; the agency's admins see their statement settled.
      const finance = await membersWithRole(db, event.orgId, "finance_analyst");
      const agencyAdmins =
        typeof d.agencyId === "string"
          ? (await listAgencyMemberRoles(db, event.orgId, d.agencyId))
              .filter((r) => parseRoles(r.role).includes("agency_admin"))
              .map((r) => r.userId)
          : [];
      const title = `Agency bill statement ${text(d.period)} received`;
      const body = `${cents(d.netCents)} remitted: ${cents(d.grossCents)} collected less ${cents(d.commissionCents)} commission kept.`;
      return [
        ...others(finance, d.actorUserId).map((userId) => ({
          userId,
          title,
          body,
          link: `/finance/statements?period=${text(d.period)}`,
        })),
        ...others(agencyAdmins, d.actorUserId).map((userId) => ({
          userId,
          title,
          body,
          link: "/producer/statements",
        })),
      ];
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
    case "policy.issued":
    case "policy.endorsed":
    case "policy.cancelled":
    case "policy.reinstated":
    case "policy.renewed":
    case "policy.non_renewed": {
      // The producer hears about every servicing change of a policy they placed.
      const facts = typeof d.policyId === "string" ? await findPolicyNoticeFacts(db, event.orgId, d.policyId) : null;
      if (!facts) return [];
      const what = SERVICING_VERBS[event.type];
      return others([facts.producerUserId], d.actorUserId).map((userId) => ({
        userId,
        title: `Policy ${what}: ${facts.policyNumber}`,
        body: `${facts.insuredName}'s policy ${facts.policyNumber} was ${what}.`,
        link: `/producer/policies/${text(d.policyId)}`,
      }));
    }
    case "policy.renewal_offered": {
      // The producer of record answers the offer; the job that prepared it is no one.
      const facts = typeof d.policyId === "string" ? await findPolicyNoticeFacts(db, event.orgId, d.policyId) : null;
      if (!facts) return [];
      return others([facts.producerUserId], null).map((userId) => ({
        userId,
        title: `Renewal offer ready: ${facts.policyNumber}`,
        body: `${facts.insuredName}'s policy ${facts.policyNumber} renews on ${formatCalendarDate(text(d.renewalDate))} at ${cents(d.renewalPremiumCents)} (expiring term ${cents(d.expiringPremiumCents)}). Accept or decline it before the term ends.`,
        link: `/producer/renewals/${text(d.offerId)}`,
      }));
    }
    case "da.utilization_alert": {
      const carrierUsers = await listCarrierUserIds(db, event.orgId, text(d.carrierId));
      const admins = await membersWithRole(db, event.orgId, "org_admin");
      const limit = d.limit === "quarterly" ? "quarterly" : "annual";
      return others([...admins, ...carrierUsers], null).map((userId) => ({
        userId,
        title: `${text(d.reference)} at ${String(d.threshold)}% of its ${limit} limit`,
        body: `${cents(d.usedCents)} written against a ${limit} limit of ${cents(d.limitCents)}.`,
        link: carrierUsers.includes(userId) ? "/carrier/authority" : "/compliance/authority",
      }));
    }
    case "bordereau.submitted":
      return others(await listCarrierUserIds(db, event.orgId, text(d.carrierId)), d.actorUserId).map((userId) => ({
        userId,
        title: `Bordereau to review: ${text(d.title)}`,
        body: `Version ${String(d.version)} with ${String(d.lineCount)} lines is waiting for your review.`,
        link: `/carrier/bordereaux/${text(d.bordereauId)}`,
      }));
    case "bordereau.queried":
    case "bordereau.accepted": {
      const people = [
        ...(await membersWithRole(db, event.orgId, "org_admin")),
        ...(await membersWithRole(db, event.orgId, "compliance_officer")),
      ];
      const queried = event.type === "bordereau.queried";
      return others(people, d.actorUserId).map((userId) => ({
        userId,
        title: `${queried ? "Carrier query on" : "Carrier accepted"} ${text(d.title)}`,
        body: queried
          ? `Line ${String(d.lineNumber)}: ${text(d.comment)}`
          : `Version ${String(d.version)} is accepted.`,
        link: `/compliance/bordereaux/${text(d.bordereauId)}`,
      }));
    }
    case "producer_licence.expiring":
      return others(
        [text(d.producerUserId), ...(await membersWithRole(db, event.orgId, "compliance_officer"))],
        null,
      ).map((userId) => ({
        userId,
        title: `Licence ${text(d.licenceNumber)} expires in ${String(d.days)} days`,
        body: `${text(d.holder)}'s ${text(d.state)} licence expires on ${text(d.expiresOn)}; binds in ${text(d.state)} stop then.`,
        link: "/compliance/licences",
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

const SERVICING_VERBS: Record<string, string> = {
  "policy.issued": "issued",
  "policy.endorsed": "endorsed",
  "policy.cancelled": "cancelled",
  "policy.reinstated": "reinstated",
  "policy.renewed": "renewed",
  "policy.non_renewed": "not renewed",
};
