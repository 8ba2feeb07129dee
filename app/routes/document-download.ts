import type { Route } from "./+types/document-download";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { findDocumentForDownload } from "../models/documents.server.ts";
import { documentResponse } from "../services/documents/storage.server.ts";
import { invariantResponse } from "../utils/invariant.ts";

// Streams from R2 only after the row says this user may see the document: R2 keys are never
// handed to the browser.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db, env } = appServices(args.context);
  const document = await findDocumentForDownload(db, user.tenant, args.params.documentId);
  invariantResponse(document, "Document not found");
  const response = await documentResponse(env.DOCUMENTS, document);
  invariantResponse(response, "The file of this document is missing from storage", { status: 410 });
  return response;
}
