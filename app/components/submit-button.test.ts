import { expect, test } from "vitest";
import { isOwnSubmission } from "./submit-button.tsx";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

test("pending only while its own form submits: same action, same intent and fields", () => {
  const submitting = {
    state: "submitting",
    formAction: "/finance/invoices/inv_1?index",
    formData: form({ intent: "record-payment", invoiceId: "inv_1" }),
  };
  expect(isOwnSubmission(submitting, "/finance/invoices/inv_1", { intent: "record-payment" })).toBe(true);
  expect(isOwnSubmission(submitting, "/finance/invoices/inv_1", { intent: "record-payment", invoiceId: "inv_1" })).toBe(
    true,
  );
  expect(isOwnSubmission(submitting, "/finance/invoices/inv_1", { intent: "waive" })).toBe(false);
  expect(isOwnSubmission(submitting, "/finance/invoices/inv_1", { intent: "record-payment", invoiceId: "inv_2" })).toBe(
    false,
  );
  expect(isOwnSubmission(submitting, "/finance/invoices/inv_2", {})).toBe(false);
  expect(isOwnSubmission({ state: "idle" }, "/finance/invoices/inv_1", {})).toBe(false);
  // A GET form (search) navigates with its data too.
  expect(
    isOwnSubmission({ state: "loading", formAction: "/finance", formData: form({ q: "roof" }) }, "/finance", {}),
  ).toBe(true);
  // A plain link navigation carries no form data.
  expect(isOwnSubmission({ state: "loading" }, "/finance", {})).toBe(false);
});
