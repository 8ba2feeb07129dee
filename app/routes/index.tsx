import { redirect } from "react-router";
import type { Route } from "./+types/index";
import { landingPathFor, requireUser } from "../auth/session.server.ts";

export async function loader(args: Route.LoaderArgs) {
  throw redirect(landingPathFor(await requireUser(args)));
}
