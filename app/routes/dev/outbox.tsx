import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listRecentEmails } from "../../models/email-outbox.server.ts";
import { formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: MetaFunction = () => [{ title: "Dev mailbox · OpenInsure" }];

// Development only: with no mail transport configured, this is where password resets and
// invitations can be read. The route exists only in builds made with APP_ENV=development (see
// app/routes.ts), so it has no generated route types.
export async function loader({ context }: LoaderFunctionArgs) {
  const { db, isDevelopment } = appServices(context);
  invariantResponse(isDevelopment, "Not found");
  return { emails: await listRecentEmails(db, 50) };
}

export default function DevOutbox() {
  const loaderData = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-3xl p-8">
      <PageHeader title="Dev mailbox" description="Emails queued by the app (development only)." />
      <div className="grid gap-4">
        {loaderData.emails.map((e) => (
          <Card key={e.id} title={e.subject}>
            <p className="text-sm text-text-muted">
              To {e.toAddress} · {formatInstant(e.createdAt)}
            </p>
            <pre className="mt-3 whitespace-pre-wrap font-mono text-sm">{e.textBody}</pre>
          </Card>
        ))}
        {loaderData.emails.length === 0 ? <p className="text-text-muted">No emails yet.</p> : null}
      </div>
    </main>
  );
}
