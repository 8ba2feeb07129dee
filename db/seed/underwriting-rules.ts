import type * as schema from "../schema/index.ts";
import { ORG_A, ORG_B } from "./demo-data.ts";

type Rule = Omit<typeof schema.underwritingRules.$inferInsert, "id" | "orgId" | "programId" | "position" | "createdAt">;

// Knockout questions drawn from the MGA's underwriting guidelines: the hard declines (explosives,
// cannabis, environmental remediation, residential construction as primary operation) decline;
// the rest refer to an underwriter.
const GL_RULES: Rule[] = [
  {
    code: "GL_PRIOR_CANCELLATION",
    question:
      "Has any insurer cancelled, declined or non-renewed the insured's general liability coverage in the past 3 years?",
    adverseAnswer: true,
    action: "refer",
    reasonCode: "risk_quality",
  },
  {
    code: "GL_HAZARDOUS_OPERATIONS",
    question: "Does the insured perform blasting, demolition, crane work, or work above three stories?",
    adverseAnswer: true,
    action: "refer",
    reasonCode: "appetite_check",
  },
  {
    code: "GL_RESIDENTIAL_CONSTRUCTION",
    question: "Is new residential construction (homes, condominiums, townhouses) more than 25% of the insured's work?",
    adverseAnswer: true,
    action: "decline",
    reasonCode: "appetite_check",
  },
  {
    code: "GL_PROHIBITED_PRODUCTS",
    question: "Does the insured make, store or sell fireworks, explosives, ammunition, or cannabis products?",
    adverseAnswer: true,
    action: "decline",
    reasonCode: "appetite_check",
  },
  {
    code: "GL_WRITTEN_SAFETY_PROGRAM",
    question:
      "Does the insured have a written safety program and collect certificates of insurance from every subcontractor?",
    adverseAnswer: false,
    action: "refer",
    reasonCode: "risk_quality",
  },
];

const WC_RULES: Rule[] = [
  {
    code: "WC_OPEN_OSHA_CITATIONS",
    question: "Does the insured have open OSHA citations, or any serious or willful citation in the past 3 years?",
    adverseAnswer: true,
    action: "refer",
    reasonCode: "regulatory",
  },
  {
    code: "WC_PRIOR_CANCELLATION",
    question:
      "Has any carrier cancelled or non-renewed the insured's workers' compensation coverage in the past 3 years?",
    adverseAnswer: true,
    action: "refer",
    reasonCode: "risk_quality",
  },
  {
    code: "WC_WORK_AT_HEIGHT_OR_DEPTH",
    question: "Do employees work more than 30 feet above ground, or in trenches deeper than 15 feet?",
    adverseAnswer: true,
    action: "refer",
    reasonCode: "appetite_check",
  },
  {
    code: "WC_UNINSURED_SUBCONTRACTORS",
    question: "Does the insured use subcontractors without collecting certificates of workers' compensation insurance?",
    adverseAnswer: true,
    action: "refer",
    reasonCode: "financial_condition",
  },
  {
    code: "WC_ENVIRONMENTAL_REMEDIATION",
    question: "Do employees perform asbestos, lead or other environmental remediation?",
    adverseAnswer: true,
    action: "decline",
    reasonCode: "appetite_check",
  },
];

function forProgram(orgId: string, programId: string, prefix: string, rules: Rule[]) {
  return rules.map((rule, position) => ({ ...rule, id: `uwr_${prefix}_${position + 1}`, orgId, programId, position }));
}

export const underwritingRules = [
  ...forProgram(ORG_A.id, "prg_summit_gl", "summit_gl", GL_RULES),
  ...forProgram(ORG_A.id, "prg_summit_wc", "summit_wc", WC_RULES),
  ...forProgram(ORG_B.id, "prg_lake_gl", "lake_gl", GL_RULES),
];
