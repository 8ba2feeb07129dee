import type { Route } from "./+types/submission";
import { appServices } from "../../../context.server.ts";
import { listQuotesForSubmission } from "../../../services/underwriting/quotes.server.ts";
import { getSubmission } from "../../../models/submissions.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { presentSubmission } from "../../../services/api/presenters.ts";
import { listKnockoutAnswers } from "../../../services/underwriting/knockouts.server.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant }) => {
    const { db } = appServices(args.context);
    const [submission, quotes] = await Promise.all([
      getSubmission(db, tenant, args.params.submissionId),
      listQuotesForSubmission(db, tenant, args.params.submissionId),
    ]);
    if (!submission) throw new ApiFailure(404, "NOT_FOUND", "No such submission.");
    const knockouts = await listKnockoutAnswers(db, tenant, submission.id);
    return apiJson(
      presentSubmission(
        submission,
        quotes.find((q) => q.status !== "superseded"),
        knockouts,
      ),
    );
  });
}
