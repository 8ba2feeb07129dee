import { formatCalendarDate, formatCents, formatInstant } from "../../utils/format.ts";
import { Card, FactList } from "../ui.tsx";

export type SubmissionFactsView = {
  insuredName: string;
  insuredAddress: string;
  insuredCity: string;
  insuredState: string;
  insuredPostalCode: string;
  naicsCode: string;
  yearsInBusiness: string | null;
  agencyName: string;
  submittedAt: Date | string | null;
  createdAt: Date | string;
  lineOfBusiness: string;
  state: string;
  annualRevenueCents: number | null;
  payrollCents: number | null;
  requestedLimitCents: number;
  deductibleCents: number;
  effectiveDate: string;
  termMonths: number;
  priorLossCount: number;
  priorLossIncurredCents: number;
};

/** The insured and the risk as the producer submitted them. */
export function SubmissionFacts({ file: s }: { file: SubmissionFactsView }) {
  const exposure = s.lineOfBusiness === "WC" ? s.payrollCents : s.annualRevenueCents;
  const claims = `${s.priorLossCount} claim${s.priorLossCount === 1 ? "" : "s"}`;
  return (
    <>
      <Card title="Insured">
        <FactList
          facts={[
            ["Name", s.insuredName],
            ["Address", `${s.insuredAddress}, ${s.insuredCity}, ${s.insuredState} ${s.insuredPostalCode}`],
            [
              "NAICS class",
              <span key="n" className="font-mono">
                {s.naicsCode}
              </span>,
            ],
            ["Years in business", s.yearsInBusiness ?? "—"],
            ["Agency", s.agencyName],
            ["Received", formatInstant(s.submittedAt ?? s.createdAt)],
          ]}
        />
      </Card>
      <Card title="Exposures">
        <FactList
          facts={[
            ["Line of business", s.lineOfBusiness],
            ["Home state", s.state],
            [s.lineOfBusiness === "WC" ? "Payroll" : "Annual revenue", formatCents(exposure)],
            ["Each-occurrence limit", formatCents(s.requestedLimitCents)],
            ["Deductible", formatCents(s.deductibleCents)],
            ["Effective date", formatCalendarDate(s.effectiveDate)],
            ["Term", `${s.termMonths} months`],
            ["Prior losses (5 years)", `${claims}, ${formatCents(s.priorLossIncurredCents)} incurred`],
          ]}
        />
      </Card>
    </>
  );
}
