import { expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { findRateTableInForceUnlessCompiled, findTaxTableInForceUnlessCompiled } from "./rate-tables.server.ts";

const db = guardedTestDatabase();
const underwriter = tenantOf("underwriter@summit.demo");

test("a table the caller has compiled comes without its definition; any other with it", async () => {
  const fresh = await findRateTableInForceUnlessCompiled(db, underwriter, "prg_summit_gl", "2026-12-20", []);
  expect(fresh?.definition).toMatchObject({ program: "prg_summit_gl" });
  const other = await findRateTableInForceUnlessCompiled(db, underwriter, "prg_summit_gl", "2026-12-20", ["rt_none"]);
  expect(other).toEqual(fresh);
  const known = await findRateTableInForceUnlessCompiled(db, underwriter, "prg_summit_gl", "2026-12-20", [fresh!.id]);
  expect(known).toEqual({ ...fresh, definition: null });

  const tax = await findTaxTableInForceUnlessCompiled(db, underwriter, "2026-12-20", []);
  expect(tax?.definition).toEqual(expect.any(Object));
  expect(await findTaxTableInForceUnlessCompiled(db, underwriter, "2026-12-20", [tax!.id])).toEqual({
    id: tax!.id,
    definition: null,
  });
});
