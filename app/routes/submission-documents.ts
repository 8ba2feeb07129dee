import type { Route } from "./+types/submission-documents";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { documentParentVisible, listSubmissionDocuments } from "../models/documents.server.ts";
import { invariantResponse } from "../utils/invariant.ts";

// The documents panel of the producer and underwriter submission pages loads from here, so each
// page embeds it without touching its own loader.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db } = appServices(args.context);
  invariantResponse(await documentParentVisible(db, user.tenant, args.params.submissionId), "Submission not found");
  const documents = await listSubmissionDocuments(db, user.tenant, args.params.submissionId);
  return { documents };
}
