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
  "claim.filed",
  "claim.assigned",
  "claim.reserve_changed",
  "claim.payment_made",
  "claim.settled",
  "claim.closed",
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
  "claim.filed": "A claim filed (yours, or for supervisors any)",
  "claim.assigned": "A claim assigned to you",
  "claim.reserve_changed": "A reserve change awaiting or given approval",
  "claim.payment_made": "A payment made on your claim",
  "claim.settled": "Your claim settled",
  "claim.closed": "Your claim closed",
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
