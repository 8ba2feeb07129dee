import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { appServices } from "../../context.server.ts";
import { forwardCookies } from "../../utils/http.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: Route.ActionArgs) {
  const response = await appServices(context).auth.api.signOut({ headers: request.headers, asResponse: true });
  throw redirect("/sign-in", { headers: forwardCookies(response) });
}
