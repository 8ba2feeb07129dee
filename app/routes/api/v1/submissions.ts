import type { Route } from "./+types/submissions";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, apiJson, handleApi, parseJsonBody } from "../../../services/api/http.server.ts";
import { SubmissionCreate } from "../../../services/api/schemas.ts";
import { fileApiSubmission, presentFiledSubmission } from "../../../services/submissions/api-submissions.server.ts";
import {
  fileApiAcordSubmission,
  presentAcordReading,
} from "../../../services/submissions/api-acord-submissions.server.ts";
import { hasPermission } from "../../../auth/permissions.ts";
import { businessToday } from "../../../utils/today.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async () => {
    throw new ApiFailure(405, "VALIDATION_FAILED", "Use POST to file a submission.");
  });
}

export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    if (!hasPermission(tenant.roles, "create:submission"))
      throw new ApiFailure(403, "FORBIDDEN", "This API key may not file submissions.");
    const { db, env } = appServices(args.context);
    if (request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
      const filed = await fileApiAcordSubmission(db, env.DOCUMENTS, tenant, request, businessToday(tenant));
      const body = {
        ...(await presentFiledSubmission(db, tenant, filed.submissionId)),
        acord: presentAcordReading(filed.extraction, filed.documentId),
      };
      return apiJson(body, 201, { location: `/v1/submissions/${filed.submissionId}` });
    }
    const body = await parseJsonBody(request, SubmissionCreate);
    const { submissionId: id, submission } = await fileApiSubmission(db, tenant, body, businessToday(tenant));
    return apiJson(await presentFiledSubmission(db, tenant, id, submission), 201, {
      location: `/v1/submissions/${id}`,
    });
  });
}
