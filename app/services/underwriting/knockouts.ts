import type { KnockoutAction } from "../../../db/schema/workbench.ts";

// Knockout questions are answered at intake; this module decides, without a database, which
// answers hit a rule and whether a set of answers is complete and known.

export type KnockoutRule = {
  id: string;
  code: string;
  question: string;
  adverseAnswer: boolean;
  action: KnockoutAction;
  reasonCode: string;
};

export type KnockoutAnswer = {
  ruleId: string;
  code: string;
  question: string;
  answer: boolean;
  hit: boolean;
  action: KnockoutAction;
  reasonCode: string;
};

export type KnockoutEvaluation = { ok: true; answers: KnockoutAnswer[] } | { ok: false; message: string };

/**
 * Matches answers (by rule code) to the program's rules. Every code must be one of the program's;
 * with `requireAll` (the intake form, which asks every question) each rule needs an answer. The
 * API may leave questions out: an unasked question is not a hit.
 */
export function evaluateKnockouts(
  rules: readonly KnockoutRule[],
  answers: Readonly<Record<string, boolean>>,
  { requireAll }: { requireAll: boolean },
): KnockoutEvaluation {
  const known = new Set(rules.map((r) => r.code));
  const unknown = Object.keys(answers).filter((code) => !known.has(code));
  if (unknown.length) {
    const valid = rules.length ? rules.map((r) => r.code).join(", ") : "none";
    return { ok: false, message: `Unknown knockout question ${unknown.join(", ")}; this program asks: ${valid}` };
  }
  const missing = rules.filter((r) => answers[r.code] === undefined);
  if (requireAll && missing.length) {
    return { ok: false, message: `Answer every underwriting question (${missing.length} unanswered)` };
  }
  return {
    ok: true,
    answers: rules
      .filter((r) => answers[r.code] !== undefined)
      .map((r) => {
        const answer = answers[r.code]!;
        return {
          ruleId: r.id,
          code: r.code,
          question: r.question,
          answer,
          hit: answer === r.adverseAnswer,
          action: r.action,
          reasonCode: r.reasonCode,
        };
      }),
  };
}

/** How a hit reads in a referral, a decline or a failed pre-bind check. */
export function knockoutRationale(hit: { code: string; question: string; answer: boolean }): string {
  return `Knockout ${hit.code}: "${hit.question}" answered ${hit.answer ? "yes" : "no"}.`;
}
