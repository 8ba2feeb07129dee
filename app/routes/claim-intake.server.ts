import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type RouterContextProvider } from "react-router";
import type { Permission } from "../auth/permissions.ts";
import { requirePermission } from "../auth/session.server.ts";
import type { ClaimChannel } from "../../db/schema/claims.ts";
import { appServices } from "../context.server.ts";
import { listPolicies } from "../models/policies.server.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../services/access/form-token.server.ts";
import { FnolFormSchema } from "../services/claims/claim-forms.ts";
import {
  AttachmentRefused,
  readAttachmentUploads,
  withStoredAttachments,
  type AttachmentUpload,
} from "../services/claims/attachments.server.ts";
import { fileClaim } from "../services/claims/claims.server.ts";
import { claimActor, phiMasterKey } from "./claim-access.server.ts";

type Args = { request: Request; context: Readonly<RouterContextProvider>; params: Record<string, string | undefined> };

// One first notice of loss behind three doors: the portal, the producer area and an adjuster's
// phone intake. Each page is a thin route over these.

export async function fnolLoader(args: Args, permission: Permission) {
  const user = await requirePermission(args, permission);
  const policies = await listPolicies(appServices(args.context).db, user.tenant, { limit: 500 });
  const preselected = new URL(args.request.url).searchParams.get("policy");
  return {
    policies: policies.map((p) => ({ id: p.id, label: `${p.policyNumber} · ${p.insuredName}` })),
    preselected,
    reporterName: user.name,
    formToken: newFormToken(),
  };
}

export async function fnolAction(
  args: Args,
  permission: Permission,
  channel: ClaimChannel,
  claimPath: (id: string) => string,
) {
  const user = await requirePermission(args, permission);
  const { db, env } = appServices(args.context);
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: FnolFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const master = await phiMasterKey(args);
  let uploads: AttachmentUpload[];
  try {
    uploads = await readAttachmentUploads(formData);
  } catch (error) {
    if (!(error instanceof AttachmentRefused)) throw error;
    return data({ result: submission.reply(), error: error.message }, { status: 422 });
  }
  const outcome = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    "file-claim",
    () =>
      withStoredAttachments(env.DOCUMENTS, user.tenant.orgId, uploads, (rows) =>
        fileClaim(db, master, claimActor(args, user, `page:fnol:${channel}`), channel, submission.value, rows),
      ),
    (o) => o.ok,
  );
  if (!outcome.ok) return data({ result: submission.reply(), error: outcome.message }, { status: 422 });
  throw redirect(claimPath(outcome.claimId));
}
