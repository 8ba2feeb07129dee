import type { Route } from "./+types/openapi";
import { openApiDocument } from "../../../services/api/openapi.ts";

export async function loader({ request }: Route.LoaderArgs) {
  return Response.json(openApiDocument(new URL(request.url).origin), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
