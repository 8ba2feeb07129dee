import type { Page } from "@playwright/test";
import { underwritingRules } from "../db/seed/underwriting-rules.ts";

/** Answers every knockout question of the program on the intake form: clean, except the codes given. */
export async function answerKnockoutQuestions(page: Page, programId: string, adverse: readonly string[] = []) {
  for (const rule of underwritingRules.filter((r) => r.programId === programId)) {
    const answer = adverse.includes(rule.code) ? rule.adverseAnswer : !rule.adverseAnswer;
    await page
      .getByRole("group", { name: rule.question })
      .getByLabel(answer ? "Yes" : "No")
      .check();
  }
}
