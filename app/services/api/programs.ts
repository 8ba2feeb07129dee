import { z } from "zod";
import type { RateTableJson } from "../rating/schema.ts";

// GET /v1/programs: what an integration needs to file a submission the program accepts.

export const ProgramSummary = z.object({
  id: z.string(),
  name: z.string(),
  lineOfBusiness: z.enum(["GL", "WC"]),
  carrier: z.string(),
  states: z.array(z.string()),
  installmentPlans: z.array(z.string()),
  quoteValidDays: z.int(),
  minimumPremium: z.int().describe("cents"),
  rateTableVersion: z.string().nullable().describe("The version in force today; null while the program has none"),
  offeredLimits: z
    .array(z.object({ occurrence: z.int(), aggregate: z.int() }))
    .describe("Occurrence / aggregate limit pairs in cents; requestedLimit must be one of the occurrence limits"),
  offeredDeductibles: z.array(z.int()).describe("cents"),
  knockoutQuestions: z.array(
    z.object({
      code: z.string(),
      question: z.string(),
      safeAnswer: z.boolean().describe("The answer that keeps the risk in appetite"),
      otherwise: z.enum(["refer", "decline"]),
    }),
  ),
});
export const ProgramList = z.object({ data: z.array(ProgramSummary) });

type ProgramInput = {
  program: {
    id: string;
    name: string;
    lineOfBusiness: "GL" | "WC";
    states: string[];
    installmentPlans: string[];
    quoteValidDays: number;
    minimumPremiumCents: number;
  };
  carrierName: string;
};

export function presentPrograms(
  rows: readonly ProgramInput[],
  versions: readonly { programId: string; version: string; definition: Record<string, unknown> }[],
  rules: readonly {
    programId: string;
    code: string;
    question: string;
    adverseAnswer: boolean;
    action: "refer" | "decline";
  }[],
): z.infer<typeof ProgramList> {
  const inForce = new Map<string, { version: string; definition: RateTableJson }>();
  // Latest first per program: the first one seen is the version in force.
  for (const v of versions)
    if (!inForce.has(v.programId))
      inForce.set(v.programId, { version: v.version, definition: v.definition as RateTableJson });
  return {
    data: rows.map(({ program, carrierName }) => {
      const table = inForce.get(program.id);
      return {
        id: program.id,
        name: program.name,
        lineOfBusiness: program.lineOfBusiness,
        carrier: carrierName,
        states: program.states,
        installmentPlans: program.installmentPlans,
        quoteValidDays: program.quoteValidDays,
        minimumPremium: program.minimumPremiumCents,
        rateTableVersion: table?.version ?? null,
        offeredLimits: (table?.definition.increasedLimitFactors ?? []).map((f) => ({
          occurrence: f.occurrenceLimit,
          aggregate: f.aggregateLimit,
        })),
        offeredDeductibles: (table?.definition.deductibleCredits ?? []).map((d) => d.deductible),
        knockoutQuestions: rules
          .filter((r) => r.programId === program.id)
          .map((r) => ({ code: r.code, question: r.question, safeAnswer: !r.adverseAnswer, otherwise: r.action })),
      };
    }),
  };
}
