import { renderDeclarationsPdf, type DeclarationsData } from "./declarations.ts";

/** The declarations page as a download, for the portals and the API alike. */
export async function declarationsResponse(data: DeclarationsData): Promise<Response> {
  const pdf = await renderDeclarationsPdf(data);
  return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${data.policyNumber}-declarations.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
