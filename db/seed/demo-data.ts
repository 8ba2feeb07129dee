// The demo world: two organizations so tenant isolation is visible. Ids are fixed so the seed
// is idempotent and tests can refer to rows by id. Development only.
//
// Dates are relative to the seed's today (db/seed/today.ts), so the demo and the test suites work
// on any date: agreements are in force around today, active policies are in force, the overdue
// invoice is overdue and the future submissions lie ahead. Identifiers that carry a year
// (SUB-2026-0101, SRU-GL-2026-000001, INV-2026-00001, GMIC-DA-2026-014) are fixed labels, matched
// by the seeded sequences, so a bind in any year numbers its policy without a clash.
import { addDays, addMonths } from "../../app/utils/calendar-date.ts";
import { DEFAULT_MGA_COMMISSION_RATE } from "../../app/services/ledger/chart.ts";
import { transactionCommission } from "../../app/services/policies/policy-transactions.ts";
import { buildInstallments, type InstallmentPlan } from "../../app/services/billing/billing-schedule.ts";
import { toCents } from "../../app/utils/money.ts";
import { seedToday } from "./today.ts";

export const DEMO_PASSWORD = "openinsure-demo";
/** Base32 TOTP secret of the demo users who must use two-factor (add it to an authenticator app). */
export const DEMO_TOTP_SECRET = "OPENINSUREDEVTOTPSECRET234567ABC";

export type DemoUser = {
  id: string;
  email: string;
  name: string;
  roles: string[];
  orgId: string | null;
  affiliation?: { agencyId?: string; insuredId?: string; carrierId?: string };
  platformOperator?: boolean;
  totp?: boolean;
};

export const ORG_A = { id: "org_summit", name: "Summit Ridge Underwriters", slug: "summit-ridge" };
export const ORG_B = { id: "org_lakeshore", name: "Lakeshore Specialty MGA", slug: "lakeshore" };

export const carriers = [
  {
    id: "car_granite",
    orgId: ORG_A.id,
    name: "Granite Mutual Insurance Company",
    naicCompanyCode: "23817",
    amBestRating: "A",
  },
  {
    id: "car_northwind",
    orgId: ORG_B.id,
    name: "Northwind Specialty Insurance Co.",
    naicCompanyCode: "41297",
    amBestRating: "A-",
  },
];

function demoAgencies(monthStart: string) {
  return [
    {
      id: "agy_harbor",
      orgId: ORG_A.id,
      name: "Harbor Point Insurance Agency",
      licensedStates: ["TX", "OK", "LA"],
      licenseNumber: "TX-2291834",
      licenseExpiresOn: addDays(addMonths(monthStart, 7), -1),
      commissionRate: "0.1500",
    },
    {
      id: "agy_bluemesa",
      orgId: ORG_A.id,
      name: "Blue Mesa Brokerage",
      licensedStates: ["AZ", "NM", "CO"],
      licenseNumber: "AZ-1187720",
      licenseExpiresOn: addDays(addMonths(monthStart, 2), 14),
      commissionRate: "0.1250",
    },
    {
      id: "agy_dunes",
      orgId: ORG_B.id,
      name: "Dunes & Pines Agency",
      licensedStates: ["MI", "WI"],
      licenseNumber: "MI-0098127",
      licenseExpiresOn: addDays(addMonths(monthStart, 10), -1),
      commissionRate: "0.1200",
    },
  ];
}

export const insureds = [
  {
    id: "ins_lonestar",
    orgId: ORG_A.id,
    agencyId: "agy_harbor",
    name: "Lone Star Roofing LLC",
    naicsCode: "238160",
    addressLine1: "4100 Commerce St",
    city: "Dallas",
    state: "TX",
    postalCode: "75226",
    yearsInBusiness: "12.0",
  },
  {
    id: "ins_bayou",
    orgId: ORG_A.id,
    agencyId: "agy_harbor",
    name: "Bayou Catering Co.",
    naicsCode: "722320",
    addressLine1: "820 Magazine St",
    city: "New Orleans",
    state: "LA",
    postalCode: "70130",
    yearsInBusiness: "7.0",
  },
  {
    id: "ins_redriver",
    orgId: ORG_A.id,
    agencyId: "agy_harbor",
    name: "Red River Landscaping",
    naicsCode: "561730",
    addressLine1: "19 NW 23rd St",
    city: "Oklahoma City",
    state: "OK",
    postalCode: "73103",
    yearsInBusiness: "4.5",
  },
  {
    id: "ins_saguaro",
    orgId: ORG_A.id,
    agencyId: "agy_bluemesa",
    name: "Saguaro Electric Inc.",
    naicsCode: "238210",
    addressLine1: "2250 E Camelback Rd",
    city: "Phoenix",
    state: "AZ",
    postalCode: "85016",
    yearsInBusiness: "18.0",
  },
  {
    id: "ins_highdesert",
    orgId: ORG_A.id,
    agencyId: "agy_bluemesa",
    name: "High Desert Brewing Co.",
    naicsCode: "312120",
    addressLine1: "1 Old Town Plaza",
    city: "Albuquerque",
    state: "NM",
    postalCode: "87104",
    yearsInBusiness: "9.0",
  },
  {
    id: "ins_greatlakes",
    orgId: ORG_B.id,
    agencyId: "agy_dunes",
    name: "Great Lakes Marine Repair",
    naicsCode: "811490",
    addressLine1: "600 Harbor Dr",
    city: "Muskegon",
    state: "MI",
    postalCode: "49440",
    yearsInBusiness: "22.0",
  },
  {
    id: "ins_northwoods",
    orgId: ORG_B.id,
    agencyId: "agy_dunes",
    name: "Northwoods Cabinetry",
    naicsCode: "337110",
    addressLine1: "88 Mill Rd",
    city: "Green Bay",
    state: "WI",
    postalCode: "54301",
    yearsInBusiness: "6.0",
  },
];

