import { CheckboxGroup, FormGrid, TextField, type FieldErrors } from "./config-fields.tsx";

export type DaTermsValues = {
  reference: string;
  effectiveDate: string;
  expirationDate: string;
  maxOccurrenceLimit: string;
  maxAggregateLimit: string;
  maxPremiumPerPolicy: string;
  authorizedStates: string;
  excludedStates: string;
  authorizedNaicsCodes: string;
  excludedNaicsCodes: string;
  naicsVintage: number;
  annualGwpLimit: string;
  quarterlyGwpLimit: string;
  maxPoliciesPerInsured: number;
  maxInsuredRevenue: string;
  allowedTermsMonths: number[];
  minYearsInBusiness: string;
  referRevenueOver: string;
  referPriorLossesOver: string;
  referClassCodes: string;
  referStates: string;
};

/** Every term of a DA agreement (DOMAIN.md, DA agreement fields), amounts in dollars. */
export function DaTermsFields({ values, errors }: { values: DaTermsValues | null; errors: FieldErrors }) {
  const v = values;
  return (
    <div className="flex flex-col gap-4">
      <FormGrid>
        <TextField label="Reference" name="reference" defaultValue={v?.reference} errors={errors} />
        <TextField
          label="NAICS vintage"
          name="naicsVintage"
          type="number"
          defaultValue={v?.naicsVintage ?? 2022}
          errors={errors}
        />
        <TextField
          label="Effective date"
          name="effectiveDate"
          type="date"
          defaultValue={v?.effectiveDate}
          errors={errors}
        />
        <TextField
          label="Expiration date"
          name="expirationDate"
          type="date"
          defaultValue={v?.expirationDate}
          errors={errors}
        />
        <TextField
          label="Max occurrence limit ($)"
          name="maxOccurrenceLimit"
          defaultValue={v?.maxOccurrenceLimit}
          errors={errors}
        />
        <TextField
          label="Max aggregate limit ($)"
          name="maxAggregateLimit"
          defaultValue={v?.maxAggregateLimit}
          errors={errors}
        />
        <TextField
          label="Max premium per policy ($)"
          name="maxPremiumPerPolicy"
          defaultValue={v?.maxPremiumPerPolicy}
          errors={errors}
        />
        <TextField
          label="Annual GWP limit ($)"
          name="annualGwpLimit"
          defaultValue={v?.annualGwpLimit}
          errors={errors}
        />
        <TextField
          label="Quarterly GWP limit ($, optional)"
          name="quarterlyGwpLimit"
          defaultValue={v?.quarterlyGwpLimit}
          errors={errors}
        />
        <TextField
          label="Max policies per insured"
          name="maxPoliciesPerInsured"
          type="number"
          defaultValue={v?.maxPoliciesPerInsured ?? 1}
          errors={errors}
        />
        <TextField
          label="Max insured revenue ($, optional)"
          name="maxInsuredRevenue"
          defaultValue={v?.maxInsuredRevenue}
          errors={errors}
        />
        <TextField
          label="Min years in business (optional)"
          name="minYearsInBusiness"
          type="number"
          defaultValue={v?.minYearsInBusiness}
          errors={errors}
        />
        <TextField
          label="Authorized states"
          name="authorizedStates"
          defaultValue={v?.authorizedStates}
          errors={errors}
          hint="Empty: every state"
        />
        <TextField label="Excluded states" name="excludedStates" defaultValue={v?.excludedStates} errors={errors} />
        <TextField
          label="Authorized NAICS codes"
          name="authorizedNaicsCodes"
          defaultValue={v?.authorizedNaicsCodes}
          errors={errors}
          hint="Empty: every class"
        />
        <TextField
          label="Excluded NAICS codes"
          name="excludedNaicsCodes"
          defaultValue={v?.excludedNaicsCodes}
          errors={errors}
        />
      </FormGrid>
      <CheckboxGroup
        legend="Allowed policy terms"
        name="allowedTermsMonths"
        options={[6, 12, 24, 36].map((m) => ({ value: String(m), label: `${m} months` }))}
        checked={(v?.allowedTermsMonths ?? [12]).map(String)}
        errors={errors}
      />
      <fieldset className="rounded-md border border-border p-3">
        <legend className="px-1 text-sm font-medium">Referral triggers</legend>
        <FormGrid>
          <TextField
            label="Refer revenue over ($)"
            name="referRevenueOver"
            defaultValue={v?.referRevenueOver}
            errors={errors}
          />
          <TextField
            label="Refer prior claims over"
            name="referPriorLossesOver"
            type="number"
            defaultValue={v?.referPriorLossesOver}
            errors={errors}
          />
          <TextField
            label="Refer class codes"
            name="referClassCodes"
            defaultValue={v?.referClassCodes}
            errors={errors}
          />
          <TextField label="Refer states" name="referStates" defaultValue={v?.referStates} errors={errors} />
        </FormGrid>
      </fieldset>
    </div>
  );
}
