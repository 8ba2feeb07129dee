// Vitest setup file. TEST_NOW=<ISO instant> moves every test process's clock to that instant and
// lets it run on from there, as `faketime` would: `TEST_NOW=2031-06-17T12:00:00Z npx vitest run`
// shows the suite does not lean on the real date. The seed's calendar is SEED_TODAY (see
// db/test/global-setup.ts). The database server keeps the real clock: the queries that read it
// (NOW(3) in the sign-in throttle and the email outbox claims) compare it with times the database
// wrote itself; an API key's last use, written from the shifted clock, then looks recent and is
// written once rather than once a minute.
const target = process.env.TEST_NOW;
if (target) {
  const RealDate = Date;
  const offset = RealDate.parse(target) - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`TEST_NOW is not a date: "${target}"`);
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