export const programs = [
  {
    id: "prg_summit_gl",
    orgId: ORG_A.id,
    carrierId: "car_granite",
    name: "Main Street General Liability",
    lineOfBusiness: "GL" as const,
    states: ["TX", "OK", "LA", "AZ", "NM", "CO"],
    autoBindPremiumCents: 2_500_000,
    defaultCommissionRate: "0.1500",
    quoteValidDays: 30,
    minimumPremiumCents: 75_000,
    installmentPlans: ["PIF", "TWO_PAY", "QUARTERLY"],
    // Issue 12: an insured's cancellation keeps at least a quarter of the written premium.
    minimumEarnedRate: "0.2500",
  },
  {
    id: "prg_summit_wc",
    orgId: ORG_A.id,
    carrierId: "car_granite",
    name: "Trade Contractors Workers' Compensation",
    lineOfBusiness: "WC" as const,
    states: ["TX", "OK", "AZ", "NM"],
    autoBindPremiumCents: 5_000_000,
    defaultCommissionRate: "0.1000",
    quoteValidDays: 30,
    minimumPremiumCents: 100_000,
    installmentPlans: ["PIF", "QUARTERLY", "MONTHLY_10"],
    // ADR 024: contractors' agencies may bill and collect the premium themselves.
    agencyBillAllowed: true,
  },
  {
    id: "prg_lake_gl",
    orgId: ORG_B.id,
    carrierId: "car_northwind",
    name: "Great Lakes Artisan GL",
    lineOfBusiness: "GL" as const,
    states: ["MI", "WI"],
    autoBindPremiumCents: 1_500_000,
    defaultCommissionRate: "0.1200",
    quoteValidDays: 45,
    minimumPremiumCents: 50_000,
    installmentPlans: ["PIF", "TWO_PAY"],
  },
];

// Bind enforces max policies per insured; the demo and its journeys bind the same few insureds
// again and again (one policy per location), so the demo agreements allow 25. Tests of the limit
// write an agreement of their own.
const daBase = {
  status: "active" as const,
  excludedStates: [] as string[],
  authorizedNaicsCodes: [] as string[],
  naicsVintage: 2022,
  maxPoliciesPerInsured: 25,
  allowedTermsMonths: [12],
  quarterlyGwpLimitCents: null,
  minYearsInBusiness: null,
};

function demoDaAgreements(monthStart: string) {
  const summitFrom = addMonths(monthStart, -6);
  const lakeFrom = addMonths(monthStart, -3);
  const summitTo = addDays(addMonths(summitFrom, 12), -1);
  const lakeTo = addDays(addMonths(lakeFrom, 12), -1);
  return [
    {
      ...daBase,
      id: "da_summit_gl",
      orgId: ORG_A.id,
      carrierId: "car_granite",
      programId: "prg_summit_gl",
      reference: "GMIC-DA-2026-014",
      effectiveDate: summitFrom,
      expirationDate: summitTo,
      maxOccurrenceLimitCents: 200_000_000,
      maxAggregateLimitCents: 400_000_000,
      maxPremiumPerPolicyCents: 15_000_000,
      authorizedStates: ["TX", "OK", "LA", "AZ", "NM", "CO"],
      excludedNaicsCodes: ["324110", "486110"],
      annualGwpLimitCents: 1_500_000_000,
      boundGwpCents: 1_842_200,
      maxInsuredRevenueCents: 5_000_000_000,
      minYearsInBusiness: 2,
      referralTriggers: { revenueOverCents: 2_500_000_000, priorLossesOver: 2, classCodes: ["238160"], states: ["LA"] },
    },
    {
      ...daBase,
      id: "da_summit_wc",
      orgId: ORG_A.id,
      carrierId: "car_granite",
      programId: "prg_summit_wc",
      reference: "GMIC-DA-2026-015",
      effectiveDate: summitFrom,
      expirationDate: summitTo,
      maxOccurrenceLimitCents: 100_000_000,
      maxAggregateLimitCents: 100_000_000,
      maxPremiumPerPolicyCents: 25_000_000,
      authorizedStates: ["TX", "OK", "AZ", "NM"],
      excludedNaicsCodes: ["238160"],
      annualGwpLimitCents: 2_000_000_000,
      boundGwpCents: 2_615_000,
      maxInsuredRevenueCents: null,
      referralTriggers: { priorLossesOver: 1 },
    },
    {
      ...daBase,
      id: "da_lake_gl",
      orgId: ORG_B.id,
      carrierId: "car_northwind",
      programId: "prg_lake_gl",
      reference: "NWS-MGA-0921",
      effectiveDate: lakeFrom,
      expirationDate: lakeTo,
      maxOccurrenceLimitCents: 100_000_000,
      maxAggregateLimitCents: 200_000_000,
      maxPremiumPerPolicyCents: 5_000_000,
      authorizedStates: ["MI", "WI"],
      excludedNaicsCodes: [],
      annualGwpLimitCents: 500_000_000,
      boundGwpCents: 412_500,
      maxInsuredRevenueCents: null,
      referralTriggers: { revenueOverCents: 1_000_000_000 },
    },
  ];
}

