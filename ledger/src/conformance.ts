// The behaviour the app relies on, written against the Backend interface so the same suite runs on
// the embedded store (always) and on a real TigerBeetle cluster (when TB_ADDRESSES is set). Every
// test makes its own accounts with random ids, so it can run against a cluster that keeps data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "./backend.ts";
import { account, filter, randomId, transfer } from "./testing.ts";
import {
  type Account,
  AccountFilterFlags,
  AccountFlags,
  amount_max,
  type CreateAccountResult,
  type CreateTransferResult,
  type Transfer,
  TransferFlags,
  U128_MAX,
} from "./types.ts";

const statuses = (results: (CreateAccountResult | CreateTransferResult)[]) => results.map((r) => r.status);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeConformance(name: string, makeBackend: () => Promise<Backend>): void {
  describe(`ledger backend conformance: ${name}`, () => {
    let ledger: Backend;
    beforeAll(async () => {
      ledger = await makeBackend();
    });
    afterAll(async () => {
      await ledger?.close();
    });

    /** Creates accounts and insists they were created. */
    async function open(...accounts: Account[]): Promise<Account[]> {
      expect(statuses(await ledger.createAccounts(accounts))).toEqual(accounts.map(() => "created"));
      return accounts;
    }

    async function move(...transfers: Transfer[]): Promise<CreateTransferResult[]> {
      return ledger.createTransfers(transfers);
    }

    async function balances(id: bigint) {
      const [found] = await ledger.lookupAccounts([id]);
      const { debits_pending, debits_posted, credits_pending, credits_posted } = found;
      return { debits_pending, debits_posted, credits_pending, credits_posted };
    }

    const zero = { debits_pending: 0n, debits_posted: 0n, credits_pending: 0n, credits_posted: 0n };

    describe("accounts", () => {
      it("creates accounts with server timestamps and looks them up in request order", async () => {
        const [a, b] = [account({ user_data_128: 7n, code: 2 }), account({ ledger: 9 })];
        const results = await ledger.createAccounts([a, b]);
        expect(statuses(results)).toEqual(["created", "created"]);
        expect(results[1].timestamp).toBeGreaterThan(results[0].timestamp);

        const found = await ledger.lookupAccounts([b.id, randomId(), a.id]);
        expect(found.map((x) => x.id)).toEqual([b.id, a.id]);
        expect(found[1]).toEqual({ ...a, timestamp: results[0].timestamp });
        expect(found[0].timestamp).toBe(results[1].timestamp);
      });

      it("answers exists for the same account and exists_with_different_* for other fields", async () => {
        const a = account({ user_data_128: 1n, user_data_64: 2n, user_data_32: 3, flags: AccountFlags.history });
        const [created] = await ledger.createAccounts([a]);
        const again = await ledger.createAccounts([
          a,
          { ...a, flags: 0 },
          { ...a, user_data_128: 9n },
          { ...a, user_data_64: 9n },
          { ...a, user_data_32: 9 },
          { ...a, ledger: 2 },
          { ...a, code: 2 },
        ]);
        expect(statuses(again)).toEqual([
          "exists",
          "exists_with_different_flags",
          "exists_with_different_user_data_128",
          "exists_with_different_user_data_64",
          "exists_with_different_user_data_32",
          "exists_with_different_ledger",
          "exists_with_different_code",
        ]);
        expect(again[0].timestamp).toBe(created.timestamp);
        const [stored] = await ledger.lookupAccounts([a.id]);
        expect(stored.ledger).toBe(1);
      });

      it("rejects invalid accounts with TigerBeetle's result codes", async () => {
        const results = await ledger.createAccounts([
          account({ timestamp: 1n }),
          account({ reserved: 1 }),
          account({ flags: 1 << 6 }),
          account({ id: 0n }),
          account({ id: U128_MAX }),
          account({ flags: AccountFlags.debits_must_not_exceed_credits | AccountFlags.credits_must_not_exceed_debits }),
          account({ debits_pending: 1n }),
          account({ debits_posted: 1n }),
          account({ credits_pending: 1n }),
          account({ credits_posted: 1n }),
          account({ ledger: 0 }),
          account({ code: 0 }),
        ]);
        expect(statuses(results)).toEqual([
          "timestamp_must_be_zero",
          "reserved_field",
          "reserved_flag",
          "id_must_not_be_zero",
          "id_must_not_be_int_max",
          "flags_are_mutually_exclusive",
          "debits_pending_must_be_zero",
          "debits_posted_must_be_zero",
          "credits_pending_must_be_zero",
          "credits_posted_must_be_zero",
          "ledger_must_not_be_zero",
          "code_must_not_be_zero",
        ]);
      });

      it("creates linked accounts all or nothing", async () => {
        const linked = AccountFlags.linked;
        const [a, b, c, d] = [account({ flags: linked }), account({ flags: linked }), account({ code: 0 }), account()];
        expect(statuses(await ledger.createAccounts([a, b, c, d]))).toEqual([
          "linked_event_failed",
          "linked_event_failed",
          "code_must_not_be_zero",
          "created",
        ]);
        expect((await ledger.lookupAccounts([a.id, b.id, c.id, d.id])).map((x) => x.id)).toEqual([d.id]);

        const e = account({ flags: linked });
        expect(statuses(await ledger.createAccounts([account(), e]))).toEqual(["created", "linked_event_chain_open"]);
      });
    });

    describe("transfers", () => {
      it("moves money and records the transfer immutably", async () => {
        const [dr, cr] = await open(account(), account());
        const t = transfer({ debit_account_id: dr.id, credit_account_id: cr.id, amount: 250n, user_data_64: 5n });
        const [result] = await move(t);
        expect(result.status).toBe("created");
        expect(await balances(dr.id)).toEqual({ ...zero, debits_posted: 250n });
        expect(await balances(cr.id)).toEqual({ ...zero, credits_posted: 250n });
        expect(await ledger.lookupTransfers([t.id, randomId()])).toEqual([{ ...t, timestamp: result.timestamp }]);
        const [stored] = await ledger.lookupAccounts([dr.id]);
        expect(result.timestamp).toBeGreaterThan(stored.timestamp);
      });

      it("answers exists for a resubmitted transfer without moving money twice", async () => {
        const [dr, cr, other] = await open(account(), account(), account());
        const t = transfer({ debit_account_id: dr.id, credit_account_id: cr.id, amount: 10n, user_data_128: 1n });
        const [first] = await move(t);
        const again = await move(
          t,
          { ...t, flags: TransferFlags.pending },
          { ...t, debit_account_id: other.id },
          { ...t, credit_account_id: other.id },
          { ...t, amount: 11n },
          { ...t, user_data_128: 2n },
          { ...t, user_data_64: 2n },
          { ...t, user_data_32: 2 },
          { ...t, ledger: 2 },
          { ...t, code: 2 },
        );
        expect(statuses(again)).toEqual([
          "exists",
          "exists_with_different_flags",
          "exists_with_different_debit_account_id",
          "exists_with_different_credit_account_id",
          "exists_with_different_amount",
          "exists_with_different_user_data_128",
          "exists_with_different_user_data_64",
          "exists_with_different_user_data_32",
          "exists_with_different_ledger",
          "exists_with_different_code",
        ]);
        expect(again[0].timestamp).toBe(first.timestamp);
        expect(await balances(dr.id)).toEqual({ ...zero, debits_posted: 10n });
      });

      it("keeps transfers within one ledger", async () => {
        const [a, b, foreign] = await open(account(), account(), account({ ledger: 2 }));
        expect(
          statuses(
            await move(
              transfer({ debit_account_id: a.id, credit_account_id: foreign.id, amount: 1n }),
              transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n, ledger: 2 }),
            ),
          ),
        ).toEqual(["accounts_must_have_the_same_ledger", "transfer_must_have_the_same_ledger_as_accounts"]);
      });

      it("rejects invalid transfers with TigerBeetle's result codes", async () => {
        const [a, b] = await open(account(), account());
        const ok = { debit_account_id: a.id, credit_account_id: b.id, amount: 1n };
        const results = await move(
          transfer({ ...ok, timestamp: 1n }),
          transfer({ ...ok, flags: 1 << 9 }),
          transfer({ ...ok, id: 0n }),
          transfer({ ...ok, id: U128_MAX }),
          transfer({ ...ok, flags: TransferFlags.pending | TransferFlags.post_pending_transfer }),
          transfer({ ...ok, debit_account_id: 0n }),
          transfer({ ...ok, credit_account_id: U128_MAX }),
          transfer({ ...ok, credit_account_id: a.id }),
          transfer({ ...ok, pending_id: 1n }),
          transfer({ ...ok, timeout: 1 }),
          transfer({ ...ok, flags: TransferFlags.closing_debit }),
          transfer({ ...ok, ledger: 0 }),
          transfer({ ...ok, code: 0 }),
          transfer({ ...ok, debit_account_id: randomId() }),
          transfer({ ...ok, credit_account_id: randomId() }),
        );
        expect(statuses(results)).toEqual([
          "timestamp_must_be_zero",
          "reserved_flag",
          "id_must_not_be_zero",
          "id_must_not_be_int_max",
          "flags_are_mutually_exclusive",
          "debit_account_id_must_not_be_zero",
          "credit_account_id_must_not_be_int_max",
          "accounts_must_be_different",
          "pending_id_must_be_zero",
          "timeout_reserved_for_pending_transfer",
          "closing_transfer_must_be_pending",
          "ledger_must_not_be_zero",
          "code_must_not_be_zero",
          "debit_account_not_found",
          "credit_account_not_found",
        ]);
      });

      it("retires the id of a transfer that failed on the ledger's state, not on its own fields", async () => {
        const [a, b] = await open(account(), account());
        const missing = account();
        const orphan = transfer({ debit_account_id: missing.id, credit_account_id: b.id, amount: 1n });
        const malformed = transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n, code: 0 });
        expect(statuses(await move(orphan, malformed))).toEqual(["debit_account_not_found", "code_must_not_be_zero"]);

        await open(missing);
        expect(statuses(await move(orphan, { ...malformed, code: 1 }))).toEqual(["id_already_failed", "created"]);
      });

      it("enforces debits_must_not_exceed_credits and credits_must_not_exceed_debits", async () => {
        const [funded, source, capped, sink] = await open(
          account({ flags: AccountFlags.debits_must_not_exceed_credits }),
          account(),
          account({ flags: AccountFlags.credits_must_not_exceed_debits }),
          account(),
        );
        await move(transfer({ debit_account_id: source.id, credit_account_id: funded.id, amount: 100n }));
        await move(transfer({ debit_account_id: capped.id, credit_account_id: sink.id, amount: 50n }));
        const results = await move(
          transfer({
            debit_account_id: funded.id,
            credit_account_id: sink.id,
            amount: 60n,
            flags: TransferFlags.pending,
          }),
          transfer({ debit_account_id: funded.id, credit_account_id: sink.id, amount: 41n }),
          transfer({ debit_account_id: funded.id, credit_account_id: sink.id, amount: 40n }),
          transfer({ debit_account_id: source.id, credit_account_id: capped.id, amount: 51n }),
          transfer({ debit_account_id: source.id, credit_account_id: capped.id, amount: 50n }),
        );
        expect(statuses(results)).toEqual(["created", "exceeds_credits", "created", "exceeds_debits", "created"]);
        expect(await balances(funded.id)).toEqual({
          ...zero,
          debits_pending: 60n,
          debits_posted: 40n,
          credits_posted: 100n,
        });
      });

      it("detects u128 overflow and sums amounts beyond 2^64 exactly", async () => {
        const [a, b, c] = await open(account({ user_data_128: 1n << 100n }), account(), account());
        const big = 1n << 100n;
        const results = await move(
          transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: big, user_data_128: (1n << 127n) + 3n }),
          transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: big + 1n }),
          transfer({ debit_account_id: c.id, credit_account_id: b.id, amount: amount_max - 2n * big }),
          transfer({ debit_account_id: c.id, credit_account_id: a.id, amount: 1n }),
          transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n }),
        );
        expect(statuses(results)).toEqual(["created", "created", "overflows_credits_posted", "created", "created"]);
        expect(await balances(a.id)).toEqual({ ...zero, debits_posted: 2n * big + 2n, credits_posted: 1n });
        expect(await balances(b.id)).toEqual({ ...zero, credits_posted: 2n * big + 2n });
        const [first] = await ledger.getAccountTransfers(
          filter({ account_id: a.id, user_data_128: (1n << 127n) + 3n }),
        );
        expect(first.amount).toBe(big);
      });
    });

    describe("linked transfers", () => {
      // The premium split from DOMAIN.md: a receipt fans out to four payables, all or none.
      async function fiduciary() {
        const [payer, mga, producer, revenue, tax, carrier] = await open(
          account(),
          account({ flags: AccountFlags.debits_must_not_exceed_credits }),
          account(),
          account(),
          account(),
          account(),
        );
        await move(transfer({ debit_account_id: payer.id, credit_account_id: mga.id, amount: 1000n }));
        const legs = (amounts: bigint[]) =>
          [producer, revenue, tax, carrier].map((to, i) =>
            transfer({
              debit_account_id: mga.id,
              credit_account_id: to.id,
              amount: amounts[i],
              flags: i < 3 ? TransferFlags.linked : 0,
            }),
          );
        return { mga, carrier, legs };
      }

      it("applies a chain as a whole or not at all", async () => {
        const { mga, carrier, legs } = await fiduciary();
        const failing = legs([100n, 150n, 50n, 701n]);
        expect(statuses(await move(...failing))).toEqual([
          "linked_event_failed",
          "linked_event_failed",
          "linked_event_failed",
          "exceeds_credits",
        ]);
        expect(await balances(mga.id)).toEqual({ ...zero, credits_posted: 1000n });
        expect(await ledger.lookupTransfers(failing.map((t) => t.id))).toEqual([]);

        const chain = legs([100n, 150n, 50n, 700n]);
        expect(statuses(await move(...chain))).toEqual(["created", "created", "created", "created"]);
        expect(await balances(mga.id)).toEqual({ ...zero, debits_posted: 1000n, credits_posted: 1000n });
        expect(await balances(carrier.id)).toEqual({ ...zero, credits_posted: 700n });
      });

      it("fails only the broken chain of a batch", async () => {
        const [a, b] = await open(account(), account());
        const ok = { debit_account_id: a.id, credit_account_id: b.id, amount: 1n };
        const results = await move(
          transfer({ ...ok, flags: TransferFlags.linked }),
          transfer({ ...ok, code: 0 }),
          transfer(ok),
          transfer({ ...ok, flags: TransferFlags.linked }),
          transfer(ok),
          transfer({ ...ok, flags: TransferFlags.linked }),
        );
        expect(statuses(results)).toEqual([
          "linked_event_failed",
          "code_must_not_be_zero",
          "created",
          "created",
          "created",
          "linked_event_chain_open",
        ]);
        expect(await balances(a.id)).toEqual({ ...zero, debits_posted: 3n });
      });

      it("reports a resubmitted chain as exists followed by linked_event_failed, without moving money", async () => {
        const { mga, legs } = await fiduciary();
        const chain = legs([100n, 150n, 50n, 700n]);
        await move(...chain);
        expect(statuses(await move(...chain))).toEqual([
          "exists",
          "linked_event_failed",
          "linked_event_failed",
          "linked_event_failed",
        ]);
        expect(await balances(mga.id)).toEqual({ ...zero, debits_posted: 1000n, credits_posted: 1000n });
      });

      it("retires only the id of the event that broke a chain on the ledger's state", async () => {
        const { mga, carrier, legs } = await fiduciary();
        const chain = legs([100n, 150n, 50n, 701n]);
        await move(...chain);
        const retry = [...chain.slice(0, 3), { ...chain[3], amount: 700n }];
        expect(statuses(await move(...retry))).toEqual([
          "linked_event_failed",
          "linked_event_failed",
          "linked_event_failed",
          "id_already_failed",
        ]);
        const fresh = [...chain.slice(0, 3), transfer({ ...chain[3], id: randomId(), amount: 700n })];
        expect(statuses(await move(...fresh))).toEqual(["created", "created", "created", "created"]);
        expect(await balances(carrier.id)).toEqual({ ...zero, credits_posted: 700n });
        expect(await balances(mga.id)).toEqual({ ...zero, debits_posted: 1000n, credits_posted: 1000n });
      });
    });

    describe("two-phase transfers", () => {
      async function reserve(amount: bigint, fields: Partial<Transfer> = {}) {
        const [dr, cr] = await open(account(), account());
        const p = transfer({
          debit_account_id: dr.id,
          credit_account_id: cr.id,
          amount,
          flags: TransferFlags.pending,
          ...fields,
        });
        expect(statuses(await move(p))).toEqual(["created"]);
        return { dr, cr, p };
      }
      const post = (p: Transfer, fields: Partial<Transfer> = {}) =>
        transfer({
          pending_id: p.id,
          amount: amount_max,
          flags: TransferFlags.post_pending_transfer,
          ledger: 0,
          code: 0,
          ...fields,
        });
      const cancel = (p: Transfer, fields: Partial<Transfer> = {}) =>
        transfer({ pending_id: p.id, flags: TransferFlags.void_pending_transfer, ledger: 0, code: 0, ...fields });

      it("reserves then posts the full amount with amount_max", async () => {
        const { dr, cr, p } = await reserve(100n, { user_data_32: 7 });
        expect(await balances(dr.id)).toEqual({ ...zero, debits_pending: 100n });
        const posting = post(p);
        const [posted] = await move(posting);
        expect(posted.status).toBe("created");
        expect(await balances(dr.id)).toEqual({ ...zero, debits_posted: 100n });
        expect(await balances(cr.id)).toEqual({ ...zero, credits_posted: 100n });
        // The posting inherits accounts, ledger, code and user data from the pending transfer.
        expect(await ledger.lookupTransfers([posting.id])).toEqual([
          {
            ...posting,
            debit_account_id: dr.id,
            credit_account_id: cr.id,
            amount: 100n,
            ledger: 1,
            code: 1,
            user_data_32: 7,
            timestamp: posted.timestamp,
          },
        ]);
        expect(statuses(await move(posting, post(p), cancel(p)))).toEqual([
          "exists",
          "pending_transfer_already_posted",
          "pending_transfer_already_posted",
        ]);
      });

      it("posts part of a pending amount and releases the rest", async () => {
        const { dr, p } = await reserve(100n);
        expect(statuses(await move(post(p, { amount: 101n }), post(p, { amount: 60n })))).toEqual([
          "exceeds_pending_transfer_amount",
          "created",
        ]);
        expect(await balances(dr.id)).toEqual({ ...zero, debits_posted: 60n });
      });

      it("voids a pending transfer", async () => {
        const { dr, cr, p } = await reserve(100n);
        expect(statuses(await move(cancel(p, { amount: 99n }), cancel(p)))).toEqual([
          "pending_transfer_has_different_amount",
          "created",
        ]);
        expect(await balances(dr.id)).toEqual(zero);
        expect(await balances(cr.id)).toEqual(zero);
        expect(statuses(await move(post(p), cancel(p)))).toEqual([
          "pending_transfer_already_voided",
          "pending_transfer_already_voided",
        ]);
      });

      it("checks the pending transfer a post or void refers to", async () => {
        const { dr, p } = await reserve(100n);
        const [x, y] = await open(account(), account());
        const single = transfer({ debit_account_id: x.id, credit_account_id: y.id, amount: 1n });
        await move(single);
        const itself = randomId();
        const results = await move(
          post(p, { pending_id: 0n }),
          post(p, { id: itself, pending_id: itself }),
          post(p, { pending_id: randomId() }),
          post(single),
          post(p, { debit_account_id: x.id }),
          post(p, { credit_account_id: x.id }),
          post(p, { ledger: 2 }),
          post(p, { code: 2 }),
          post(p, { timeout: 1 }),
          post(p, { flags: TransferFlags.post_pending_transfer | TransferFlags.void_pending_transfer }),
          post(p, { flags: TransferFlags.post_pending_transfer | TransferFlags.balancing_debit }),
        );
        expect(statuses(results)).toEqual([
          "pending_id_must_not_be_zero",
          "pending_id_must_be_different",
          "pending_transfer_not_found",
          "pending_transfer_not_pending",
          "pending_transfer_has_different_debit_account_id",
          "pending_transfer_has_different_credit_account_id",
          "pending_transfer_has_different_ledger",
          "pending_transfer_has_different_code",
          "timeout_reserved_for_pending_transfer",
          "flags_are_mutually_exclusive",
          "flags_are_mutually_exclusive",
        ]);
        expect(await balances(dr.id)).toEqual({ ...zero, debits_pending: 100n });
      });

      it("expires a pending transfer after its timeout", async () => {
        const { dr, p } = await reserve(100n, { timeout: 1 });
        const deadline = Date.now() + 10_000;
        while ((await balances(dr.id)).debits_pending !== 0n && Date.now() < deadline) await sleep(250);
        expect(await balances(dr.id)).toEqual(zero);
        expect(statuses(await move(post(p)))).toEqual(["pending_transfer_expired"]);
      });
    });

    describe("balancing transfers", () => {
      it("moves at most what keeps the account balanced, amount_max meaning no cap", async () => {
        const [source, wallet, sink] = await open(
          account(),
          account({ flags: AccountFlags.debits_must_not_exceed_credits }),
          account(),
        );
        await move(transfer({ debit_account_id: source.id, credit_account_id: wallet.id, amount: 80n }));
        const balancing = {
          debit_account_id: wallet.id,
          credit_account_id: sink.id,
          flags: TransferFlags.balancing_debit,
        };
        const sweep = transfer({ ...balancing, amount: amount_max });
        const capped = transfer({ ...balancing, amount: 30n });
        expect(statuses(await move(capped, sweep))).toEqual(["created", "created"]);
        const stored = await ledger.lookupTransfers([capped.id, sweep.id]);
        expect(stored.map((t) => t.amount)).toEqual([30n, 50n]);
        expect(await balances(wallet.id)).toEqual({ ...zero, debits_posted: 80n, credits_posted: 80n });
        // The amount is an upper limit, so resubmitting with any limit at or above what moved matches.
        expect(statuses(await move(sweep, { ...sweep, amount: 50n }, { ...sweep, amount: 49n }))).toEqual([
          "exists",
          "exists",
          "exists_with_different_amount",
        ]);
      });

      it("balances the credit side with balancing_credit", async () => {
        const [payable, payee, source] = await open(account(), account(), account());
        await move(transfer({ debit_account_id: payable.id, credit_account_id: payee.id, amount: 25n }));
        const settle = transfer({
          debit_account_id: source.id,
          credit_account_id: payable.id,
          amount: 100n,
          flags: TransferFlags.balancing_credit,
        });
        expect(statuses(await move(settle))).toEqual(["created"]);
        expect((await ledger.lookupTransfers([settle.id]))[0].amount).toBe(25n);
        expect(await balances(payable.id)).toEqual({ ...zero, debits_posted: 25n, credits_posted: 25n });
      });
    });

    describe("closed accounts", () => {
      it("refuses transfers on an account created closed", async () => {
        const [open1, closed] = await open(account(), account({ flags: AccountFlags.closed }));
        expect(
          statuses(
            await move(
              transfer({ debit_account_id: closed.id, credit_account_id: open1.id, amount: 1n }),
              transfer({ debit_account_id: open1.id, credit_account_id: closed.id, amount: 1n }),
            ),
          ),
        ).toEqual(["debit_account_already_closed", "credit_account_already_closed"]);
      });

      it("closes with a pending closing transfer and reopens when it is voided", async () => {
        const [a, b] = await open(account(), account());
        const closing = transfer({
          debit_account_id: a.id,
          credit_account_id: b.id,
          amount: 0n,
          flags: TransferFlags.pending | TransferFlags.closing_debit,
        });
        expect(statuses(await move(closing))).toEqual(["created"]);
        expect((await ledger.lookupAccounts([a.id]))[0].flags & AccountFlags.closed).toBe(AccountFlags.closed);
        expect(statuses(await move(transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n })))).toEqual(
          ["debit_account_already_closed"],
        );
        const reopen = transfer({
          pending_id: closing.id,
          flags: TransferFlags.void_pending_transfer,
          ledger: 0,
          code: 0,
        });
        expect(statuses(await move(reopen))).toEqual(["created"]);
        expect((await ledger.lookupAccounts([a.id]))[0].flags & AccountFlags.closed).toBe(0);
        expect(statuses(await move(transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n })))).toEqual(
          ["created"],
        );
      });
    });

    describe("queries", () => {
      async function history() {
        const [a, b, c] = await open(account({ flags: AccountFlags.history }), account(), account());
        const made = [
          transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n, code: 7 }),
          transfer({ debit_account_id: b.id, credit_account_id: a.id, amount: 2n, user_data_64: 9n }),
          transfer({ debit_account_id: a.id, credit_account_id: c.id, amount: 3n, code: 7 }),
          transfer({ debit_account_id: b.id, credit_account_id: c.id, amount: 4n }),
        ];
        const results = await move(...made);
        expect(statuses(results)).toEqual(["created", "created", "created", "created"]);
        return { a, b, made, timestamps: results.map((r) => r.timestamp) };
      }
      const ids = (transfers: Transfer[]) => transfers.map((t) => t.id);

      it("lists an account's transfers by side, order, limit and filters", async () => {
        const { a, made, timestamps } = await history();
        const [t1, t2, t3] = made.map((t) => t.id);
        expect(ids(await ledger.getAccountTransfers(filter({ account_id: a.id })))).toEqual([t1, t2, t3]);
        expect(
          ids(await ledger.getAccountTransfers(filter({ account_id: a.id, flags: AccountFilterFlags.debits }))),
        ).toEqual([t1, t3]);
        expect(
          ids(await ledger.getAccountTransfers(filter({ account_id: a.id, flags: AccountFilterFlags.credits }))),
        ).toEqual([t2]);
        const reversed = AccountFilterFlags.debits | AccountFilterFlags.credits | AccountFilterFlags.reversed;
        expect(ids(await ledger.getAccountTransfers(filter({ account_id: a.id, flags: reversed, limit: 2 })))).toEqual([
          t3,
          t2,
        ]);
        expect(ids(await ledger.getAccountTransfers(filter({ account_id: a.id, code: 7 })))).toEqual([t1, t3]);
        expect(ids(await ledger.getAccountTransfers(filter({ account_id: a.id, user_data_64: 9n })))).toEqual([t2]);
        expect(
          ids(
            await ledger.getAccountTransfers(
              filter({ account_id: a.id, timestamp_min: timestamps[1], timestamp_max: timestamps[2] }),
            ),
          ),
        ).toEqual([t2, t3]);
      });

      it("answers an invalid filter with nothing", async () => {
        const { a, timestamps } = await history();
        for (const invalid of [
          filter({ account_id: 0n }),
          filter({ account_id: a.id, limit: 0 }),
          filter({ account_id: a.id, flags: AccountFilterFlags.reversed }),
          filter({ account_id: a.id, timestamp_min: timestamps[2], timestamp_max: timestamps[0] }),
        ]) {
          expect(await ledger.getAccountTransfers(invalid)).toEqual([]);
          expect(await ledger.getAccountBalances(invalid)).toEqual([]);
        }
      });

      it("returns historical balances for accounts with flags.history only", async () => {
        const { a, b, timestamps } = await history();
        const history1 = await ledger.getAccountBalances(filter({ account_id: a.id }));
        expect(history1).toEqual([
          { debits_pending: 0n, debits_posted: 1n, credits_pending: 0n, credits_posted: 0n, timestamp: timestamps[0] },
          { debits_pending: 0n, debits_posted: 1n, credits_pending: 0n, credits_posted: 2n, timestamp: timestamps[1] },
          { debits_pending: 0n, debits_posted: 4n, credits_pending: 0n, credits_posted: 2n, timestamp: timestamps[2] },
        ]);
        expect(await ledger.getAccountBalances(filter({ account_id: b.id }))).toEqual([]);
      });
    });

    it("stamps every event with a strictly increasing timestamp", async () => {
      const [a, b] = await open(account(), account());
      const one = () => transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n });
      const first = await move(one(), one(), one(), one(), one());
      const second = await move(one(), transfer({ code: 0 }));
      const stamps = [...first, ...second].map((r) => r.timestamp);
      for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1]);
    });
  });
}
