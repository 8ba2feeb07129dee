// The domain events people and other systems can hear about. Shared by the server (fan-out)
// and by forms (preferences, webhook subscriptions), hence not a .server module.

export const DOMAIN_EVENT_TYPES = [
  "submission.referred",
  "referral.decided",
  "quote.issued",
  "policy.bound",
  "invoice.due",
  "deal_room.mention",
  "webhook.endpoint_disabled",
  "policy.issued",
  "policy.endorsed",
  "policy.cancelled",
  "policy.reinstated",
  "policy.renewed",
  "policy.non_renewed",
  "da.utilization_alert",
  "bordereau.submitted",
  "bordereau.queried",
  "bordereau.accepted",
  "producer_licence.expiring",
  "invoice.generated",
  "invoice.overdue",
  "payment.received",
  "payment.failed",
  "claim.filed",
  "claim.assigned",
  "claim.reserve_changed",
  "claim.payment_made",
  "claim.settled",
  "claim.closed",
  "agency_statement.received",
  "policy.renewal_offered",
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export const DOMAIN_EVENT_LABELS: Record<DomainEventType, string> = {
  "submission.referred": "A referral routed to you",
  "referral.decided": "A referral on your submission decided",
  "quote.issued": "A quote ready on your submission",
  "policy.bound": "A policy bound on your submission",
  "invoice.due": "An invoice falling due",
  "deal_room.mention": "A mention in a deal room",
  "webhook.endpoint_disabled": "A webhook endpoint disabled after failures",
  "policy.issued": "A policy issued",
  "policy.endorsed": "A policy endorsed",
  "policy.cancelled": "A policy cancelled",
  "policy.reinstated": "A policy reinstated",
  "policy.renewed": "A policy renewed",
  "policy.non_renewed": "A policy not renewed",
  "da.utilization_alert": "A delegated-authority agreement reaching 75%, 90% or 100% of its limit",
  "bordereau.submitted": "A bordereau submitted for review",
  "bordereau.queried": "A carrier query on a bordereau",
  "bordereau.accepted": "A bordereau accepted by the carrier",
  "producer_licence.expiring": "A producer licence expiring within 60 or 30 days",
  "invoice.generated": "An invoice issued",
  "invoice.overdue": "An invoice unpaid past its due date",
  "payment.received": "A premium payment received",
  "payment.failed": "A premium payment returned by the bank",
  "claim.filed": "A claim filed (yours, or for supervisors any)",
  "claim.assigned": "A claim assigned to you",
  "claim.reserve_changed": "A reserve change awaiting or given approval",
  "claim.payment_made": "A payment made on your claim",
  "claim.settled": "Your claim settled",
  "claim.closed": "Your claim closed",
  "agency_statement.received": "An agency-bill statement's remittance received",
  "policy.renewal_offered": "A renewal offer ready for a policy you placed",
};

/** Events about the organization's business; an endpoint-disabled notice is for admins only. */
export const WEBHOOK_EVENT_TYPES = DOMAIN_EVENT_TYPES.filter(
  (t) => t !== "webhook.endpoint_disabled" && t !== "deal_room.mention",
);

/** Email is on by default only where waiting for the next visit would cost something. */
export const EMAIL_BY_DEFAULT: ReadonlySet<DomainEventType> = new Set([
  "submission.referred",
  "invoice.due",
  "webhook.endpoint_disabled",
  "da.utilization_alert",
  "producer_licence.expiring",
  "invoice.generated",
  "invoice.overdue",
  "payment.failed",
  // An unanswered offer lapses when the term ends: the insured would be left without cover.
  "policy.renewal_offered",
]);

export function isDomainEventType(value: string): value is DomainEventType {
  return (DOMAIN_EVENT_TYPES as readonly string[]).includes(value);
}

/** The message carried by the domain-events queue: one outbox row. */
export type DomainEventMessage = {
  id: string;
  orgId: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
};