export const users: DemoUser[] = [
  {
    id: "usr_operator",
    email: "operator@openinsure.demo",
    name: "Pat Operator",
    roles: [],
    orgId: null,
    platformOperator: true,
    totp: true,
  },
  {
    id: "usr_a_admin",
    email: "admin@summit.demo",
    name: "Alicia Admin",
    roles: ["org_admin"],
    orgId: ORG_A.id,
    totp: true,
  },
  { id: "usr_a_uw", email: "underwriter@summit.demo", name: "Uma Underwood", roles: ["underwriter"], orgId: ORG_A.id },
  {
    id: "usr_a_suw",
    email: "senior.underwriter@summit.demo",
    name: "Sam Senior",
    roles: ["senior_underwriter"],
    orgId: ORG_A.id,
  },
  {
    id: "usr_a_producer",
    email: "producer@summit.demo",
    name: "Priya Producer",
    roles: ["producer"],
    orgId: ORG_A.id,
    affiliation: { agencyId: "agy_harbor" },
  },
  {
    id: "usr_a_agency",
    email: "agency.admin@summit.demo",
    name: "Ari Agency",
    roles: ["agency_admin"],
    orgId: ORG_A.id,
    affiliation: { agencyId: "agy_bluemesa" },
  },
  {
    id: "usr_a_adjuster",
    email: "adjuster@summit.demo",
    name: "Ada Adjuster",
    roles: ["claims_adjuster"],
    orgId: ORG_A.id,
  },
  {
    id: "usr_a_claimsup",
    email: "claims.supervisor@summit.demo",
    name: "Cole Supervisor",
    roles: ["claims_supervisor"],
    orgId: ORG_A.id,
  },
  {
    id: "usr_a_finance",
    email: "finance@summit.demo",
    name: "Fiona Finance",
    roles: ["finance_analyst"],
    orgId: ORG_A.id,
  },
  {
    id: "usr_a_compliance",
    email: "compliance@summit.demo",
    name: "Cory Compliance",
    roles: ["compliance_officer"],
    orgId: ORG_A.id,
  },
  {
    id: "usr_a_carrier",
    email: "carrier@summit.demo",
    name: "Carla Carrier",
    roles: ["carrier_user"],
    orgId: ORG_A.id,
    affiliation: { carrierId: "car_granite" },
  },
  {
    id: "usr_a_holder",
    email: "policyholder@summit.demo",
    name: "Hank Holder",
    roles: ["policyholder"],
    orgId: ORG_A.id,
    affiliation: { insuredId: "ins_lonestar" },
  },
  {
    id: "usr_a_multi",
    email: "ops@summit.demo",
    name: "Omar Ops",
    roles: ["underwriter", "finance_analyst"],
    orgId: ORG_A.id,
  },
  {
    id: "usr_b_admin",
    email: "admin@lakeshore.demo",
    name: "Lena Lakeshore",
    roles: ["org_admin"],
    orgId: ORG_B.id,
    totp: true,
  },
  { id: "usr_b_uw", email: "underwriter@lakeshore.demo", name: "Ulrich Wave", roles: ["underwriter"], orgId: ORG_B.id },
  {
    id: "usr_b_producer",
    email: "producer@lakeshore.demo",
    name: "Paula Pines",
    roles: ["producer"],
    orgId: ORG_B.id,
    affiliation: { agencyId: "agy_dunes" },
  },
  {
    id: "usr_b_adjuster",
    email: "adjuster@lakeshore.demo",
    name: "Abe Anchor",
    roles: ["claims_adjuster", "claims_supervisor"],
    orgId: ORG_B.id,
  },
  {
    id: "usr_b_finance",
    email: "finance@lakeshore.demo",
    name: "Fern Ledger",
    roles: ["finance_analyst"],
    orgId: ORG_B.id,
  },
  {
    id: "usr_b_carrier",
    email: "carrier@lakeshore.demo",
    name: "Cal Northwind",
    roles: ["carrier_user"],
    orgId: ORG_B.id,
    affiliation: { carrierId: "car_northwind" },
  },
  {
    id: "usr_b_holder",
    email: "policyholder@lakeshore.demo",
    name: "Gil Greatlakes",
    roles: ["policyholder"],
    orgId: ORG_B.id,
    affiliation: { insuredId: "ins_greatlakes" },
  },
];

type SubmissionSeed = {
  id: string;
  orgId: string;
  reference: string;
  agencyId: string;
  producerUserId: string;
  insuredId: string;
  programId: string;
  lineOfBusiness: "GL" | "WC";
  state: string;
  naicsCode: string;
  annualRevenueCents: number | null;
  payrollCents: number | null;
  requestedLimitCents: number;
  deductibleCents: number;
  effectiveDate: string;
  termMonths: number;
  status: "draft" | "submitted" | "in_review" | "quoted" | "bound" | "referred" | "declined" | "withdrawn";
  indicatedPremiumCents: number | null;
};

