import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { pageTexts } from "../../../tests/support/pdf-text.ts";
import { createServicingBook } from "../../../tests/support/servicing-book.ts";
import { listCertificates, listHolders } from "../../models/certificates.server.ts";
import { startLocalR2 } from "../documents/local-r2.ts";
import { cancelPolicy } from "./cancellation.server.ts";
import { certificateBoxes, mayIssueCertificate, policyAsOf, type DatedChange } from "./certificate.ts";
import { certificateDocument, issueCertificate } from "./certificates.server.ts";
import { endorsePolicy } from "./endorsement.server.ts";

const db = guardedTestDatabase();
let r2: Awaited<ReturnType<typeof startLocalR2>>;
beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

const acme = {
  name: "Acme Property Management",
  addressLine1: "500 Congress Ave",
  city: "Austin",
  state: "TX",
  postalCode: "78701",
};

describe("the policy as of the issue date", () => {
  const now = {
    namedInsured: "Servicing Roofing LLC",
    occurrenceLimitCents: 200_000_000,
    aggregateLimitCents: 400_000_000,
    deductibleCents: 250_000,
    additionalInsureds: [{ name: "Acme Property Management", address: "500 Congress Ave" }],
    waiversOfSubrogation: [{ holderName: "Acme Property Management" }, { holderName: null }],
  };
  const transactions: DatedChange[] = [
    { type: "new_business", sequence: 1, effectiveDate: "2028-01-01", changes: null },
    {
      type: "endorsement",
      sequence: 2,
      effectiveDate: "2028-04-01",
      changes: { occurrenceLimitCents: { from: 100_000_000, to: 200_000_000 } },
    },
    {
      type: "endorsement",
      sequence: 3,
      effectiveDate: "2028-06-01",
      changes: {
        additionalInsured: { from: null, to: { name: "ACME  property management", address: "500 Congress Ave" } },
        waiverOfSubrogation: { from: null, to: { holderName: "acme property management" } },
      },
    },
    {
      type: "endorsement",
      sequence: 4,
      effectiveDate: "2028-09-01",
      changes: { waiverOfSubrogation: { from: null, to: { holderName: null } } },
    },
  ];

  test("rolls back every endorsement effective after the date, and only those", () => {
    expect(policyAsOf(now, transactions, "2028-03-31")).toMatchObject({
      occurrenceLimitCents: 100_000_000,
      additionalInsureds: [],
      waiversOfSubrogation: [],
    });
    expect(policyAsOf(now, transactions, "2028-05-01")).toMatchObject({
      occurrenceLimitCents: 200_000_000,
      additionalInsureds: [],
      waiversOfSubrogation: [],
    });
    // The named waiver is in force from June; the blanket one only from September.
    expect(policyAsOf(now, transactions, "2028-06-01")).toEqual({
      ...now,
      waiversOfSubrogation: [{ holderName: "Acme Property Management" }],
    });
    expect(policyAsOf(now, transactions, "2028-09-01")).toEqual(now);
  });

  test("SUBR WVD only for a holder the policy waives subrogation against, by name or blanket", () => {
    const named = { ...now, waiversOfSubrogation: [{ holderName: "Acme Property Management" }] };
    expect(certificateBoxes(named, { name: "ACME property management" }).waiverOfSubrogation).toBe(true);
    expect(certificateBoxes(named, { name: "Austin Landlord LP" }).waiverOfSubrogation).toBe(false);
    const blanket = { ...now, waiversOfSubrogation: [{ holderName: null }] };
    expect(certificateBoxes(blanket, { name: "Austin Landlord LP" })).toEqual({
      additionalInsured: false,
      waiverOfSubrogation: true,
    });
  });

  test("ADDL INSD only for a holder the policy names as additional insured; never a waiver it does not give", () => {
    expect(certificateBoxes({ ...now, waiversOfSubrogation: [] }, { name: "acme property  management" })).toEqual({
      additionalInsured: true,
      waiverOfSubrogation: false,
    });
    expect(certificateBoxes(now, { name: "Austin Landlord LP" }).additionalInsured).toBe(false);
  });

  test("no certificate for a policy that has ended", () => {
    expect(mayIssueCertificate({ status: "cancelled", expirationDate: "2029-01-01" }, "2028-07-01")).toEqual({
      ok: false,
      message: "A certificate cannot be issued for a cancelled policy.",
    });
    expect(mayIssueCertificate({ status: "active", expirationDate: "2029-01-01" }, "2029-01-01").ok).toBe(false);
    expect(mayIssueCertificate({ status: "issued", expirationDate: "2029-01-01" }, "2027-12-15")).toEqual({ ok: true });
  });
});

