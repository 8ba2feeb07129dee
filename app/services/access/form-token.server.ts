import { data } from "react-router";
import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import {
  claimFormToken,
  completeFormToken,
  findFormTokenAnswer,
  releaseFormToken,
} from "../../models/idempotency-keys.server.ts";
import { createId } from "../../utils/ids.ts";

/** The hidden field that carries a form's one-time token. */
export const FORM_TOKEN_FIELD = "formToken";

/** A fresh token for a form that creates or moves money; the loader renders it into the form. */
export function newFormToken(): string {
  return createId("ftk");
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a form's work at most once per token, like /v1's Idempotency-Key: the first request with
 * a token acts and its outcome is kept; a repeat (a double click, a resent form) gets that same
 * outcome without acting. A repeat that arrives while the first still runs waits for it.
 * `action` names what the token was issued for (e.g. `pay:inv_1`): a token is for one action.
 * The outcome must be JSON. When the work throws or `acted` says it did nothing, the token is freed
 * so the form can be sent again.
 */
export async function oncePerFormToken<T>(
  db: Database,
  tenant: TenantContext,
  token: FormDataEntryValue | null,
  action: string,
  run: () => Promise<T>,
  acted: (outcome: T) => boolean = () => true,
): Promise<T> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{8,100}$/.test(token)) {
    throw data("This form is missing its one-time token: reload the page and send it again.", { status: 400 });
  }
  if (await claimFormToken(db, tenant, token, action)) {
    let outcome: T;
    try {
      outcome = await run();
    } catch (error) {
      await releaseFormToken(db, tenant, token);
      throw error;
    }
    // A refusal (nothing created, nothing moved) frees the token: the page keeps it when an action
    // answers 4xx, and the corrected form must still go through.
    if (acted(outcome)) await completeFormToken(db, tenant, token, outcome ?? null);
    else await releaseFormToken(db, tenant, token);
    return outcome;
  }
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const answer = await findFormTokenAnswer(db, tenant, token);
    if (answer && answer.fingerprint !== action)
      throw data("This form's token was used for something else: reload the page.", { status: 422 });
    if (answer && !answer.pending) return answer.body as T;
    if (!answer) return oncePerFormToken(db, tenant, token, action, run, acted);
    await wait(250);
  }
  throw data("This form is still being sent: wait a moment and reload the page.", { status: 409 });
}