function demoSubmissions(today: string, policyStart: Record<string, string>): SubmissionSeed[] {
  return [
    {
      id: "sub_a_1",
      orgId: ORG_A.id,
      reference: "SUB-2026-0101",
      agencyId: "agy_harbor",
      producerUserId: "usr_a_producer",
      insuredId: "ins_lonestar",
      programId: "prg_summit_gl",
      lineOfBusiness: "GL",
      state: "TX",
      naicsCode: "238160",
      annualRevenueCents: 480_000_000,
      payrollCents: null,
      requestedLimitCents: 100_000_000,
      deductibleCents: 250_000,
      effectiveDate: policyStart.pol_a_1!,
      termMonths: 12,
      status: "bound",
      indicatedPremiumCents: 2_199_720,
    },
    {
      id: "sub_a_2",
      orgId: ORG_A.id,
      reference: "SUB-2026-0102",
      agencyId: "agy_harbor",
      producerUserId: "usr_a_producer",
      insuredId: "ins_bayou",
      programId: "prg_summit_gl",
      lineOfBusiness: "GL",
      state: "LA",
      naicsCode: "722320",
      annualRevenueCents: 210_000_000,
      payrollCents: null,
      requestedLimitCents: 100_000_000,
      deductibleCents: 100_000,
      effectiveDate: addDays(today, 12),
      termMonths: 12,
      status: "referred",
      indicatedPremiumCents: 336_174,
    },
    {
      id: "sub_a_3",
      orgId: ORG_A.id,
      reference: "SUB-2026-0103",
      agencyId: "agy_harbor",
      producerUserId: "usr_a_producer",
      insuredId: "ins_redriver",
      programId: "prg_summit_wc",
      lineOfBusiness: "WC",
      state: "OK",
      naicsCode: "561730",
      annualRevenueCents: null,
      payrollCents: 96_000_000,
      requestedLimitCents: 100_000_000,
      deductibleCents: 0,
      effectiveDate: addDays(today, 21),
      termMonths: 12,
      status: "submitted",
      indicatedPremiumCents: 4_215_994,
    },
    {
      id: "sub_a_4",
      orgId: ORG_A.id,
      reference: "SUB-2026-0104",
      agencyId: "agy_bluemesa",
      producerUserId: "usr_a_agency",
      insuredId: "ins_saguaro",
      programId: "prg_summit_wc",
      lineOfBusiness: "WC",
      state: "AZ",
      naicsCode: "238210",
      annualRevenueCents: null,
      payrollCents: 95_000_000,
      requestedLimitCents: 100_000_000,
      deductibleCents: 0,
      effectiveDate: policyStart.pol_a_2!,
      termMonths: 12,
      status: "bound",
      indicatedPremiumCents: 2_613_279,
    },
    {
      id: "sub_a_5",
      orgId: ORG_A.id,
      reference: "SUB-2026-0105",
      agencyId: "agy_bluemesa",
      producerUserId: "usr_a_agency",
      insuredId: "ins_highdesert",
      programId: "prg_summit_gl",
      lineOfBusiness: "GL",
      state: "NM",
      naicsCode: "312120",
      annualRevenueCents: 365_000_000,
      payrollCents: null,
      requestedLimitCents: 200_000_000,
      deductibleCents: 500_000,
      effectiveDate: addDays(today, 29),
      termMonths: 12,
      status: "in_review",
      indicatedPremiumCents: null,
    },
    {
      id: "sub_a_6",
      orgId: ORG_A.id,
      reference: "SUB-2026-0106",
      agencyId: "agy_bluemesa",
      producerUserId: "usr_a_agency",
      insuredId: "ins_highdesert",
      programId: "prg_summit_gl",
      lineOfBusiness: "GL",
      state: "NM",
      naicsCode: "312120",
      annualRevenueCents: 365_000_000,
      payrollCents: null,
      requestedLimitCents: 100_000_000,
      deductibleCents: 250_000,
      effectiveDate: addDays(today, 17),
      termMonths: 12,
      status: "quoted",
      indicatedPremiumCents: 619_804,
    },
    {
      id: "sub_a_7",
      orgId: ORG_A.id,
      reference: "SUB-2026-0107",
      agencyId: "agy_harbor",
      producerUserId: "usr_a_producer",
      insuredId: "ins_bayou",
      programId: "prg_summit_gl",
      lineOfBusiness: "GL",
      state: "LA",
      naicsCode: "722320",
      annualRevenueCents: 210_000_000,
      payrollCents: null,
      requestedLimitCents: 100_000_000,
      deductibleCents: 100_000,
      effectiveDate: addDays(today, 12),
      termMonths: 12,
      status: "draft",
      indicatedPremiumCents: null,
    },
    {
      id: "sub_b_1",
      orgId: ORG_B.id,
      reference: "SUB-2026-0101",
      agencyId: "agy_dunes",
      producerUserId: "usr_b_producer",
      insuredId: "ins_greatlakes",
      programId: "prg_lake_gl",
      lineOfBusiness: "GL",
      state: "MI",
      naicsCode: "811490",
      annualRevenueCents: 150_000_000,
      payrollCents: null,
      requestedLimitCents: 100_000_000,
      deductibleCents: 100_000,
      effectiveDate: policyStart.pol_b_1!,
      termMonths: 12,
      status: "bound",
      indicatedPremiumCents: 276_507,
    },
    {
      id: "sub_b_2",
      orgId: ORG_B.id,
      reference: "SUB-2026-0102",
      agencyId: "agy_dunes",
      producerUserId: "usr_b_producer",
      insuredId: "ins_northwoods",
      programId: "prg_lake_gl",
      lineOfBusiness: "GL",
      state: "WI",
      naicsCode: "337110",
      annualRevenueCents: 88_000_000,
      payrollCents: null,
      requestedLimitCents: 100_000_000,
      deductibleCents: 100_000,
      effectiveDate: addDays(today, 7),
      termMonths: 12,
      status: "submitted",
      indicatedPremiumCents: 130_954,
    },
  ];
}

/** Each seeded policy's new-business transaction, booked on its effective date. */
function demoNewBusiness(seeded: ReturnType<typeof demoPolicies>, seededAgencies: ReturnType<typeof demoAgencies>) {
  return seeded.map((policy) => {
    const rates = {
      producerCommissionRate: seededAgencies.find((a) => a.id === policy.agencyId)!.commissionRate,
      mgaCommissionRate: DEFAULT_MGA_COMMISSION_RATE,
    };
    return {
      id: `ptx_${policy.id}_1`,
      orgId: policy.orgId,
      policyId: policy.id,
      sequence: 1,
      type: "new_business" as const,
      effectiveDate: policy.effectiveDate,
      bookedOn: policy.effectiveDate,
      premiumCents: policy.grossPremiumCents,
      feesCents: policy.feesCents,
      taxesCents: policy.taxesCents,
      ...rates,
      ...transactionCommission({ premiumCents: policy.grossPremiumCents, ...rates }),
    };
  });
}

