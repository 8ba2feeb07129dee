import { data, Form, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/acord-upload";
import { requirePermission } from "../../auth/session.server.ts";
import { ErrorList } from "../../components/forms.tsx";
import { Button, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { ACORD_FILE_FIELD, MAX_ACORD_BYTES } from "../../services/submissions/acord-draft.ts";
import { draftFromAcordUpload, readUploadedAcord } from "../../services/submissions/acord-intake.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = () => [{ title: "Upload an ACORD 125 · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "create:submission");
  invariantResponse(user.tenant.agencyId, "Your account is not linked to a producer agency.", { status: 403 });
  return null;
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "create:submission");
  invariantResponse(user.tenant.agencyId, "Your account is not linked to a producer agency.", { status: 403 });
  const upload = await readUploadedAcord(args.request);
  if (!upload.ok)
    return data({ error: upload.error.message }, { status: upload.error.code === "TOO_LARGE" ? 413 : 400 });
  const { db, env } = appServices(args.context);
  const outcome = await draftFromAcordUpload(db, env.DOCUMENTS, user.tenant, upload.file);
  if (!outcome.ok) return data({ error: outcome.error.message }, { status: 422 });
  throw redirect(`/producer/drafts/${outcome.draft.id}`);
}

export default function AcordUpload({ actionData }: Route.ComponentProps) {
  const uploading = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Upload an ACORD 125"
        description="We read the fillable application and pre-fill a draft submission; you check it before it is filed."
      />
      <Card>
        <Form method="post" encType="multipart/form-data" className="grid gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="acord-file" className="text-sm font-medium">
              ACORD 125 application (fillable PDF)
            </label>
            <input
              id="acord-file"
              name={ACORD_FILE_FIELD}
              type="file"
              accept="application/pdf,.pdf"
              required
              aria-describedby="acord-file-hint acord-file-error"
              className="text-sm"
            />
            <p id="acord-file-hint" className="text-xs text-text-muted">
              Up to {MAX_ACORD_BYTES / (1024 * 1024)} MB. A scanned, printed or password-protected copy cannot be read:
              use the fillable form.
            </p>
            <ErrorList id="acord-file-error" errors={actionData?.error ? [actionData.error] : null} />
          </div>
          <Button type="submit" className="self-start" disabled={uploading}>
            {uploading ? "Reading…" : "Upload and pre-fill"}
          </Button>
        </Form>
      </Card>
    </>
  );
}
