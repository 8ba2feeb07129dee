import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findCarrier,
  insertProgram,
  lockProgram,
  replaceKnockoutQuestions,
  setProgramRetired,
  updateProgram,
  type KnockoutQuestion,
  type ProgramTerms,
} from "../../models/program-config.server.ts";

export type ProgramOutcome =
  | { ok: true; programId: string }
  | { ok: false; field: "carrierId" | "lineOfBusiness" | null; message: string };

/** Creates a program or saves its terms and knockout questions, in one transaction. */
export async function saveProgram(
  db: Database,
  tenant: TenantContext,
  programId: string | null,
  form: { terms: ProgramTerms; questions: KnockoutQuestion[] },
): Promise<ProgramOutcome> {
  return transactionWithRetry(db, async (tx) => {
    if (!(await findCarrier(tx, tenant, form.terms.carrierId)))
      return { ok: false, field: "carrierId", message: "Choose one of your carriers" } as const;
    let id = programId;
    if (id === null) {
      id = await insertProgram(tx, tenant, form.terms);
    } else {
      const existing = await lockProgram(tx, tenant, id);
      if (!existing) return { ok: false, field: null, message: "Program not found" } as const;
      // The line decides the exposure basis of every rate table version and quote of the program.
      if (existing.lineOfBusiness !== form.terms.lineOfBusiness)
        return {
          ok: false,
          field: "lineOfBusiness",
          message: "A program's line of business cannot change; create a new program instead",
        } as const;
      await updateProgram(tx, tenant, id, form.terms);
    }
    await replaceKnockoutQuestions(tx, tenant, id, form.questions);
    return { ok: true, programId: id } as const;
  });
}

/** Retiring stops new submissions on the program; bound policies and open quotes keep it. */
export async function setProgramRetirement(
  db: Database,
  tenant: TenantContext,
  programId: string,
  retire: boolean,
): Promise<boolean> {
  return transactionWithRetry(db, async (tx) => {
    const program = await lockProgram(tx, tenant, programId);
    if (!program) return false;
    await setProgramRetired(tx, tenant, programId, retire ? (program.retiredAt ?? new Date()) : null);
    return true;
  });
}
