import { type RouteConfig, index, layout, prefix, route } from "@react-router/dev/routes";

// One layout module for every area, registered once per area by id; it reads its area from the
// matched route and checks the role as middleware (routes/area-layout.tsx).
const AREA_LAYOUT = "routes/area-layout.tsx";

export default [
  index("routes/index.tsx"),
  route("sign-in", "routes/_auth/sign-in.tsx"),
  route("sign-in/two-factor", "routes/_auth/two-factor.tsx"),
  route("sign-out", "routes/_auth/sign-out.tsx"),
  route("forgot-password", "routes/_auth/forgot-password.tsx"),
  route("reset-password/:token", "routes/_auth/reset-password.tsx"),
  route("account/two-factor", "routes/_auth/two-factor-setup.tsx"),
  route("invitations/:invitationId", "routes/_auth/invitation.tsx"),
  ...prefix("v1", [
    route("openapi.json", "routes/api/v1/openapi.ts"),
    route("submissions", "routes/api/v1/submissions.ts"),
    route("submissions/:submissionId", "routes/api/v1/submission.ts"),
    route("submissions/:submissionId/quote", "routes/api/v1/submission-quote.ts"),
    route("submissions/:submissionId/bind", "routes/api/v1/submission-bind.ts"),
    route("policies/:policyId", "routes/api/v1/policy.ts"),
    route("policies/:policyId/declarations.pdf", "routes/api/v1/policy-declarations.ts"),
    route("claims", "routes/api/v1/claims.ts"),
    route("claims/:claimId", "routes/api/v1/claim.ts"),
  ]),
  // The dev mailbox exists only in development builds (npm start and the e2e stack build with
  // APP_ENV=development); `npm run build` for production leaves it out.
  ...(process.env.APP_ENV === "development" ? [route("dev/outbox", "routes/dev/outbox.tsx")] : []),
  route("notifications/room-token", "routes/notifications/room-token.ts"),
  ...prefix("notifications", [
    layout(AREA_LAYOUT, { id: "notifications-layout" }, [index("routes/notifications/index.tsx")]),
  ]),
  // Outside /admin: the impersonated user's session, not the operator's, stops impersonation.
  route("impersonation", "routes/impersonation.tsx"),
  route("policies/:policyId/declarations.pdf", "routes/policy-declarations.ts"),
  route("documents/:documentId", "routes/document-download.ts"),
  route("submissions/:submissionId/documents", "routes/submission-documents.ts"),
  route("deal-rooms/:dealRoomId/token", "routes/deal-room-token.ts"),

  ...prefix("uw", [
    layout(AREA_LAYOUT, { id: "uw-layout" }, [
      index("routes/uw/index.tsx"),
      route("submissions/:submissionId", "routes/uw/submission.tsx"),
      route("deal-rooms", "routes/uw/deal-rooms.tsx"),
      route("deal-rooms/:dealRoomId", "routes/uw/deal-room.tsx"),
    ]),
  ]),
  ...prefix("producer", [
    layout(AREA_LAYOUT, { id: "producer-layout" }, [
      index("routes/producer/index.tsx"),
      route("submissions/export", "routes/producer/submissions-export.ts"),
      route("policies/export", "routes/producer/policies-export.ts"),
      route("submissions/new", "routes/producer/submission-new.tsx"),
      route("submissions/upload", "routes/producer/acord-upload.tsx"),
      route("drafts/:draftId", "routes/producer/acord-draft.tsx"),
      route("submissions/:submissionId", "routes/producer/submission.tsx"),
      route("policies/:policyId", "routes/producer/policy.tsx"),
      route("deal-rooms/:dealRoomId", "routes/producer/deal-room.tsx"),
      route("claims/new", "routes/producer/claim-new.tsx"),
      route("claims/:claimId", "routes/producer/claim.tsx"),
    ]),
  ]),
  ...prefix("portal", [
    layout(AREA_LAYOUT, { id: "portal-layout" }, [
      index("routes/portal/index.tsx"),
      route("policies/:policyId", "routes/portal/policy.tsx"),
      route("invoices/:invoiceId", "routes/portal/invoice.tsx"),
      route("claims/new", "routes/portal/claim-new.tsx"),
      route("claims/:claimId", "routes/portal/claim.tsx"),
    ]),
  ]),
  ...prefix("claims", [
    layout(AREA_LAYOUT, { id: "claims-layout" }, [
      index("routes/claims/index.tsx"),
      route("export", "routes/claims/export.ts"),
      route("new", "routes/claims/new.tsx"),
      route("approvals", "routes/claims/approvals.tsx"),
      route("adjusters", "routes/claims/adjusters.tsx"),
      route("dashboard", "routes/claims/dashboard.tsx"),
      route(":claimId", "routes/claims/claim.tsx"),
      route(":claimId/denial-letter.pdf", "routes/claims/denial-letter.ts"),
      route(":claimId/attachments/:attachmentId", "routes/claims/attachment.ts"),
    ]),
  ]),
  ...prefix("finance", [
    layout(AREA_LAYOUT, { id: "finance-layout" }, [
      index("routes/finance/index.tsx"),
      route("invoices/export", "routes/finance/invoices-export.ts"),
      route("invoices/:invoiceId", "routes/finance/invoice.tsx"),
      route("policies/:policyId", "routes/finance/policy.tsx"),
      route("ledger", "routes/finance/ledger.tsx"),
      route("journal", "routes/finance/journal.tsx"),
      route("journal/export", "routes/finance/journal-export.ts"),
      route("reconciliation", "routes/finance/reconciliation.tsx"),
    ]),
  ]),
  ...prefix("compliance", [layout(AREA_LAYOUT, { id: "compliance-layout" }, [index("routes/compliance/index.tsx")])]),
  ...prefix("compliance", [
    layout(AREA_LAYOUT, { id: "compliance-phi-layout" }, [route("phi-access", "routes/compliance/phi-access.tsx")]),
  ]),
  ...prefix("carrier", [
    layout(AREA_LAYOUT, { id: "carrier-layout" }, [
      index("routes/carrier/index.tsx"),
      route("policies/:policyId", "routes/carrier/policy.tsx"),
    ]),
  ]),
  ...prefix("admin", [
    layout(AREA_LAYOUT, { id: "admin-layout" }, [
      index("routes/admin/index.tsx"),
      route("members/:memberId", "routes/admin/member.tsx"),
      route("audit-log", "routes/admin/audit-log.tsx"),
      route("api-keys", "routes/admin/api-keys.tsx"),
      route("webhooks", "routes/admin/webhooks.tsx"),
      route("webhooks/:endpointId", "routes/admin/webhook.tsx"),
      route("dead-letters", "routes/admin/dead-letters.tsx"),
    ]),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
