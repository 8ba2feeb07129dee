import { compileRateTable, compileTaxTable, rateQuoteOptions } from "../../app/services/rating/index.ts";
import { quoteOptionRow, submissionFacts } from "../../app/services/underwriting/quote-option-row.ts";
import { toCents } from "../../app/utils/money.ts";
import type * as schema from "../schema/index.ts";
import { insureds, submissions, world } from "./demo-data.ts";
import { rateTables, taxTables } from "./rate-tables.ts";

/**
 * Quotes for the seeded submissions in status "quoted", rated by the real engine so their trail
 * is genuine. They are already past their expiry, which the demo uses to show that an expired
 * quote cannot be bound.
 */
export function seededQuotes() {
  const quotes: (typeof schema.quotes.$inferInsert)[] = [];
  const options: (typeof schema.quoteOptions.$inferInsert)[] = [];
  for (const submission of submissions.filter((s) => s.status === "quoted")) {
    const rateRow = rateTables.find((t) => t.programId === submission.programId)!;
    const taxRow = taxTables.find((t) => t.orgId === submission.orgId)!;
    const rateTable = compileRateTable(rateRow.definition);
    const taxTable = compileTaxTable(taxRow.definition);
    if (!rateTable.ok || !taxTable.ok) throw new Error(`Seed rate table ${rateRow.id} does not compile`);
    const insured = insureds.find((i) => i.id === submission.insuredId)!;
    const occurrenceLimit = toCents(submission.requestedLimitCents);
    const rated = rateQuoteOptions(
      {
        submission: submissionFacts(submission, { aggregateLimit: toCents(occurrenceLimit * 2), yearsInBusiness: insured.yearsInBusiness }),
        schedule: [],
        rateTable: rateTable.value,
        taxTable: taxTable.value,
      },
      [{ occurrenceLimit, aggregateLimit: toCents(occurrenceLimit * 2), deductible: toCents(submission.deductibleCents) }],
    );
    const quoteId = `quo_${submission.id}`;
    quotes.push({
      id: quoteId,
      orgId: submission.orgId,
      submissionId: submission.id,
      rateTableId: rateRow.id,
      rateTableVersion: rateRow.version,
      taxTableId: taxRow.id,
      status: "active" as const,
      expiresOn: world.quotes.expiresOn,
      daFlags: [],
      createdByUserId: submission.producerUserId,
      createdAt: world.quotes.createdAt,
    });
    rated.forEach((result, position) => {
      if (!result.ok) throw new Error(`Seed quote for ${submission.id} does not rate: ${result.error.message}`);
      options.push(quoteOptionRow(result.value, { id: `qop_${submission.id}_${position}`, orgId: submission.orgId, quoteId, position, withinAuthority: true }));
    });
  }
  return { quotes, options };
}
