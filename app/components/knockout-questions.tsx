import { ErrorList } from "./forms.tsx";

export type KnockoutQuestion = { programId: string; code: string; question: string };

/** The selected program's knockout questions as yes/no choices, named `knockouts.<code>`. */
export function KnockoutQuestions({ questions, programId, errors, errorId }: { questions: KnockoutQuestion[]; programId: string | undefined; errors?: string[]; errorId: string }) {
  const asked = questions.filter((q) => q.programId === programId);
  if (!programId) return <p className="text-sm text-text-muted">Choose a program to see its underwriting questions.</p>;
  if (asked.length === 0) return <p className="text-sm text-text-muted">This program asks no underwriting questions.</p>;
  return (
    <div className="grid gap-3">
      {asked.map((q) => (
        <fieldset key={q.code} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border p-3">
          <legend className="sr-only">{q.question}</legend>
          <p aria-hidden className="flex-1 text-sm">{q.question}</p>
          <span className="flex gap-4 text-sm">
            {(["yes", "no"] as const).map((answer) => (
              <label key={answer} className="flex items-center gap-1.5">
                <input type="radio" name={`knockouts.${q.code}`} value={answer} required />
                {answer === "yes" ? "Yes" : "No"}
              </label>
            ))}
          </span>
        </fieldset>
      ))}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
