export type { AuthorityGrant, AuthorityTier, BindAuthority, BindingUser } from "./authority.ts";
export {
  PRE_BIND_CHECK_CODES,
  type PreBindCheckName,
  type PreBindCheckResult,
  type PreBindErrorCode,
} from "./check-result.ts";
export {
  daAgreementQuarter,
  daAgreementTermsFromRow,
  type DaAgreementStatus,
  type DaAgreementTerms,
  type DaReferralTriggers,
} from "./da-agreement.ts";
export { DaCheckInputError, daFlagsForQuote, type DaCheckInput, type DaFlag, type DaRisk } from "./da-checks.ts";
export {
  DEFAULT_REQUIRED_DECLINATIONS,
  REQUIRED_DECLINATIONS,
  requiredDeclinations,
  type Declination,
  type SurplusLinesPlacement,
} from "./diligent-search.ts";
export {
  earnedPremium,
  endorsementPremium,
  proRataReturn,
  shortRateReturn,
  type CancellationInput,
  type CancellationReturn,
  type EarnedPremium,
  type EndorsementPremium,
  type PolicyTerm,
} from "./earned-premium.ts";
export { formatPolicyNumber, PolicyNumberError, type PolicyNumberParts } from "./policy-number.ts";
export { runPreBindChecks, type BindRisk, type PreBindInput } from "./pre-bind-checks.ts";
export {
  REFERRAL_REASON_CODES,
  referralTriggersHit,
  type ReferralFacts,
  type ReferralReasonCode,
  type ReferralTriggerHit,
} from "./referral-triggers.ts";
export type { KnockoutHit, OpenReferral, UnderwritingIssues } from "./underwriting-issues.ts";