describe("issuing certificates", () => {
  test("a policyholder issues one per holder, remembered for reuse, with the endorsement's box, as a stored PDF", async () => {
    const book = await createServicingBook(db);
    const { policyId } = await book.newPolicy({ effectiveDate: "2028-01-01" });
    const endorsed = await endorsePolicy(
      db,
      null,
      book.underwriter,
      policyId,
      {
        effectiveDate: "2028-06-01",
        changes: { addAdditionalInsured: { name: acme.name, address: acme.addressLine1 } },
      },
      "2028-05-20",
    );
    expect(endorsed).toMatchObject({ ok: true, status: "applied" });

    // Before the endorsement takes effect the holder is not yet an additional insured.
    const early = await issueCertificate(db, r2.bucket, book.policyholder, policyId, { holder: acme }, "2028-05-25");
    expect(early).toMatchObject({ ok: true, additionalInsured: false });
    const issued = await issueCertificate(db, r2.bucket, book.policyholder, policyId, { holder: acme }, "2028-07-01");
    expect(issued).toMatchObject({
      ok: true,
      additionalInsured: true,
      certificateNumber: expect.stringMatching(/^CERT-2028-\d{5}$/),
    });
    if (!issued.ok) return;

    const holders = await listHolders(db, book.orgId, book.policyholder.insuredId!);
    expect(holders.map((h) => h.name)).toEqual([acme.name]);
    const reused = await issueCertificate(
      db,
      r2.bucket,
      book.policyholder,
      policyId,
      { holderId: holders[0]!.id },
      "2028-07-02",
    );
    expect(reused).toMatchObject({ ok: true, additionalInsured: true });
    expect((await listCertificates(db, book.orgId, policyId)).map((c) => c.additionalInsured)).toEqual([
      true,
      true,
      false,
    ]);

    const response = await certificateDocument(db, r2.bucket, book.policyholder, policyId, issued.certificateId);
    expect(response?.headers.get("content-type")).toBe("application/pdf");
    const text = (await pageTexts(new Uint8Array(await response!.arrayBuffer()))).flat();
    expect(text).toContain("CERTIFICATE OF LIABILITY INSURANCE");
    expect(text[text.indexOf("DATE (MM/DD/YYYY)") + 1]).toBe("07/01/2028");
    expect(text).toContain("CERTIFICATE HOLDER");
    expect(text).toContain(acme.name);
    expect(text).toContain("Austin, TX 78701");
    expect(text).toContain("INSURER A: Servicing Mutual");
    expect(text.some((line) => line.startsWith("Acme Property Management is an additional insured"))).toBe(true);
    // ADDL INSD "Y", SUBR WVD "N" in the coverage row.
    const row = text.slice(text.indexOf("A", text.indexOf("LIMITS")));
    expect(row.slice(0, 8)).toEqual([
      "A",
      "COMMERCIAL GENERAL",
      "LIABILITY (OCCUR)",
      "Y",
      "N",
      row[5],
      "01/01/2028",
      "01/01/2029",
    ]);

    // Someone else's certificate, or one of another policy, is not found.
    const outsider = { ...book.policyholder, insuredId: "ins_someone_else" };
    expect(await certificateDocument(db, r2.bucket, outsider, policyId, issued.certificateId)).toBeNull();
    expect(await issueCertificate(db, r2.bucket, outsider, policyId, { holder: acme }, "2028-07-01")).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  test("SUBR WVD is ticked only once a waiver endorsement names the holder, or a blanket one applies, with no premium", async () => {
    const book = await createServicingBook(db);
    const { policyId } = await book.newPolicy({ effectiveDate: "2028-01-01" });
    const named = await endorsePolicy(
      db,
      null,
      book.underwriter,
      policyId,
      { effectiveDate: "2028-06-01", changes: { addWaiverOfSubrogation: { holderName: acme.name } } },
      "2028-05-20",
    );
    expect(named).toMatchObject({ ok: true, status: "applied", premiumCents: 0, taxesCents: 0, invoiceId: null });

    const landlord = { ...acme, name: "Austin Landlord LP" };
    const issue = (holder: typeof acme, on: string) =>
      issueCertificate(db, r2.bucket, book.policyholder, policyId, { holder }, on);
    expect(await issue(acme, "2028-05-31")).toMatchObject({ ok: true, waiverOfSubrogation: false });
    const waived = await issue(acme, "2028-06-01");
    expect(waived).toMatchObject({ ok: true, waiverOfSubrogation: true, additionalInsured: false });
    expect(await issue(landlord, "2028-06-01")).toMatchObject({ ok: true, waiverOfSubrogation: false });

    // A policyholder may ask for it (no premium); an underwriter applies the blanket waiver.
    const requested = await endorsePolicy(
      db,
      null,
      book.policyholder,
      policyId,
      { effectiveDate: "2028-08-01", changes: { addWaiverOfSubrogation: { holderName: null } } },
      "2028-07-20",
    );
    expect(requested).toMatchObject({ ok: true, status: "requested" });
    const blanket = await endorsePolicy(
      db,
      null,
      book.underwriter,
      policyId,
      { effectiveDate: "2028-08-01", changes: { addWaiverOfSubrogation: { holderName: null } } },
      "2028-07-21",
    );
    expect(blanket).toMatchObject({ ok: true, status: "applied", premiumCents: 0 });
    expect(await issue(landlord, "2028-07-31")).toMatchObject({ ok: true, waiverOfSubrogation: false });
    expect(await issue(landlord, "2028-08-01")).toMatchObject({ ok: true, waiverOfSubrogation: true });
    // Stored with the certificate as issued: two of the five say SUBR WVD.
    const stored = (await listCertificates(db, book.orgId, policyId)).map((c) => c.waiverOfSubrogation);
    expect([stored.length, stored.filter(Boolean).length]).toEqual([5, 2]);

    if (!waived.ok) return;
    const response = await certificateDocument(db, r2.bucket, book.policyholder, policyId, waived.certificateId);
    const text = (await pageTexts(new Uint8Array(await response!.arrayBuffer()))).flat();
    expect(text.some((line) => line.startsWith("The insurer waives its right of subrogation against Acme"))).toBe(true);
    // ADDL INSD "N", SUBR WVD "Y" in the coverage row.
    const row = text.slice(text.indexOf("A", text.indexOf("LIMITS")));
    expect(row.slice(3, 5)).toEqual(["N", "Y"]);
  });

  test("refused once the policy is cancelled", async () => {
    const book = await createServicingBook(db);
    const { policyId } = await book.newPolicy({ effectiveDate: "2028-01-01" });
    await cancelPolicy(
      db,
      null,
      book.underwriter,
      policyId,
      { reason: "flat", cancellationDate: "2028-01-01" },
      "2028-01-01",
    );
    expect(await issueCertificate(db, r2.bucket, book.underwriter, policyId, { holder: acme }, "2028-02-01")).toEqual({
      ok: false,
      reason: "invalid",
      message: "A certificate cannot be issued for a cancelled policy.",
    });
  });
});