/**
 * What a bound policy keeps of its bind: the quote option it was bound from (the seeded bound
 * quotes in db/seed/quotes.ts, whose rating gives the premium, fees and taxes written here; the
 * seed's tests hold them equal), the payment plan chosen and who bound it.
 */
function boundOption(quoteOptionId: string, installmentPlan: InstallmentPlan, boundByUserId: string) {
  return { quoteOptionId, installmentPlan: installmentPlan as InstallmentPlan | null, boundByUserId };
}

function demoPolicies(start: Record<string, string>) {
  const end = (id: string) => addMonths(start[id]!, 12);
  return [
    {
      id: "pol_a_1",
      orgId: ORG_A.id,
      policyNumber: "SRU-GL-2026-000001",
      submissionId: "sub_a_1",
      insuredId: "ins_lonestar",
      agencyId: "agy_harbor",
      programId: "prg_summit_gl",
      carrierId: "car_granite",
      lineOfBusiness: "GL" as const,
      state: "TX",
      status: "active" as const,
      effectiveDate: start.pol_a_1!,
      expirationDate: end("pol_a_1"),
      ...boundOption("qop_sub_a_1_1", "QUARTERLY", "usr_a_producer"),
      occurrenceLimitCents: 100_000_000,
      aggregateLimitCents: 200_000_000,
      deductibleCents: 250_000,
      grossPremiumCents: 2_315_495,
      feesCents: 15_000,
      taxesCents: 113_961,
    },
    {
      id: "pol_a_2",
      orgId: ORG_A.id,
      policyNumber: "SRU-WC-2026-000002",
      submissionId: "sub_a_4",
      insuredId: "ins_saguaro",
      agencyId: "agy_bluemesa",
      programId: "prg_summit_wc",
      carrierId: "car_granite",
      lineOfBusiness: "WC" as const,
      state: "AZ",
      status: "active" as const,
      effectiveDate: start.pol_a_2!,
      expirationDate: end("pol_a_2"),
      ...boundOption("qop_sub_a_4_0", "PIF", "usr_a_agency"),
      occurrenceLimitCents: 100_000_000,
      aggregateLimitCents: 100_000_000,
      deductibleCents: 0,
      grossPremiumCents: 2_613_279,
      feesCents: 0,
      taxesCents: 0,
    },
    {
      id: "pol_a_3",
      orgId: ORG_A.id,
      policyNumber: "SRU-GL-2025-000417",
      submissionId: null,
      insuredId: "ins_highdesert",
      agencyId: "agy_bluemesa",
      programId: "prg_summit_gl",
      carrierId: "car_granite",
      lineOfBusiness: "GL" as const,
      state: "NM",
      status: "expired" as const,
      effectiveDate: start.pol_a_3!,
      expirationDate: end("pol_a_3"),
      // The prior term, written before the demo's rate tables and before quotes were kept: no
      // quote, plan or limits on record, only what its declarations said.
      quoteOptionId: null,
      installmentPlan: null,
      boundByUserId: null,
      occurrenceLimitCents: null,
      aggregateLimitCents: null,
      deductibleCents: null,
      grossPremiumCents: 571_200,
      feesCents: 25_000,
      taxesCents: 21_420,
    },
    {
      id: "pol_b_1",
      orgId: ORG_B.id,
      policyNumber: "LSM-GL-2026-000001",
      submissionId: "sub_b_1",
      insuredId: "ins_greatlakes",
      agencyId: "agy_dunes",
      programId: "prg_lake_gl",
      carrierId: "car_northwind",
      lineOfBusiness: "GL" as const,
      state: "MI",
      status: "active" as const,
      effectiveDate: start.pol_b_1!,
      expirationDate: end("pol_b_1"),
      ...boundOption("qop_sub_b_1_1", "TWO_PAY", "usr_b_producer"),
      occurrenceLimitCents: 100_000_000,
      aggregateLimitCents: 200_000_000,
      deductibleCents: 100_000,
      grossPremiumCents: 291_060,
      feesCents: 15_000,
      taxesCents: 6_274,
    },
  ];
}

// Each bound policy's billing schedule as the bind built it from its plan and total (premium, fees
// and taxes), with the invoices it has had: pol_a_1 pays quarterly, two installments paid, the
// third overdue, the fourth invoiced and not yet due; pol_a_2 paid in full; pol_b_1 pays in two,
// the first paid, the second invoiced.
const SEEDED_INVOICES: Record<
  string,
  { id: string; invoiceNumber: string; status: "paid" | "overdue" | "invoiced" }[]
> = {
  pol_a_1: [
    { id: "inv_a_1", invoiceNumber: "INV-2026-00001", status: "paid" },
    { id: "inv_a_2", invoiceNumber: "INV-2026-00002", status: "paid" },
    { id: "inv_a_3", invoiceNumber: "INV-2026-00003", status: "overdue" },
    { id: "inv_a_4", invoiceNumber: "INV-2026-00004", status: "invoiced" },
  ],
  pol_a_2: [{ id: "inv_a_5", invoiceNumber: "INV-2026-00005", status: "paid" }],
  pol_b_1: [
    { id: "inv_b_1", invoiceNumber: "INV-2026-00001", status: "paid" },
    { id: "inv_b_2", invoiceNumber: "INV-2026-00002", status: "invoiced" },
  ],
};

