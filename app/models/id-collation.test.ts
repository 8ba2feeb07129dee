import { expect, test } from "vitest";
import { getSubmission } from "./submissions.server.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";

const db = guardedTestDatabase();
const underwriter = tenantOf("underwriter@summit.demo");

test("ids compare byte-exact: other case or a trailing NUL finds nothing", async () => {
  expect((await getSubmission(db, underwriter, "sub_a_1"))?.id).toBe("sub_a_1");
  expect(await getSubmission(db, underwriter, "SUB_A_1")).toBeFalsy();
  expect(await getSubmission(db, underwriter, "Sub_a_1")).toBeFalsy();
  expect(await getSubmission(db, underwriter, "sub_a_1\u0000")).toBeFalsy();
});
