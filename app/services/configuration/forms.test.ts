import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { presentPrograms } from "../api/programs.ts";
import { DEMO_GL_RATE_TABLE } from "../rating/demo-rate-tables.ts";
import { affiliationProblem } from "./affiliation.ts";
import { DaAgreementTermsSchema, fractionToPercent, ProgramFormSchema } from "./forms.ts";
import { bucketOf, IMPACT_BUCKETS } from "./rate-impact.ts";

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries))
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const program = {
  intent: "save",
  name: "Artisan Trades GL",
  lineOfBusiness: "GL",
  carrierId: "car_granite",
  states: "ok, TX tx",
  installmentPlans: ["PIF", "QUARTERLY"],
  autoBindPremium: "25,000",
  defaultCommission: "12.5",
  minimumPremium: "750.50",
  quoteValidDays: "30",
};

describe("the program form", () => {
  it("reads dollars as cents, a percentage as an exact fraction, and states as codes", () => {
    const result = parseWithZod(
      form({
        ...program,
        "questions[0].code": "gl_roofing",
        "questions[0].question": "Does the insured do roofing work?",
        "questions[0].safeAnswer": "no",
        "questions[0].action": "decline",
        "questions[0].reasonCode": "risk_quality",
        "questions[1].code": "",
        "questions[1].question": "",
        "questions[1].safeAnswer": "no",
        "questions[1].action": "refer",
        "questions[1].reasonCode": "risk_quality",
      }),
      { schema: ProgramFormSchema },
    );
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toEqual({
      terms: {
        name: "Artisan Trades GL",
        lineOfBusiness: "GL",
        carrierId: "car_granite",
        states: ["OK", "TX"],
        installmentPlans: ["PIF", "QUARTERLY"],
        autoBindPremiumCents: 2_500_000,
        defaultCommissionRate: "0.1250",
        minimumPremiumCents: 75_050,
        quoteValidDays: 30,
      },
      questions: [
        {
          code: "GL_ROOFING",
          question: "Does the insured do roofing work?",
          adverseAnswer: true,
          action: "decline",
          reasonCode: "risk_quality",
        },
      ],
    });
  });

  it("names each wrong field; once the fields are right, a question code used twice", () => {
    const question = {
      question: "Any open OSHA citations?",
      safeAnswer: "no",
      action: "refer",
      reasonCode: "risk_quality",
    };
    const result = parseWithZod(
      form({
        ...program,
        states: "TX, Texas",
        defaultCommission: "12.555",
        ...Object.fromEntries(Object.entries(question).map(([k, v]) => [`questions[0].${k}`, v])),
        "questions[0].code": "WC_OSHA",
        ...Object.fromEntries(Object.entries(question).map(([k, v]) => [`questions[1].${k}`, v])),
        "questions[1].code": "WC_OSHA",
      }),
      { schema: ProgramFormSchema },
    );
    expect(result.status).toBe("error");
    expect(result.reply().error).toEqual({
      states: ["States: TEXAS is not a state code"],
      defaultCommission: ["The default commission has at most two decimals"],
    });
    const fixed = new FormData();
    for (const [key, value] of [...form(program).entries()]) fixed.append(key, value);
    for (const i of [0, 1]) {
      for (const [k, v] of Object.entries({ ...question, code: "WC_OSHA" })) fixed.append(`questions[${i}].${k}`, v);
    }
    expect(parseWithZod(fixed, { schema: ProgramFormSchema }).reply().error).toEqual({
      questions: ["Question code WC_OSHA is used twice"],
    });
  });

  it("shows a stored fraction back as the percentage typed", () => {
    expect(["0.1250", "0.15", "0.0075", "1"].map(fractionToPercent)).toEqual(["12.5", "15", "0.75", "100"]);
  });
});

