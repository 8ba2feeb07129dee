import { describe, expect, test } from "vitest";
import { openSecret, sealSecret } from "./secret-box.ts";

describe("sealed secrets", () => {
  test("a sealed secret opens only with the same app secret and purpose, and hides the plaintext", async () => {
    const sealed = await sealSecret("app-secret", "webhook-signing-secret", "whsec_abc");
    expect(sealed).not.toContain("whsec_abc");
    expect(await openSecret("app-secret", "webhook-signing-secret", sealed)).toBe("whsec_abc");
    await expect(openSecret("other-secret", "webhook-signing-secret", sealed)).rejects.toThrow();
    await expect(openSecret("app-secret", "another-purpose", sealed)).rejects.toThrow();
    await expect(openSecret("app-secret", "webhook-signing-secret", "whsec_abc")).rejects.toThrow(
      "Not a sealed secret",
    );
  });
});
