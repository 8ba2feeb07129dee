import type { Route } from "./+types/submission-documents";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { listSubmissionDocuments } from "../models/documents.server.ts";

// The documents panel of the producer and underwriter submission pages loads from here, so each
// page embeds it without touching its own loader.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const documents = await listSubmissionDocuments(appServices(args.context).db, user.tenant, args.params.submissionId);
  return { documents };
}