describe("the DA agreement terms", () => {
  const terms = {
    reference: "GM-DA-2027",
    effectiveDate: "2027-01-01",
    expirationDate: "2027-12-31",
    maxOccurrenceLimit: "1,000,000",
    maxAggregateLimit: "2,000,000",
    maxPremiumPerPolicy: "50,000",
    authorizedStates: "",
    excludedStates: "NY",
    authorizedNaicsCodes: "",
    excludedNaicsCodes: "2381",
    naicsVintage: "2022",
    annualGwpLimit: "5,000,000",
    quarterlyGwpLimit: "",
    maxPoliciesPerInsured: "1",
    maxInsuredRevenue: "",
    allowedTermsMonths: ["12", "6"],
    minYearsInBusiness: "",
    referRevenueOver: "10,000,000",
    referPriorLossesOver: "",
    referClassCodes: "",
    referStates: "",
  };

  it("reads every term, optional ones as null and empty lists as 'all'", () => {
    const result = parseWithZod(form(terms), { schema: DaAgreementTermsSchema });
    expect(result.status === "success" && result.value).toEqual({
      reference: "GM-DA-2027",
      effectiveDate: "2027-01-01",
      expirationDate: "2027-12-31",
      maxOccurrenceLimitCents: 100_000_000,
      maxAggregateLimitCents: 200_000_000,
      maxPremiumPerPolicyCents: 5_000_000,
      authorizedStates: [],
      excludedStates: ["NY"],
      authorizedNaicsCodes: [],
      excludedNaicsCodes: ["2381"],
      naicsVintage: 2022,
      annualGwpLimitCents: 500_000_000,
      quarterlyGwpLimitCents: null,
      maxPoliciesPerInsured: 1,
      maxInsuredRevenueCents: null,
      allowedTermsMonths: [6, 12],
      minYearsInBusiness: null,
      referralTriggers: { revenueOverCents: 1_000_000_000 },
    });
  });

  it("refuses terms that contradict each other", () => {
    const result = parseWithZod(
      form({
        ...terms,
        expirationDate: "2026-12-31",
        maxAggregateLimit: "500,000",
        authorizedStates: "NY, TX",
        quarterlyGwpLimit: "6,000,000",
      }),
      { schema: DaAgreementTermsSchema },
    );
    expect(result.reply().error).toEqual({
      expirationDate: ["The expiration date must be after the effective date"],
      maxAggregateLimit: ["The aggregate limit cannot be below the occurrence limit"],
      excludedStates: ["NY cannot be both authorized and excluded"],
      quarterlyGwpLimit: ["The quarterly GWP limit cannot exceed the annual one"],
    });
  });
});

describe("whom an invitee acts for", () => {
  const none = { agencyId: null, insuredId: null, carrierId: null };
  it("requires the party the role works for, and only that one", () => {
    expect(affiliationProblem(["producer"], none)?.field).toBe("agencyId");
    expect(affiliationProblem(["policyholder"], { ...none, insuredId: "ins_1" })).toBeNull();
    expect(affiliationProblem(["carrier_user"], { ...none, agencyId: "agy_1" })?.message).toBe(
      "Choose the carrier this user works for",
    );
    expect(affiliationProblem(["underwriter"], { ...none, agencyId: "agy_1" })?.message).toBe(
      "Only producers and agency admins act for an agency",
    );
    expect(affiliationProblem(["producer"], { ...none, agencyId: "agy_1", carrierId: "car_1" })?.message).toBe(
      "Choose one agency, insured or carrier, not several",
    );
    expect(affiliationProblem(["finance_analyst"], none)).toBeNull();
  });
});

describe("rate impact buckets", () => {
  it("puts each change in its bucket, bounds inclusive on the side of no change", () => {
    const label = (current: number, next: number) => IMPACT_BUCKETS[bucketOf(current, next)]!.label;
    expect(label(10_000, 10_000)).toBe("no change");
    expect(label(10_000, 10_500)).toBe("0 to +5%");
    expect(label(10_000, 10_501)).toBe("+5 to +10%");
    expect(label(10_000, 12_001)).toBe("+20% or more");
    expect(label(10_000, 9_500)).toBe("−5 to 0%");
    expect(label(10_000, 9_499)).toBe("−10 to −5%");
    expect(label(10_000, 7_999)).toBe("−20% or more");
  });
});

describe("GET /v1/programs", () => {
  it("offers the limits and deductibles of the version in force and the questions with their safe answer", () => {
    const listed = presentPrograms(
      [
        {
          program: {
            id: "prg_gl",
            name: "Main Street GL",
            lineOfBusiness: "GL",
            states: ["TX"],
            installmentPlans: ["PIF"],
            quoteValidDays: 30,
            minimumPremiumCents: 75_000,
          },
          carrierName: "Granite Mutual",
        },
      ],
      [
        {
          programId: "prg_gl",
          version: "2027.1",
          definition: {
            ...DEMO_GL_RATE_TABLE,
            increasedLimitFactors: DEMO_GL_RATE_TABLE.increasedLimitFactors.slice(0, 1),
          },
        },
        {
          programId: "prg_gl",
          version: "2026.1",
          definition: DEMO_GL_RATE_TABLE as unknown as Record<string, unknown>,
        },
      ],
      [{ programId: "prg_gl", code: "GL_ROOF", question: "Roofing?", adverseAnswer: true, action: "decline" }],
    );
    expect(listed.data[0]).toMatchObject({
      rateTableVersion: "2027.1",
      offeredLimits: [{ occurrence: 50_000_000, aggregate: 100_000_000 }],
      offeredDeductibles: [0, 100_000, 250_000, 500_000, 1_000_000, 2_500_000],
      knockoutQuestions: [{ code: "GL_ROOF", question: "Roofing?", safeAnswer: false, otherwise: "decline" }],
    });
  });
});