function demoBilling(seeded: ReturnType<typeof demoPolicies>) {
  const schedules = seeded.flatMap((policy) => {
    const billed = SEEDED_INVOICES[policy.id];
    if (!billed || !policy.installmentPlan) return [];
    const schedule = buildInstallments(policy.installmentPlan, {
      totalCents: toCents(policy.grossPremiumCents + policy.feesCents + policy.taxesCents),
      effectiveDate: policy.effectiveDate,
    });
    if (schedule.length !== billed.length) throw new Error(`Seeded invoices of ${policy.id} do not match its plan`);
    return schedule.map((installment, i) => ({ policy, installment, invoice: billed[i]! }));
  });
  return {
    invoices: schedules.map(({ policy, installment, invoice }) => ({
      id: invoice.id,
      orgId: policy.orgId,
      invoiceNumber: invoice.invoiceNumber,
      policyId: policy.id,
      dueDate: installment.dueDate,
      amountCents: installment.amountCents,
      status: invoice.status,
    })),
    installments: schedules.map(({ policy, installment, invoice }) => ({
      id: `ins_${invoice.id}`,
      orgId: policy.orgId,
      policyId: policy.id,
      number: installment.number,
      dueDate: installment.dueDate,
      shareCents: installment.shareCents,
      feeCents: installment.feeCents,
      amountCents: installment.amountCents,
      status: invoice.status,
      invoiceId: invoice.id,
    })),
  };
}

function demoClaims(today: string) {
  const daysAgo = (days: number) => addDays(today, -days);
  return [
    {
      id: "clm_a_1",
      orgId: ORG_A.id,
      claimNumber: "CLM-2026-00011",
      policyId: "pol_a_1",
      status: "reserved" as const,
      dateOfLoss: daysAgo(142),
      reportedOn: daysAgo(140),
      lossType: "Third-party property damage",
      assignedAdjusterId: "usr_a_adjuster",
      caseReserveCents: 1_850_000,
      paidCents: 0,
      lossState: "TX",
      channel: "adjuster" as const,
      reporterName: "Demo reporter",
      description: "Seeded demo claim.",
      indemnityReserveCents: 1_850_000,
      paidIndemnityCents: 0,
    },
    {
      id: "clm_a_2",
      orgId: ORG_A.id,
      claimNumber: "CLM-2026-00012",
      policyId: "pol_a_2",
      status: "investigating" as const,
      dateOfLoss: daysAgo(92),
      reportedOn: daysAgo(91),
      lossType: "Employee injury: fall from ladder",
      assignedAdjusterId: "usr_a_adjuster",
      caseReserveCents: 4_200_000,
      paidCents: 315_000,
      lossState: "AZ",
      channel: "adjuster" as const,
      reporterName: "Demo reporter",
      description: "Seeded demo claim.",
      indemnityReserveCents: 4_200_000,
      paidIndemnityCents: 315_000,
    },
    {
      id: "clm_a_3",
      orgId: ORG_A.id,
      claimNumber: "CLM-2026-00013",
      policyId: "pol_a_1",
      status: "open" as const,
      dateOfLoss: daysAgo(36),
      reportedOn: daysAgo(31),
      lossType: "Bodily injury: customer slip",
      assignedAdjusterId: null,
      caseReserveCents: 0,
      paidCents: 0,
      lossState: "TX",
      channel: "adjuster" as const,
      reporterName: "Demo reporter",
      description: "Seeded demo claim.",
      indemnityReserveCents: 0,
      paidIndemnityCents: 0,
    },
    {
      id: "clm_b_1",
      orgId: ORG_B.id,
      claimNumber: "CLM-2026-00001",
      policyId: "pol_b_1",
      status: "open" as const,
      dateOfLoss: daysAgo(106),
      reportedOn: daysAgo(105),
      lossType: "Completed operations: hull damage",
      assignedAdjusterId: "usr_b_adjuster",
      caseReserveCents: 950_000,
      paidCents: 0,
      lossState: "MI",
      channel: "adjuster" as const,
      reporterName: "Demo reporter",
      description: "Seeded demo claim.",
      indemnityReserveCents: 950_000,
      paidIndemnityCents: 0,
    },
  ];
}

/**
 * Every dated row of the demo world, laid out around `today` (YYYY-MM-DD). Pure, so a test can
 * build the world for any date and check that it holds together.
 */
export function demoWorld(today: string) {
  const monthStart = `${today.slice(0, 7)}-01`;
  // Policies start on the first of a month, far enough back that their installments fall as the
  // demo shows them (see demoBilling); pol_a_3 expired about a year ago.
  const policyStart: Record<string, string> = {
    pol_a_1: addMonths(monthStart, -8),
    pol_a_2: addMonths(monthStart, -7),
    pol_a_3: addMonths(monthStart, -23),
    pol_b_1: addMonths(monthStart, -5),
  };
  const quoteCreatedOn = addDays(today, -53);
  return {
    today,
    agencies: demoAgencies(monthStart),
    daAgreements: demoDaAgreements(monthStart),
    submissions: demoSubmissions(today, policyStart),
    /** When the seeded submissions (all but drafts) were submitted. */
    submittedAt: new Date(`${addDays(today, -60)}T15:00:00Z`),
    policies: demoPolicies(policyStart),
    policyTransactions: demoNewBusiness(demoPolicies(policyStart), demoAgencies(monthStart)),
    ...demoBilling(demoPolicies(policyStart)),
    claims: demoClaims(today),
    /** The seeded quotes: created 53 days ago (after the submissions), valid 30 days, so expired; the demo shows that. */
    quotes: { createdAt: new Date(`${quoteCreatedOn}T15:00:00Z`), expiresOn: addDays(quoteCreatedOn, 30) },
    /** A referred submission's quote: made two days ago and still current, so the referral can be decided and bound. */
    referredQuotes: { createdAt: new Date(`${addDays(today, -2)}T15:00:00Z`), expiresOn: addDays(today, 28) },
    /**
     * A bound submission's story before its policy: submitted a month before the effective date,
     * quoted (and any referral raised) a week later, the referral approved the next day, bound on
     * the effective date while the quote was still current.
     */
    boundHistory: (effectiveDate: string) => {
      const quotedOn = addDays(effectiveDate, -21);
      return {
        submittedAt: new Date(`${addDays(effectiveDate, -30)}T15:00:00Z`),
        quotedOn,
        quotedAt: new Date(`${quotedOn}T15:00:00Z`),
        referralDecidedAt: new Date(`${addDays(quotedOn, 1)}T16:00:00Z`),
      };
    },
    /** A submitted submission's quote: made yesterday (the app quotes at filing), still current. */
    submittedQuotes: { createdAt: new Date(`${addDays(today, -1)}T15:00:00Z`), expiresOn: addDays(today, 29) },
    /** The seeded rate table versions took effect a year before this month, well before any seeded date ahead. */
    rateTablesEffectiveDate: addMonths(monthStart, -12),
    producerLicences: demoProducerLicences(today),
  };
}

