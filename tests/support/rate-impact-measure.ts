import { createDatabase } from "../../db/client.ts";
import { tenantOf } from "../../db/test/tenants.ts";
import { measureRateImpact } from "../../app/services/configuration/rate-tables.server.ts";

export type ImpactMeasurement = {
  policies: number;
  rerated: number;
  seconds: number;
  statements: number;
  heapMb: number;
};

/**
 * The rate impact of the seeded Summit GL draft, measured as the admin's page runs it (through
 * the PlanetScale driver), with the statements it sent. For bench/rate-impact.ts.
 */
export async function measureDraftImpact(databaseUrl: string): Promise<ImpactMeasurement> {
  let statements = 0;
  const db = createDatabase(databaseUrl, {
    onStatement: () => {
      statements++;
      return undefined;
    },
  });
  const started = performance.now();
  const outcome = await measureRateImpact(db, tenantOf("admin@summit.demo"), "rt_summit_gl_2027_1");
  const seconds = (performance.now() - started) / 1000;
  if (!outcome.ok) throw new Error(outcome.message);
  return {
    policies: outcome.impact.policies,
    rerated: outcome.impact.rerated,
    seconds: Math.round(seconds * 100) / 100,
    statements,
    heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
  };
}
