import type { Route } from "./+types/submissions";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, handleApi, parseJsonBody } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { SubmissionCreate } from "../../../services/api/schemas.ts";
import { fileApiSubmission, presentFiledSubmission } from "../../../services/submissions/api-submissions.server.ts";
import {
  fileApiAcordSubmission,
  presentAcordReading,
} from "../../../services/submissions/api-acord-submissions.server.ts";
import { hasPermission } from "../../../auth/permissions.ts";
import { sha256Hex } from "../../../utils/sha256.ts";
import { businessToday } from "../../../utils/today.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async () => {
    throw new ApiFailure(405, "VALIDATION_FAILED", "Use POST to file a submission.");
  });
}

export async function action(args: Route.ActionArgs) {
  return handleApi(
    args,
    async ({ tenant, request, storedAnswer }) => {
      if (!hasPermission(tenant.roles, "create:submission"))
        throw new ApiFailure(403, "FORBIDDEN", "This API key may not file submissions.");
      const { db, env } = appServices(args.context);
      if (request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
        // The filing depends only on the uploaded PDF, so a retry is the same request when its bytes
        // are, whatever multipart boundary the client drew; its answer is stored after the filing.
        const fingerprint = request.headers.get("idempotency-key") ? await uploadFingerprint(request) : "";
        const answered = await idempotent(
          db,
          tenant,
          request,
          fingerprint,
          async () => {
            const filed = await fileApiAcordSubmission(db, env.DOCUMENTS, tenant, request, businessToday(tenant));
            const body = {
              ...(await presentFiledSubmission(db, tenant, filed.submissionId)),
              acord: presentAcordReading(filed.extraction, filed.documentId),
            };
            return { status: 201, body };
          },
          storedAnswer,
        );
        return withLocation(answered);
      }
      const raw = await request.clone().text();
      const body = await parseJsonBody(request, SubmissionCreate);
      const answered = await idempotent(
        db,
        tenant,
        request,
        raw,
        async (storeInTransaction) => {
          // The filing's answer is stored under the Idempotency-Key with its rows (ADR 032).
          const fresh: { answer: { status: number; body: unknown } | null } = { answer: null };
          await fileApiSubmission(db, tenant, body, businessToday(tenant), {
            answerWith: async (tx, submissionId, written) => {
              fresh.answer = {
                status: 201,
                body: await presentFiledSubmission(tx, tenant, submissionId, written ?? undefined),
              };
              return storeInTransaction(tx, fresh.answer);
            },
          });
          if (!fresh.answer) throw new Error("the filing committed without its answer");
          return fresh.answer;
        },
        storedAnswer,
      );
      return withLocation(answered);
    },
    { lookUpIdempotencyKey: true },
  );
}

/** A filed submission's answer points at it, a replayed one too. */
async function withLocation(answered: Response): Promise<Response> {
  const filedId = answered.status === 201 ? ((await answered.clone().json()) as { id?: unknown }).id : undefined;
  if (typeof filedId === "string") answered.headers.set("location", `/v1/submissions/${filedId}`);
  return answered;
}

async function uploadFingerprint(request: Request): Promise<string> {
  const file = (
    await request
      .clone()
      .formData()
      .catch(() => null)
  )?.get("acord125");
  return file instanceof File ? `acord125 ${await sha256Hex(new Uint8Array(await file.arrayBuffer()))}` : "";
}
