import { ErrorList } from "./forms.tsx";

export type KnockoutQuestion = {
  programId: string;
  code: string;
  question: string;
  adverseAnswer: boolean;
  action: "refer" | "decline";
};

/**
 * A program's questions in the order the form asks and numbers them: those a "Yes" answer flags
 * first, then those a "No" answer flags, so each group's safe answer is the same.
 */
export function orderedQuestions<Q extends Pick<KnockoutQuestion, "adverseAnswer">>(questions: readonly Q[]): Q[] {
  return [...questions.filter((q) => q.adverseAnswer), ...questions.filter((q) => !q.adverseAnswer)];
}

/** Where the error summary links for a question: its "Yes" choice. */
export const knockoutInputId = (code: string) => `knockout-${code}-yes`;

const CONSEQUENCE = { refer: "goes to an underwriter", decline: "is declined" } as const;

/** The selected program's knockout questions as yes/no choices, named `knockouts.<code>`. */
export function KnockoutQuestions({
  questions,
  programId,
  errors,
  errorId,
  questionErrors = {},
}: {
  questions: KnockoutQuestion[];
  programId: string | undefined;
  errors?: string[];
  errorId: string;
  questionErrors?: Readonly<Record<string, string[] | undefined>>;
}) {
  const asked = orderedQuestions(questions.filter((q) => q.programId === programId));
  if (!programId) return <p className="text-sm text-text-muted">Choose a program to see its underwriting questions.</p>;
  if (asked.length === 0)
    return <p className="text-sm text-text-muted">This program asks no underwriting questions.</p>;
  const groups = [
    {
      title: "Does any of this apply to the insured? Answer Yes if it does.",
      items: asked.filter((q) => q.adverseAnswer),
    },
    {
      title: "Does the insured have these in place? Answer No if it does not.",
      items: asked.filter((q) => !q.adverseAnswer),
    },
  ];
  let number = 0;
  return (
    <div className="grid gap-5">
      <p className="text-sm text-text-muted">
        Answer every question about the insured. Next to each question: which answer sends the submission to an
        underwriter, or declines it.
      </p>
      {groups.map((group) =>
        group.items.length === 0 ? null : (
          <div key={group.title} className="grid gap-3">
            <h3 className="text-sm font-medium">{group.title}</h3>
            {group.items.map((q) => {
              number += 1;
              const flagged = q.adverseAnswer ? "Yes" : "No";
              const fieldErrors = questionErrors[q.code];
              const questionErrorId = fieldErrors?.length ? `knockout-${q.code}-error` : undefined;
              return (
                <fieldset
                  key={q.code}
                  aria-describedby={questionErrorId}
                  className="grid gap-2 rounded-md border border-border p-3"
                >
                  <legend className="px-1 text-sm">
                    {number}. {q.question}
                  </legend>
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <span className="text-xs text-text-muted">
                      {flagged}: the submission {CONSEQUENCE[q.action]}
                    </span>
                    <span className="flex gap-4 text-sm">
                      {(["yes", "no"] as const).map((answer) => (
                        <label key={answer} className="flex items-center gap-1.5">
                          <input
                            type="radio"
                            id={answer === "yes" ? knockoutInputId(q.code) : undefined}
                            name={`knockouts.${q.code}`}
                            value={answer}
                            required
                          />
                          {answer === "yes" ? "Yes" : "No"}
                        </label>
                      ))}
                    </span>
                  </div>
                  <ErrorList id={questionErrorId} errors={fieldErrors} />
                </fieldset>
              );
            })}
          </div>
        ),
      )}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
