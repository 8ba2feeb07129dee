import type { Route } from "./+types/programs";
import { appServices } from "../../../context.server.ts";
import { listKnockoutRules } from "../../../models/knockouts.server.ts";
import { listActiveVersionsUpTo, listWritingPrograms } from "../../../models/program-config.server.ts";
import { apiJson, handleApi } from "../../../services/api/http.server.ts";
import { presentPrograms } from "../../../services/api/programs.ts";
import { businessToday } from "../../../utils/today.ts";

export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant }) => {
    const { db } = appServices(args.context);
    const [programs, versions, rules] = await Promise.all([
      listWritingPrograms(db, tenant),
      listActiveVersionsUpTo(db, tenant, businessToday(tenant)),
      listKnockoutRules(db, tenant),
    ]);
    return apiJson(presentPrograms(programs, versions, rules));
  });
}
