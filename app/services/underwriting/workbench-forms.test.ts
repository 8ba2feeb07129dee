import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { WorkbenchAction } from "./workbench-forms.ts";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return parseWithZod(data, { schema: WorkbenchAction });
}

function errorOf(entries: [string, string][]) {
  const submission = form(entries);
  return submission.status === "success" ? null : submission.error;
}

describe("the workbench's forms, parsed as the page's action parses them", () => {
  test("each form is told apart by its intent", () => {
    expect(
      form([
        ["intent", "note"],
        ["visibility", "internal"],
        ["body", "Called the insured"],
      ]),
    ).toMatchObject({
      status: "success",
      value: { intent: "note", visibility: "internal", body: "Called the insured" },
    });
    const decide = [
      ["intent", "decide"],
      ["referralId", "ref_1"],
      ["decision", "approved"],
      ["code", "appetite_check"],
      ["rationale", "Good controls in place"],
    ] as [string, string][];
    expect(form(decide)).toMatchObject({
      status: "success",
      value: { intent: "decide", decision: "approved", code: "appetite_check" },
    });
  });

  test("the schedule's empty rows are left out and its filled rows become factors", () => {
    const rows: [string, string][] = [
      ["intent", "schedule"],
      ["percent", "-7.5"],
      ["reason", "Loss control"],
      ["percent", ""],
      ["reason", ""],
      ["percent", ""],
      ["reason", ""],
    ];
    expect(form(rows)).toMatchObject({
      status: "success",
      value: { intent: "schedule", adjustments: [{ factor: "-0.075", reason: "Loss control" }] },
    });
    const empty: [string, string][] = [
      ["intent", "schedule"],
      ...Array.from(
        { length: 3 },
        () =>
          [
            ["percent", ""],
            ["reason", ""],
          ] as [string, string][],
      ).flat(),
    ];
    expect(form(empty)).toMatchObject({ status: "success", value: { intent: "schedule", adjustments: [] } });
  });

  test("a form with no intent or an unknown one is refused on its intent", () => {
    expect(errorOf([["body", "x"]])).toHaveProperty("intent");
    expect(errorOf([["intent", "pay"]])).toHaveProperty("intent");
  });

  test("a bind names its option and plan", () => {
    expect(errorOf([["intent", "bind"]])).toMatchObject({ plan: ["Choose a payment plan"] });
    expect(
      errorOf([
        ["intent", "bind"],
        ["quoteOptionId", "qop_1"],
        ["plan", "WEEKLY"],
      ]),
    ).toEqual({ plan: ["Choose a payment plan"] });
  });

  test("a decline needs its reason code", () => {
    expect(
      errorOf([
        ["intent", "decline"],
        ["code", ""],
        ["rationale", "Outside appetite for this class"],
      ]),
    ).toEqual({ code: ["Choose a reason code"] });
  });
});
