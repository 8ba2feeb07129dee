import { DEMO_PASSWORD, DEMO_TOTP_SECRET, users } from "../db/seed/demo-data.ts";
import { projectRoot, startLocalStack } from "./local-stack.ts";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const stack = await startLocalStack({
  dataDir: process.env.OPENINSURE_DATA_DIR ?? `${projectRoot}.data`,
  appPort: port("PORT", 5173),
  databasePort: port("DB_PORT", 3307),
  simulatorPort: port("DB_API_PORT", 3900),
  ledgerPort: port("LEDGER_PORT", 3950),
  databaseName: "openinsure",
  mode: "dev",
  log: (line) => console.log(`• ${line}`),
});

console.log(`\nOpenInsure is running at ${stack.appUrl}\n`);
console.log(`Demo logins (password "${DEMO_PASSWORD}"; * = TOTP with secret ${DEMO_TOTP_SECRET}):`);
for (const user of users) {
  const roles = user.platformOperator ? "platform operator" : user.roles.join(", ");
  console.log(`  ${user.totp ? "*" : " "} ${user.email.padEnd(34)} ${roles}`);
}
console.log(`\nDev mailbox: ${stack.appUrl}/dev/outbox · Ctrl-C stops everything.\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await stack.stop();
    process.exit(0);
  });
}
