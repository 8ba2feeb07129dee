/**
 * The certificate of insurance PDF, in the ACORD 25 layout: date, disclaimer, producer, insured,
 * insurers, coverages (with the ADDL INSD and SUBR WVD boxes), description of operations,
 * certificate holder, cancellation and authorized representative. Rendered from stored data only,
 * with the issue date as its metadata date, so the same certificate always gives the same bytes.
 */
import { PDFDocument } from "pdf-lib";
import { dayNumber } from "../../utils/calendar-date.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import type { CertificateHolder } from "../servicing/certificate.ts";
import { CONTENT_WIDTH, PageFlow, type Cell } from "./pdf-layout.ts";

export type CertificateData = {
  certificateNumber: string;
  issuedOn: string;
  mgaName: string;
  producer: string;
  insured: { name: string; address: string };
  insurer: string;
  lineOfBusiness: "GL" | "WC";
  policyNumber: string;
  effectiveDate: string;
  expirationDate: string;
  occurrenceLimitCents: number | null;
  aggregateLimitCents: number | null;
  additionalInsured: boolean;
  waiverOfSubrogation: boolean;
  holder: CertificateHolder;
};

const DISCLAIMER =
  "THIS CERTIFICATE IS ISSUED AS A MATTER OF INFORMATION ONLY AND CONFERS NO RIGHTS UPON THE CERTIFICATE HOLDER. THIS CERTIFICATE DOES NOT AFFIRMATIVELY OR NEGATIVELY AMEND, EXTEND OR ALTER THE COVERAGE AFFORDED BY THE POLICIES BELOW.";
const CANCELLATION =
  "SHOULD ANY OF THE ABOVE DESCRIBED POLICIES BE CANCELLED BEFORE THE EXPIRATION DATE THEREOF, NOTICE WILL BE DELIVERED IN ACCORDANCE WITH THE POLICY PROVISIONS.";

// Limits in whole dollars, as the form prints them.
const limit = (cents: number | null) => (cents === null ? "-" : formatMoney(toCents(cents)).replace(/\.00$/, ""));

// Column offsets of the coverages table, after the form.
const COLUMNS = { ltr: 0, type: 20, addl: 122, subr: 148, number: 174, eff: 266, exp: 314, limits: 362 } as const;
const LIMIT_LABEL = 84;
const cell = (text: string, x: number, width: number, bold = false): Cell => ({ text, x, width, bold });

export async function renderCertificate(data: CertificateData): Promise<Uint8Array> {
  const issuedAt = new Date(dayNumber(data.issuedOn) * 86_400_000);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Certificate of Liability Insurance ${data.certificateNumber}`);
  doc.setAuthor(data.mgaName);
  doc.setSubject(data.holder.name);
  doc.setCreator("OpenInsure");
  doc.setProducer("OpenInsure");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);
  const flow = await PageFlow.create(doc);
  flow.row([
    cell("CERTIFICATE OF LIABILITY INSURANCE", 0, CONTENT_WIDTH - 130, true),
    { text: `DATE (MM/DD/YYYY) ${usDate(data.issuedOn)}`, x: CONTENT_WIDTH - 130, width: 130, align: "right" },
  ]);
  flow.text(`Certificate No. ${data.certificateNumber}`);
  flow.space(4);
  flow.text(DISCLAIMER, { size: 7 });
  flow.rule();
  const half = CONTENT_WIDTH / 2;
  flow.row([cell("PRODUCER", 0, half - 10, true), cell("INSURER(S) AFFORDING COVERAGE", half, half, true)]);
  flow.row([cell(data.producer, 0, half - 10), cell(`INSURER A: ${data.insurer}`, half, half)]);
  flow.space(4);
  flow.row([cell("INSURED", 0, half - 10, true)]);
  flow.row([cell(data.insured.name, 0, half - 10)]);
  flow.row([cell(data.insured.address, 0, half - 10)]);
  flow.rule();
  flow.text("COVERAGES", { bold: true });
  flow.row(
    [
      cell("INSR LTR", COLUMNS.ltr, 18, true),
      cell("TYPE OF INSURANCE", COLUMNS.type, 100, true),
      cell("ADDL INSD", COLUMNS.addl, 24, true),
      cell("SUBR WVD", COLUMNS.subr, 24, true),
      cell("POLICY NUMBER", COLUMNS.number, 90, true),
      cell("POLICY EFF", COLUMNS.eff, 46, true),
      cell("POLICY EXP", COLUMNS.exp, 46, true),
      cell("LIMITS", COLUMNS.limits, CONTENT_WIDTH - COLUMNS.limits, true),
    ],
    { size: 7 },
  );
  const gl = data.lineOfBusiness === "GL";
  const limits: [string, string][] = gl
    ? [
        ["EACH OCCURRENCE", limit(data.occurrenceLimitCents)],
        ["GENERAL AGGREGATE", limit(data.aggregateLimitCents)],
      ]
    : [
        ["E.L. EACH ACCIDENT", limit(data.occurrenceLimitCents)],
        ["E.L. DISEASE - POLICY", limit(data.aggregateLimitCents)],
      ];
  const limitCells = ([label, amount]: [string, string]): Cell[] => [
    cell(label, COLUMNS.limits, LIMIT_LABEL),
    {
      text: amount,
      x: COLUMNS.limits + LIMIT_LABEL,
      width: CONTENT_WIDTH - COLUMNS.limits - LIMIT_LABEL,
      align: "right",
    },
  ];
  flow.row(
    [
      cell("A", COLUMNS.ltr, 18),
      cell(
        gl ? "COMMERCIAL GENERAL LIABILITY (OCCUR)" : "WORKERS COMPENSATION AND EMPLOYERS' LIABILITY",
        COLUMNS.type,
        100,
      ),
      cell(data.additionalInsured ? "Y" : "N", COLUMNS.addl, 24),
      cell(data.waiverOfSubrogation ? "Y" : "N", COLUMNS.subr, 24),
      cell(data.policyNumber, COLUMNS.number, 90),
      cell(usDate(data.effectiveDate), COLUMNS.eff, 46),
      cell(usDate(data.expirationDate), COLUMNS.exp, 46),
      ...limitCells(limits[0]!),
    ],
    { size: 7 },
  );
  flow.row(limitCells(limits[1]!), { size: 7 });
  flow.rule();
  flow.text("DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES", { bold: true, size: 8 });
  const description = [
    data.additionalInsured
      ? `${data.holder.name} is an additional insured under the policy's additional insured endorsement, as respects liability arising out of the named insured's operations.`
      : null,
    data.waiverOfSubrogation
      ? `The insurer waives its right of subrogation against ${data.holder.name} under the policy's waiver of subrogation endorsement.`
      : null,
  ].filter((line) => line !== null);
  flow.text(description.length ? description.join(" ") : "Evidence of insurance only.");
  flow.rule();
  flow.row([cell("CERTIFICATE HOLDER", 0, half - 10, true), cell("CANCELLATION", half, half, true)]);
  flow.row([cell(data.holder.name, 0, half - 10), cell(CANCELLATION, half, half)]);
  flow.row([cell(data.holder.addressLine1, 0, half - 10)]);
  flow.row([cell(`${data.holder.city}, ${data.holder.state} ${data.holder.postalCode}`, 0, half - 10)]);
  flow.space(6);
  flow.row([cell("", 0, half - 10), cell(`AUTHORIZED REPRESENTATIVE: ${data.mgaName}`, half, half, true)]);
  return doc.save();
}

function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}
