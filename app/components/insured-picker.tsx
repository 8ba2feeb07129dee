import { type ReactNode, useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";
import { ErrorList } from "./forms.tsx";

export type PickedInsured = { id: string; name: string; state: string };
/** What the search route answers with (routes/producer/insured-search.ts). */
type InsuredMatch = PickedInsured & { city: string };

const SEARCH_DELAY_MS = 200;

/**
 * The intake form's insured: a text field that searches the agency's insureds on the server as
 * the producer types and offers them to pick; when nothing is picked, the new insured's details
 * (children) are asked for in the same form. Without JavaScript it is the plain text field: the
 * server finds the insured of exactly that name or creates a new one from the details given.
 */
export function InsuredPicker({
  idField,
  nameField,
  picked: initiallyPicked,
  errors,
  newInsuredDetails,
}: {
  idField: { name: string };
  nameField: { id: string; name: string; defaultValue: string };
  picked: PickedInsured | null;
  errors: string[];
  newInsuredDetails: ReactNode;
}) {
  const search = useFetcher<{ insureds: InsuredMatch[] }>();
  const [picked, setPicked] = useState<PickedInsured | null>(initiallyPicked);
  const [text, setText] = useState(initiallyPicked?.name ?? nameField.defaultValue);
  const [searched, setSearched] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const matches = searched && !picked ? (search.data?.insureds ?? []) : [];
  const errorId = errors.length ? `${nameField.id}-error` : undefined;
  const hintId = `${nameField.id}-hint`;
  const statusText = !searched || picked || search.state !== "idle" ? "" : matchStatus(matches.length, searched);

  function typed(value: string) {
    setText(value);
    setPicked(null);
    clearTimeout(timer.current);
    const query = value.trim();
    if (!query) {
      setSearched("");
      return;
    }
    timer.current = setTimeout(() => {
      setSearched(query);
      search.load(`/producer/insureds/search?${new URLSearchParams({ q: query })}`);
    }, SEARCH_DELAY_MS);
  }

  return (
    <div className="flex flex-col gap-3 sm:col-span-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={nameField.id} className="text-sm font-medium">
          Insured
        </label>
        <input type="hidden" name={idField.name} value={picked?.id ?? ""} />
        <input
          id={nameField.id}
          name={nameField.name}
          type="text"
          autoComplete="off"
          value={text}
          onChange={(event) => typed(event.target.value)}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          className={`rounded-md border bg-surface px-3 py-2 text-sm outline-none focus:border-focus ${errorId ? "border-danger" : "border-border"}`}
        />
        <p id={hintId} className="text-xs text-text-muted">
          {picked
            ? `Chosen: ${picked.name} (${picked.state}). Type to choose another.`
            : "Type to search your agency's insureds, or a new insured's full name."}
        </p>
        <ErrorList id={errorId} errors={errors} />
        <p role="status" className="text-sm text-text-muted empty:hidden">
          {statusText}
        </p>
        {matches.length > 0 ? (
          <ul aria-label="Matching insureds" className="divide-y divide-border rounded-md border border-border">
            {matches.map((insured) => (
              <li key={insured.id}>
                <button
                  type="button"
                  className="w-full px-3 py-2 text-left text-sm hover:bg-surface-muted focus:bg-surface-muted"
                  onClick={() => {
                    setPicked({ id: insured.id, name: insured.name, state: insured.state });
                    setText(insured.name);
                    setSearched("");
                  }}
                >
                  {insured.name}{" "}
                  <span className="text-text-muted">
                    · {insured.city}, {insured.state}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {picked ? null : newInsuredDetails}
    </div>
  );
}

function matchStatus(count: number, text: string): string {
  if (count === 0) return `None of your insureds is called "${text}": it will be added as a new insured.`;
  return count === 1 ? "1 of your insureds matches." : `${count} of your insureds match.`;
}
