import {
  DEMO_GL_RATE_TABLE,
  DEMO_SURPLUS_LINES_TAX_TABLE,
  DEMO_WC_RATE_TABLE,
} from "../../app/services/rating/demo-rate-tables.ts";
import type { RateTableJson, SurplusLinesTaxTableJson } from "../../app/services/rating/schema.ts";
import { addDays } from "../../app/utils/calendar-date.ts";
import { ORG_A, ORG_B, SEED_TODAY, world } from "./demo-data.ts";

// Demo rate tables for the seeded programs: the rating engine's demo manuals, re-cut for the
// states and classes these programs write. Illustrations, not filed rates. They take effect a year
// before the seed's today (ids and versions are fixed labels).

const summitGl: RateTableJson = {
  ...DEMO_GL_RATE_TABLE,
  id: "rt_summit_gl_2026_1",
  version: "2026.1",
  program: "prg_summit_gl",
  effectiveDate: world.rateTablesEffectiveDate,
  baseRates: {
    default: {
      ...DEMO_GL_RATE_TABLE.baseRates.default,
      "312120": "1.95", // breweries: products and premises
      "722320": "1.40", // caterers
    },
    byState: { TX: { "238160": "4.45", "2383": "2.45" }, LA: { "722320": "1.65" } },
  },
  stateModifiers: { TX: "1.05", OK: "1.02", LA: "1.10", AZ: "0.98", NM: "0.97", CO: "1.00" },
  minimumPremium: { default: 75_000, byState: { LA: 100_000 } },
};

const summitWc: RateTableJson = {
  ...DEMO_WC_RATE_TABLE,
  id: "rt_summit_wc_2026_1",
  version: "2026.1",
  program: "prg_summit_wc",
  effectiveDate: world.rateTablesEffectiveDate,
  baseRates: {
    default: { ...DEMO_WC_RATE_TABLE.baseRates.default, "238210": "2.85", "238160": "8.90" },
    byState: { TX: { "238220": "2.60", "561730": "3.60" }, OK: { "561730": "4.55" } },
  },
};

const lakeshoreGl: RateTableJson = {
  ...DEMO_GL_RATE_TABLE,
  id: "rt_lake_gl_2026_1",
  version: "2026.1",
  program: "prg_lake_gl",
  effectiveDate: world.rateTablesEffectiveDate,
  baseRates: { default: { "811490": "2.20", "337110": "1.85", "23": "3.10" }, byState: {} },
  stateModifiers: { MI: "1.00", WI: "0.96" },
  minimumPremium: { default: 50_000, byState: {} },
};

const taxTable: SurplusLinesTaxTableJson = {
  version: "sl-2026.1",
  states: {
    ...DEMO_SURPLUS_LINES_TAX_TABLE.states,
    OK: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.06", stampingFeeRate: "0.001" }],
    LA: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.0485", stampingFeeRate: "0" }],
    AZ: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.03", stampingFeeRate: "0.002" }],
    NM: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.03003", stampingFeeRate: "0" }],
    CO: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.03", stampingFeeRate: "0.0018" }],
    MI: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.02", stampingFeeRate: "0.0005" }],
    WI: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.03", stampingFeeRate: "0" }],
  },
};

export const rateTables = [
  { table: summitGl, orgId: ORG_A.id },
  { table: summitWc, orgId: ORG_A.id },
  { table: lakeshoreGl, orgId: ORG_B.id },
].map(({ table, orgId }) => ({
  id: table.id,
  orgId,
  programId: table.program,
  version: table.version,
  effectiveDate: table.effectiveDate,
  status: "active" as const,
  definition: table as unknown as Record<string, unknown>,
  activatedAt: new Date(`${addDays(world.rateTablesEffectiveDate, -17)}T00:00:00Z`),
}));

export const taxTables = [ORG_A.id, ORG_B.id].map((orgId) => ({
  id: `tax_${orgId}_2026_1`,
  orgId,
  version: taxTable.version,
  effectiveDate: "2024-01-01",
  definition: taxTable as unknown as Record<string, unknown>,
}));

/**
 * A draft next version of the Summit GL rates, six weeks out, with dearer Texas and Oklahoma
 * factors: the admin's rate table page shows its diff against 2026.1, test rates and the rate
 * impact on the in-force book. Drafts are never used for quoting.
 */
const summitGlDraft: RateTableJson = {
  ...summitGl,
  version: "2027.1",
  effectiveDate: addDays(SEED_TODAY, 40),
  stateModifiers: { ...summitGl.stateModifiers, TX: "1.09", OK: "1.06" },
  minimumPremium: { default: 80_000, byState: { LA: 100_000 } },
};

export const draftRateTables = [
  {
    id: "rt_summit_gl_2027_1",
    orgId: ORG_A.id,
    programId: summitGlDraft.program,
    version: summitGlDraft.version,
    effectiveDate: summitGlDraft.effectiveDate,
    status: "draft" as const,
    definition: summitGlDraft as unknown as Record<string, unknown>,
  },
];
