import { openApiDocument } from "./openapi.ts";

// Which methods and body media types each /v1 path takes, read from the OpenAPI document so
// the two never disagree: a path gains a method or a media type by being documented.

type Operation = { requestBody?: { content: Record<string, unknown> } };
type PathTemplate = { pattern: RegExp; operations: Record<string, Operation> };

// Served, but not part of the documented API surface.
const UNDOCUMENTED: Record<string, Record<string, Operation>> = { "/v1/openapi.json": { get: {} } };

let templates: PathTemplate[] | null = null;

function pathTemplates(): PathTemplate[] {
  if (!templates) {
    const paths = { ...(openApiDocument("").paths as Record<string, Record<string, Operation>>), ...UNDOCUMENTED };
    templates = Object.entries(paths).map(([path, operations]) => ({
      pattern: new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
      operations,
    }));
  }
  return templates;
}

export type RequestShapeProblem = {
  status: 405 | 415;
  code: "METHOD_NOT_ALLOWED" | "UNSUPPORTED_MEDIA_TYPE";
  message: string;
  headers: Record<string, string>;
};

/** The methods a /v1 path answers (HEAD with GET), or null for an unknown path. */
export function allowedMethods(pathname: string): string[] | null {
  const template = pathTemplates().find((t) => t.pattern.test(pathname));
  if (!template) return null;
  const methods = Object.keys(template.operations).map((m) => m.toUpperCase());
  if (methods.includes("GET")) methods.push("HEAD");
  return methods;
}

function mediaType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

/**
 * Why a /v1 request cannot be served as sent: a method the path does not take (405 with Allow),
 * or a body in a media type its operation does not accept (415). Unknown paths are left to
 * the router's 404.
 */
export function requestShapeProblem(request: Request): RequestShapeProblem | null {
  const { pathname } = new URL(request.url);
  const allowed = allowedMethods(pathname);
  if (!allowed) return null;
  const method = request.method.toUpperCase();
  if (!allowed.includes(method)) {
    return {
      status: 405,
      code: "METHOD_NOT_ALLOWED",
      message: `${method} is not allowed on ${pathname}. Allowed: ${allowed.join(", ")}.`,
      headers: { allow: allowed.join(", ") },
    };
  }
  if (method === "GET" || method === "HEAD") return null;
  const contentType = request.headers.get("content-type");
  const length = request.headers.get("content-length");
  const hasBody =
    contentType !== null || (length !== null && length !== "0") || request.headers.has("transfer-encoding");
  if (!hasBody) return null;
  const template = pathTemplates().find((t) => t.pattern.test(pathname))!;
  const accepted = Object.keys(
    template.operations[method.toLowerCase()]?.requestBody?.content ?? { "application/json": {} },
  );
  if (contentType === null || !accepted.includes(mediaType(contentType))) {
    return {
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: `Send the body as ${accepted.join(" or ")}${contentType ? `, not ${mediaType(contentType)}` : ""}.`,
      headers: { "accept-post": accepted.join(", ") },
    };
  }
  return null;
}
