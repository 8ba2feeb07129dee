import { describe, expect, it } from "vitest";
import { checkProducerLicensed, licenceForRisk, type ProducerLicence } from "./producer-licence.ts";

const texas: ProducerLicence = {
  state: "TX",
  licenceNumber: "TX-2291834",
  lines: ["property", "casualty"],
  effectiveOn: "2025-01-01",
  expiresOn: "2026-12-31",
};

const check = (licences: ProducerLicence[], asOf = "2026-11-22", state = "TX") =>
  checkProducerLicensed({ producer: { name: "Priya Producer", licences }, state, lineOfBusiness: "GL", asOf });

describe("producer_licensed", () => {
  it("passes with a casualty licence in the risk's state in force on the bind date, its last day included", () => {
    expect(check([texas]).passed).toBe(true);
    expect(check([texas], "2026-12-31").passed).toBe(true);
    expect(licenceForRisk([texas], { state: "TX", lineOfBusiness: "WC" }, "2026-12-31")).toBe(texas);
  });

  it("refuses an expired licence, naming the producer, the licence and the day it expired", () => {
    expect(check([texas], "2027-01-01")).toEqual({
      check: "producer_licensed",
      code: "PRODUCER_NOT_LICENSED",
      passed: false,
      detail: "Priya Producer's TX licence TX-2291834 expired on 2026-12-31",
    });
  });

  it("refuses a risk in a state where the producer holds no licence", () => {
    expect(check([texas], "2026-11-22", "OK")).toMatchObject({
      passed: false,
      detail: "Priya Producer holds no producer licence in OK",
    });
  });

  it("refuses a licence not yet in force and one without the casualty line", () => {
    expect(check([{ ...texas, effectiveOn: "2026-12-01" }])).toMatchObject({
      passed: false,
      detail: "Priya Producer's TX licence TX-2291834 is not in force until 2026-12-01",
    });
    expect(check([{ ...texas, lines: ["property"] }])).toMatchObject({
      passed: false,
      detail: "Priya Producer's TX licence TX-2291834 does not carry the casualty line",
    });
  });

  it("passes when one of several licences in the state is good", () => {
    expect(check([{ ...texas, expiresOn: "2025-12-31", licenceNumber: "OLD" }, texas]).passed).toBe(true);
  });
});
