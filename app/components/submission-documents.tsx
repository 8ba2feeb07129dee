import { useEffect } from "react";
import { useFetcher } from "react-router";
import type { DocumentExtraction, DocumentKind } from "../../db/schema/documents.ts";
import { formatInstant } from "../utils/format.ts";
import { Badge, Card, DataTable } from "./ui.tsx";

export type SubmissionDocumentRow = {
  id: string;
  kind: DocumentKind;
  filename: string;
  sizeBytes: number;
  extraction: DocumentExtraction | null;
  createdAt: Date | string;
};

const KIND_LABELS: Record<DocumentKind, string> = {
  acord_125: "ACORD 125",
  declarations: "Declarations",
  other: "Document",
};

/** The files of a submission, each downloaded through the tenant-checked /documents route. */
export function SubmissionDocuments({ documents }: { documents: SubmissionDocumentRow[] }) {
  return (
    <Card title="Documents">
      <DataTable
        caption="Submission documents"
        rows={documents}
        rowKey={(d) => d.id}
        empty="No documents yet."
        columns={[
          { header: "Kind", cell: (d) => KIND_LABELS[d.kind] },
          {
            header: "File",
            cell: (d) => (
              <a className="text-brand hover:underline" href={`/documents/${d.id}`} download>
                {d.filename}
              </a>
            ),
          },
          { header: "Size", numeric: true, cell: (d) => `${Math.max(1, Math.round(d.sizeBytes / 1024))} KB` },
          {
            header: "Extraction",
            cell: (d) =>
              d.extraction ? (
                d.extraction.needsReview ? (
                  <Badge tone="warn">
                    flagged for review
                    {d.extraction.lowConfidenceFields.length ? `: ${d.extraction.lowConfidenceFields.join(", ")}` : ""}
                  </Badge>
                ) : (
                  <Badge tone="good">read cleanly</Badge>
                )
              ) : (
                "—"
              ),
          },
          { header: "Added", cell: (d) => formatInstant(d.createdAt) },
        ]}
      />
    </Card>
  );
}

/** The documents of a submission, loaded on its own so any submission page can embed it. */
export function SubmissionDocumentsPanel({ submissionId }: { submissionId: string }) {
  const fetcher = useFetcher<{ documents: SubmissionDocumentRow[] }>();
  const { load } = fetcher;
  useEffect(() => {
    void load(`/submissions/${submissionId}/documents`);
  }, [load, submissionId]);
  if (!fetcher.data) {
    return (
      <Card title="Documents">
        <p className="text-sm text-text-muted">Loading documents…</p>
      </Card>
    );
  }
  return <SubmissionDocuments documents={fetcher.data.documents} />;
}