/**
 * Every demo producer and agency is licensed in every state its organization's programs write,
 * so the journeys bind; three licences show the compliance alerts: Ari Agency's Arizona licence
 * lapsed ten days ago (an Arizona bind by Ari is refused; Blue Mesa's API key binds under the
 * agency's own licence), Priya Producer's Oklahoma licence expires within 60 days and Ari's
 * Colorado licence within 30.
 */
function demoProducerLicences(today: string) {
  const statesOf = (orgId: string) => [...new Set(programs.filter((p) => p.orgId === orgId).flatMap((p) => p.states))];
  const holders = [
    { orgId: ORG_A.id, agencyId: "agy_harbor", producerUserId: "usr_a_producer", prefix: "HP" },
    { orgId: ORG_A.id, agencyId: "agy_bluemesa", producerUserId: "usr_a_agency", prefix: "BM" },
    { orgId: ORG_B.id, agencyId: "agy_dunes", producerUserId: "usr_b_producer", prefix: "DP" },
    { orgId: ORG_A.id, agencyId: "agy_harbor", producerUserId: null, prefix: "HPA" },
    { orgId: ORG_A.id, agencyId: "agy_bluemesa", producerUserId: null, prefix: "BMA" },
    { orgId: ORG_B.id, agencyId: "agy_dunes", producerUserId: null, prefix: "DPA" },
  ];
  const exceptions: Record<string, string> = {
    "usr_a_agency:AZ": addDays(today, -10),
    "usr_a_producer:OK": addDays(today, 45),
    "usr_a_agency:CO": addDays(today, 20),
  };
  return holders.flatMap((h) =>
    statesOf(h.orgId).map((state, i) => ({
      id: `lic_${h.prefix.toLowerCase()}_${state.toLowerCase()}`,
      orgId: h.orgId,
      producerUserId: h.producerUserId,
      agencyId: h.agencyId,
      state,
      licenceNumber: `${state}-${h.prefix}${String(4_400_117 + i * 7919).padStart(7, "0")}`,
      lines: ["property", "casualty", ...(h.producerUserId ? [] : ["surplus_lines" as const])] as (
        | "property"
        | "casualty"
        | "surplus_lines"
      )[],
      effectiveOn: addMonths(today, -30),
      expiresOn: exceptions[`${h.producerUserId}:${state}`] ?? addDays(addMonths(today, 14), -1),
    })),
  );
}

export type DemoWorld = ReturnType<typeof demoWorld>;

/** The seed's today and the world built around it, computed once per process. */
export const SEED_TODAY = seedToday();
export const world = demoWorld(SEED_TODAY);
export const { agencies, daAgreements, submissions, policies, invoices, installments, claims } = world;

export const authorityProfiles = [
  {
    id: "ap_summit_uw",
    orgId: ORG_A.id,
    name: "Underwriter",
    tier: "underwriter" as const,
    grants: [
      { lineOfBusiness: "GL" as const, maxPremiumCents: 5_000_000, maxLimitCents: 100_000_000 },
      { lineOfBusiness: "WC" as const, maxPremiumCents: 7_500_000, maxLimitCents: 100_000_000 },
    ],
  },
  {
    id: "ap_summit_suw",
    orgId: ORG_A.id,
    name: "Senior underwriter",
    tier: "senior_underwriter" as const,
    grants: [
      { lineOfBusiness: "GL" as const, maxPremiumCents: 25_000_000, maxLimitCents: 200_000_000 },
      { lineOfBusiness: "WC" as const, maxPremiumCents: 25_000_000, maxLimitCents: 100_000_000 },
    ],
  },
  {
    id: "ap_lake_uw",
    orgId: ORG_B.id,
    name: "Underwriter",
    tier: "underwriter" as const,
    grants: [{ lineOfBusiness: "GL" as const, maxPremiumCents: 5_000_000, maxLimitCents: 100_000_000 }],
  },
];

export const userAuthority = [
  { id: "ua_a_uw", orgId: ORG_A.id, userId: "usr_a_uw", profileId: "ap_summit_uw" },
  { id: "ua_a_multi", orgId: ORG_A.id, userId: "usr_a_multi", profileId: "ap_summit_uw" },
  { id: "ua_a_suw", orgId: ORG_A.id, userId: "usr_a_suw", profileId: "ap_summit_suw" },
  { id: "ua_b_uw", orgId: ORG_B.id, userId: "usr_b_uw", profileId: "ap_lake_uw" },
];

