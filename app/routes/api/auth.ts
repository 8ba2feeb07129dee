import type { Route } from "./+types/auth";
import { appServices } from "../../context.server.ts";

// better-auth's own endpoints (used by the forms' actions and by the browser for sign-out).
export async function loader({ request, context }: Route.LoaderArgs) {
  return appServices(context).auth.handler(request);
}

export async function action({ request, context }: Route.ActionArgs) {
  return appServices(context).auth.handler(request);
}
