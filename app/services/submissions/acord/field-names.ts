/**
 * Known names of the PDF fields that answer each question. Standard names are those of ACORD's
 * fillable forms: ACORD 125 (2016/03) for the applicant, lines of business, premises revenue and
 * loss history; ACORD 126 (GL section) for GL limits and deductibles; ACORD 130 (WC) for payroll and
 * the employers liability limit, because agencies often merge those pages into the 125 upload.
 * Aliases are names seen on vendor and home-made forms. Extend this table, not the matching
 * code, when a new vendor's form arrives; `extract.test.ts` checks no name is claimed twice.
 */
import type { NameSpec } from "./match.ts";

export const FIELD_NAMES = {
  insuredName: {
    standard: ["NamedInsured_FullName_A"],
    aliases: [
      "Applicant Name",
      "Named Insured",
      "Named Insured Name",
      "First Named Insured",
      "Insured Name",
      "Legal Name of Business",
    ],
  },
  mailingLine1: {
    standard: ["NamedInsured_MailingAddress_LineOne_A"],
    aliases: ["Mailing Address", "Mailing Address Line 1", "Mailing Street", "Applicant Address", "Insured Address"],
  },
  mailingCity: {
    standard: ["NamedInsured_MailingAddress_CityName_A"],
    aliases: ["Mailing City", "Applicant City", "Insured City"],
  },
  mailingState: {
    standard: ["NamedInsured_MailingAddress_StateOrProvinceCode_A"],
    aliases: ["Mailing State", "Applicant State", "Insured State"],
  },
  mailingPostalCode: {
    standard: ["NamedInsured_MailingAddress_PostalCode_A"],
    aliases: ["Mailing Zip", "Mailing Zip Code", "Mailing Postal Code", "Applicant Zip", "Insured Zip"],
  },
  // ACORD 125 has no home-state box: the home state is normally the mailing address state.
  homeState: {
    aliases: ["Home State", "State of Domicile", "Primary State", "Governing State"],
  },
  naicsCode: {
    standard: ["NamedInsured_NAICSCode_A"],
    aliases: ["NAICS", "NAICS Code", "Industry Code NAICS"],
  },
  // Read only to explain a missing NAICS code: SIC codes are not accepted.
  sicCode: {
    standard: ["NamedInsured_SICCode_A"],
    aliases: ["SIC", "SIC Code"],
  },
  glIndicator: {
    standard: ["Policy_LineOfBusiness_CommercialGeneralLiability_A"],
    aliases: ["General Liability", "Commercial General Liability", "CGL", "GL"],
  },
  // ACORD 125 lists no WC line (WC has its own ACORD 130); on the 125, WC is written in an
  // "other" line, which `otherLineDescription` reads.
  wcIndicator: {
    aliases: ["Workers Compensation", "Workers Comp", "WC"],
  },
  otherLineDescription: {
    standard: ["Policy_LineOfBusiness_OtherLineOfBusinessDescription_A"],
    rows: true,
  },
  lineOfBusinessText: {
    aliases: ["Line of Business", "Lines of Business", "Coverage Requested", "Coverage Type", "LOB"],
  },
  annualRevenue: {
    standard: ["CommercialStructure_AnnualRevenueAmount_A"],
    aliases: [
      "Annual Revenue",
      "Annual Revenues",
      "Gross Annual Revenue",
      "Total Revenue",
      "Gross Sales",
      "Annual Sales",
      "Revenue",
    ],
    rows: true,
  },
  payroll: {
    standard: ["WorkersCompensation_RateClass_RemunerationAmount_A"],
    aliases: [
      "Annual Payroll",
      "Total Payroll",
      "Estimated Annual Payroll",
      "Payroll",
      "Estimated Annual Remuneration",
    ],
    rows: true,
  },
  requestedLimit: {
    standard: [
      "GeneralLiability_EachOccurrence_LimitAmount_A",
      "WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A",
    ],
    aliases: [
      "Each Occurrence Limit",
      "Each Occurrence",
      "Occurrence Limit",
      "Requested Limit",
      "Limit of Liability",
      "Each Accident Limit",
    ],
  },
  aggregateLimit: {
    standard: ["GeneralLiability_GeneralAggregate_LimitAmount_A"],
    aliases: ["General Aggregate", "General Aggregate Limit", "Aggregate Limit"],
  },
  deductible: {
    standard: [
      "GeneralLiability_PropertyDamage_DeductibleAmount_A",
      "GeneralLiability_BodilyInjury_DeductibleAmount_A",
    ],
    aliases: ["Deductible", "Deductible Amount", "Requested Deductible"],
  },
  effectiveDate: {
    standard: ["Policy_EffectiveDate_A"],
    aliases: [
      "Effective Date",
      "Proposed Effective Date",
      "Policy Effective Date",
      "Requested Effective Date",
      "Eff Date",
    ],
  },
  yearsInBusiness: {
    aliases: ["Years in Business", "Yrs in Business", "Number of Years in Business"],
  },
  businessStartDate: {
    standard: ["NamedInsured_BusinessStartDate_A"],
    aliases: [
      "Date Business Started",
      "Business Start Date",
      "Year Established",
      "Year Business Started",
      "Date Established",
    ],
  },
  noPriorLosses: {
    standard: ["LossHistory_NoPriorLossesIndicator_A"],
    aliases: ["No Prior Losses", "No Losses"],
  },
  lossDate: { standard: ["LossHistory_OccurrenceDate_A"], rows: true },
  lossDescription: { standard: ["LossHistory_OccurrenceDescription_A"], rows: true },
  lossPaid: { standard: ["LossHistory_PaidAmount_A"], rows: true },
  lossReserved: { standard: ["LossHistory_ReservedAmount_A"], rows: true },
  // ACORD's tooltip: the amount PAID on all losses, so it understates incurred when reserves are open.
  lossTotalPaid: { standard: ["LossHistory_TotalAmount_A"] },
  priorLossCount: {
    aliases: ["Number of Losses", "Number of Claims", "Prior Losses Count", "Prior Loss Count", "Loss Count"],
  },
  priorLossAmount: {
    aliases: [
      "Total Incurred",
      "Total Losses Incurred",
      "Prior Losses Amount",
      "Prior Loss Amount",
      "Total Loss Amount",
    ],
  },
  contactEmail: {
    standard: ["NamedInsured_Contact_PrimaryEmailAddress_A"],
    aliases: ["Contact Email", "Applicant Email", "Insured Email", "Contact Email Address"],
  },
  contactPhone: {
    standard: ["NamedInsured_Contact_PrimaryPhoneNumber_A", "NamedInsured_Primary_PhoneNumber_A"],
    aliases: ["Contact Phone", "Applicant Phone", "Insured Phone", "Business Phone", "Contact Phone Number"],
  },
} as const satisfies Record<string, NameSpec>;

export type FieldNameKey = keyof typeof FIELD_NAMES;
