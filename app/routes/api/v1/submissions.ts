import type { Route } from "./+types/submissions";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, apiJson, handleApi, parseJsonBody } from "../../../services/api/http.server.ts";
import { presentSubmission } from "../../../services/api/presenters.ts";
import { SubmissionCreate } from "../../../services/api/schemas.ts";
import { fileApiSubmission } from "../../../services/submissions/api-submissions.server.ts";
import { fileApiAcordSubmission, presentAcordReading } from "../../../services/submissions/api-acord-submissions.server.ts";
import { getSubmission } from "../../../models/submissions.server.ts";
import { hasPermission } from "../../../auth/permissions.ts";
import { todayInUtc } from "../../../utils/today.ts";
import { listKnockoutAnswers } from "../../../services/underwriting/knockouts.server.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async () => {
    throw new ApiFailure(405, "VALIDATION_FAILED", "Use POST to file a submission.");
  });
}

export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    if (!hasPermission(tenant.roles, "create:submission")) throw new ApiFailure(403, "FORBIDDEN", "This API key may not file submissions.");
    const { db, env } = appServices(args.context);
    if (request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
      const filed = await fileApiAcordSubmission(db, env.DOCUMENTS, tenant, request, todayInUtc());
      const [submission, knockouts] = await Promise.all([getSubmission(db, tenant, filed.submissionId), listKnockoutAnswers(db, tenant, filed.submissionId)]);
      const body = { ...presentSubmission(submission!, undefined, knockouts), acord: presentAcordReading(filed.extraction, filed.documentId) };
      return apiJson(body, 201, { location: `/v1/submissions/${filed.submissionId}` });
    }
    const body = await parseJsonBody(request, SubmissionCreate);
    const id = await fileApiSubmission(db, tenant, body, todayInUtc());
    const [submission, knockouts] = await Promise.all([getSubmission(db, tenant, id), listKnockoutAnswers(db, tenant, id)]);
    return apiJson(presentSubmission(submission!, undefined, knockouts), 201, { location: `/v1/submissions/${id}` });
  });
}