/** Where each numbering sequence stands after the seeded policies and invoices. */
export const sequences = [
  { orgId: ORG_A.id, name: "policy:GL:2026", lastValue: 1 },
  { orgId: ORG_A.id, name: "policy:WC:2026", lastValue: 2 },
  { orgId: ORG_A.id, name: "policy:GL:2025", lastValue: 417 },
  { orgId: ORG_A.id, name: "invoice:2026", lastValue: 5 },
  { orgId: ORG_B.id, name: "policy:GL:2026", lastValue: 1 },
  { orgId: ORG_B.id, name: "invoice:2026", lastValue: 2 },
  // Claim numbers per report year: the seeded claims use CLM-2026-00011..13 and CLM-2026-00001.
  { orgId: ORG_A.id, name: "claim:2026", lastValue: 13 },
  { orgId: ORG_B.id, name: "claim:2026", lastValue: 1 },
];

/** Adjuster profiles: where the demo adjusters are licensed and their authority (cents). */
export const adjusterProfiles = [
  {
    orgId: ORG_A.id,
    userId: "usr_a_adjuster",
    licensedStates: ["TX", "LA", "OK", "AZ", "NM"],
    reserveAuthorityCents: 2_500_000,
    paymentAuthorityCents: 1_000_000,
  },
  {
    orgId: ORG_B.id,
    userId: "usr_b_adjuster",
    licensedStates: ["MI", "WI"],
    reserveAuthorityCents: 5_000_000,
    paymentAuthorityCents: 2_500_000,
  },
];

/** Development API keys, one per organization, acting for a producer agency. Never in production. */
export const DEMO_API_KEYS = [
  {
    id: "key_summit_demo",
    orgId: ORG_A.id,
    name: "Demo key (Harbor Point)",
    secret: "oi_sk_summit_demo_key_do_not_use_in_prod",
    roles: ["producer"],
    agencyId: "agy_harbor",
  },
  {
    id: "key_lakeshore_demo",
    orgId: ORG_B.id,
    name: "Demo key (Dunes & Pines)",
    secret: "oi_sk_lakeshore_demo_key_do_not_use_in_prod",
    roles: ["producer"],
    agencyId: "agy_dunes",
  },
];

/** The MGA's configuration (ADR 021): its business calendar, its agencies' appointments, DA history. */
export const orgSettings = [{ id: "ost_summit", orgId: ORG_A.id, timeZone: "UTC", documentName: null }];

// At each agency's default rate, so the seeded payments split as before; an admin changes them.
export const agencyAppointments = [
  { agencyId: "agy_harbor", programId: "prg_summit_gl", commissionRate: "0.1500" },
  { agencyId: "agy_harbor", programId: "prg_summit_wc", commissionRate: "0.1500" },
  { agencyId: "agy_bluemesa", programId: "prg_summit_gl", commissionRate: "0.1250" },
].map((a) => ({
  id: `apt_${a.agencyId}_${a.programId}`,
  orgId: ORG_A.id,
  appointedOn: world.rateTablesEffectiveDate,
  ...a,
}));

export const daAgreementAmendments = daAgreements.map((a) => ({
  id: `dam_${a.id}_created`,
  orgId: a.orgId,
  agreementId: a.id,
  kind: "created",
  effectiveOn: a.effectiveDate,
  changes: {},
  reason: "Agreement signed with the carrier",
  actorUserId: null,
}));

/**
 * The people, suit and subrogation pursuit of the demo claims (ADR 025): the ladder fall has a
 * claimant's attorney, a suit and appointed defense counsel; the property damage claim is being
 * recovered from the contractor who caused it.
 */
function demoClaimParties(today: string) {
  const daysAgo = (days: number) => addDays(today, -days);
  return {
    contacts: [
      {
        id: "cct_a_1",
        orgId: ORG_A.id,
        claimId: "clm_a_2",
        role: "claimant_attorney" as const,
        name: "Marta Quill",
        company: "Quill & Sons LLP",
        phone: "602-555-0110",
        email: "mquill@quill.example",
      },
      {
        id: "cct_a_2",
        orgId: ORG_A.id,
        claimId: "clm_a_1",
        role: "repairer" as const,
        name: "Dale Ortiz",
        company: "Lone Star Restoration",
        phone: "512-555-0133",
        email: null,
      },
    ],
    suits: [
      {
        id: "cst_a_1",
        orgId: ORG_A.id,
        claimId: "clm_a_2",
        plaintiffClaimantId: null,
        court: "Maricopa County Superior Court",
        docketNumber: "CV2026-018842",
        venueState: "AZ",
        filedOn: daysAgo(40),
        servedOn: daysAgo(35),
        plaintiffCounsel: "Quill & Sons LLP",
        defenseFirm: "Hale Barton PC",
        defenseAttorney: "Ines Hale",
        defenseEmail: "ihale@halebarton.example",
        defensePhone: "602-555-0120",
        counselAppointedOn: daysAgo(33),
        trialOn: addDays(today, 210),
        status: "pending" as const,
        resolvedOn: null,
      },
    ],
    subrogations: [
      {
        id: "csb_a_1",
        orgId: ORG_A.id,
        claimId: "clm_a_1",
        targetName: "Brazos Plumbing Co",
        targetCarrier: "Mesa Mutual",
        targetClaimNumber: "MM-24-7781",
        basis: "A burst supply line installed by their crew flooded the neighbouring unit",
        demandCents: 1_200_000,
        status: "negotiating" as const,
        openedOn: daysAgo(120),
        demandSentOn: daysAgo(110),
        closedOn: null,
      },
    ],
  };
}

export const claimParties = demoClaimParties(SEED_TODAY);
