import { convertV4MiniflareOptions, Miniflare } from "miniflare";

/**
 * A real local R2 bucket for tests in Node: miniflare (shipped with wrangler) runs the same
 * workerd R2 simulation the Cloudflare vite plugin gives the app in dev and preview, kept in
 * memory here so every test run starts empty.
 */
export async function startLocalR2(): Promise<{
  bucket: R2Bucket;
  objectKeys: (prefix?: string) => Promise<string[]>;
  dispose: () => Promise<void>;
}> {
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
      compatibilityDate: "2026-10-19",
      r2Buckets: ["DOCUMENTS"],
    }),
  );
  // miniflare types the bucket with its own copy of the workers types; the object is the same.
  const bucket = (await miniflare.getR2Bucket("DOCUMENTS")) as unknown as R2Bucket;
  return {
    bucket,
    objectKeys: async (prefix) => (await bucket.list({ prefix })).objects.map((object) => object.key),
    dispose: () => miniflare.dispose(),
  };
}
