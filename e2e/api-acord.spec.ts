import { expect, test } from "./fixtures.ts";
import { daysAhead } from "./dates.ts";
import {
  buildAcord125Pdf,
  buildEncryptedAcord125Pdf,
  buildFlattenedAcord125Pdf,
  COMPLETE_GL_VALUES,
} from "../tests/support/acord/test-pdf.ts";
import { DEMO_API_KEYS } from "../db/seed/demo-data.ts";

const summitKey = DEMO_API_KEYS.find((k) => k.orgId === "org_summit")!.secret;
const auth = { authorization: `Bearer ${summitKey}` };

const upload = (bytes: Uint8Array, name = "acord125.pdf") => ({
  acord125: { name, mimeType: "application/pdf", buffer: Buffer.from(bytes) },
});

test("the OpenAPI document describes the multipart ACORD 125 upload and its answer", async ({ request }) => {
  const openapi = await (await request.get("/v1/openapi.json")).json();
  const body = openapi.paths["/v1/submissions"].post.requestBody.content;
  expect(body["multipart/form-data"].schema.$ref).toBe("#/components/schemas/AcordUpload");
  expect(openapi.components.schemas.AcordUpload).toMatchObject({
    required: ["acord125"],
    properties: { acord125: { type: "string", format: "binary" } },
  });
  expect(openapi.components.schemas.SubmissionCreated.properties.acord.properties).toHaveProperty("needsReview");
  expect(openapi.components.schemas.Error.properties.error.properties.code.enum).toEqual(
    expect.arrayContaining(["NOT_A_PDF", "TOO_LARGE", "ENCRYPTED", "NO_FORM_FIELDS", "UNREADABLE"]),
  );
});

test("an API client files a submission from an ACORD 125 PDF and quotes it like a JSON one", async ({ request }) => {
  const insuredName = `Harbor Line Plumbing API ${Date.now()}`;
  const effective = daysAhead(15);
  const pdf = await buildAcord125Pdf({ ...COMPLETE_GL_VALUES, insuredName, effectiveDate: effective.acord });
  const created = await request.post("/v1/submissions", { headers: auth, multipart: upload(pdf) });
  expect(created.status()).toBe(201);
  const submission = await created.json();
  expect(submission).toMatchObject({
    status: "submitted",
    lineOfBusiness: "GL",
    insuredName,
    naicsCode: "238220",
    state: "TX",
    annualRevenue: 125_000_000,
    requestedLimit: 100_000_000,
    deductible: 250_000,
    effectiveDate: effective.iso,
    quote: null,
    acord: { needsReview: false, confidence: 1, lowConfidenceFields: [], documentId: expect.stringMatching(/^doc_/) },
  });
  expect(submission.acord.fields.annualRevenue).toEqual({ value: 125_000_000, confidence: 1 });
  expect(created.headers().location).toBe(`/v1/submissions/${submission.id}`);

  const quoted = await request.post(`/v1/submissions/${submission.id}/quote`, { headers: auth });
  expect(quoted.status()).toBe(201);
  expect((await quoted.json()).ratingSteps.length).toBeGreaterThan(0);
});

test("low-confidence fields come back with their confidences and file the submission for review", async ({
  request,
}) => {
  const pdf = await buildAcord125Pdf(
    { ...COMPLETE_GL_VALUES, insuredName: `Flagged Plumbing ${Date.now()}`, effectiveDate: daysAhead(20).acord },
    { rename: { naicsCode: "NAICS", effectiveDate: "Effective Date of the Policy" } },
  );
  const created = await request.post("/v1/submissions", { headers: auth, multipart: upload(pdf) });
  expect(created.status()).toBe(201);
  const submission = await created.json();
  expect(submission.status).toBe("in_review");
  expect(submission.acord).toMatchObject({ needsReview: true, lowConfidenceFields: ["naicsCode", "effectiveDate"] });
  expect(submission.acord.fields.naicsCode).toEqual({ value: "238220", confidence: 0.8 });
  expect(submission.acord.fields.effectiveDate.confidence).toBe(0.65);
});

test("unusable or refused uploads get stable error codes", async ({ request }) => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ["not a PDF", upload(new TextEncoder().encode("Insured,Revenue\n"), "application.pdf"), 415, "NOT_A_PDF"],
    ["encrypted", upload(await buildEncryptedAcord125Pdf()), 422, "ENCRYPTED"],
    ["flattened", upload(await buildFlattenedAcord125Pdf()), 422, "NO_FORM_FIELDS"],
    ["over 10 MB", upload(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25)), 413, "TOO_LARGE"],
    ["no file", { note: "the PDF is attached separately" }, 400, "VALIDATION_FAILED"],
  ];
  for (const [name, multipart, status, code] of cases) {
    const response = await request.post("/v1/submissions", { headers: auth, multipart: multipart as never });
    expect(response.status(), name).toBe(status);
    const { error } = await response.json();
    expect(error.code, name).toBe(code);
    expect(error.message.length, name).toBeGreaterThan(20);
  }

  const insuredName = `Unfiled Plumbing ${Date.now()}`;
  const incomplete = await buildAcord125Pdf({
    ...COMPLETE_GL_VALUES,
    insuredName,
    naicsCode: undefined,
    effectiveDate: daysAhead(20).acord,
  });
  const refused = await request.post("/v1/submissions", { headers: auth, multipart: upload(incomplete) });
  expect(refused.status()).toBe(422);
  const { error } = await refused.json();
  expect(error).toMatchObject({
    code: "VALIDATION_FAILED",
    details: { issues: [{ path: "naicsCode" }], acord: { needsReview: true, missingRequired: ["naicsCode"] } },
  });
  expect(error.details.acord.fields.insuredName.value).toBe(insuredName);

  const elsewhere = await buildAcord125Pdf({
    ...COMPLETE_GL_VALUES,
    insuredName,
    mailingState: "WI",
    effectiveDate: daysAhead(20).acord,
  });
  const unauthorized = await request.post("/v1/submissions", { headers: auth, multipart: upload(elsewhere) });
  expect(unauthorized.status()).toBe(422);
  expect((await unauthorized.json()).error.code).toBe("STATE_NOT_AUTHORIZED");
});
