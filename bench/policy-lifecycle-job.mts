// Runs the daily policy lifecycle job once against DATABASE_URL for `date` and prints its report
// and duration as JSON. A separate process because the job's module graph is the Worker's (its
// types are checked with the app), while bench/ is checked as plain Node code.
import { createDatabase } from "../db/client.ts";
import { runPolicyLifecycle } from "../app/services/servicing/lifecycle.server.ts";

const [databaseUrl, today] = process.argv.slice(2);
if (!databaseUrl || !today) throw new Error("usage: node bench/policy-lifecycle-job.mts <databaseUrl> <YYYY-MM-DD>");
const started = performance.now();
const report = await runPolicyLifecycle(createDatabase(databaseUrl), null, today);
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), report }));
