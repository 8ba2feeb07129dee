/**
 * The denial letter of a claim, to the named insured: the claim, the policy, the date of loss and
 * the reason the claim is denied. It names no claimant and carries no PHI, so whoever may read
 * the claim may read the letter. Deterministic for the same data (no current time stamped in).
 */
import { PDFDocument } from "pdf-lib";
import { dayNumber } from "../../utils/calendar-date.ts";
import { drawLetterhead, type Logo } from "../documents/letterhead.ts";
import { PageFlow } from "../documents/pdf-layout.ts";

export type DenialLetterData = {
  mgaName: string;
  /** The organization's logo (documents/letterhead.ts); the name alone when absent. */
  logo?: Logo | null;
  insuredName: string;
  policyNumber: string;
  claimNumber: string;
  dateOfLoss: string;
  lossType: string;
  denialReason: string;
  /** The letter's date (the day it is issued). */
  issuedOn: string;
};

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

export async function renderDenialLetterPdf(data: DenialLetterData): Promise<Uint8Array> {
  const issuedAt = new Date(dayNumber(data.issuedOn) * 86_400_000);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Denial of claim ${data.claimNumber}`);
  doc.setAuthor(data.mgaName);
  doc.setCreator("OpenInsure");
  doc.setProducer("OpenInsure");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);
  const flow = await PageFlow.create(doc);
  await drawLetterhead(doc, flow, { name: data.mgaName, logo: data.logo ?? null });
  flow.space(18);
  flow.text(usDate(data.issuedOn));
  flow.space(12);
  flow.text(data.insuredName, { bold: true });
  flow.space(12);
  flow.text(`Re: Claim ${data.claimNumber} under policy ${data.policyNumber}`, { size: 11, bold: true });
  flow.text(`Date of loss: ${usDate(data.dateOfLoss)} - ${data.lossType}`);
  flow.space(12);
  flow.text(
    "We have completed our review of the claim named above. After considering the facts reported and the terms of the policy, we are unable to provide coverage for this loss, for the following reason:",
    { size: 10 },
  );
  flow.space(8);
  flow.text(data.denialReason, { size: 10, bold: true });
  flow.space(12);
  flow.text(
    "If you have information that was not available to us, or you disagree with this decision, please write to us quoting the claim number and we will review it. Nothing in this letter waives any of the policy's terms or conditions.",
    { size: 10 },
  );
  flow.space(18);
  flow.text("Claims Department", { size: 10 });
  flow.text(data.mgaName, { size: 10 });
  return doc.save({ useObjectStreams: false });
}
