// An SDK's client made once in a module of the app (`export const stripe = new Stripe(key)`,
// `export default ImagePicker`) and called in others: the call is the SDK's, with its recipient,
// as when the client is made in the same file; an object of the app named like a client is not.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { scan } from "../../src/run.js";

const dir = fileURLToPath(new URL("../../fixtures/sdk-client-project/", import.meta.url));

describe("fixtures/sdk-client-project", async () => {
  const result = await scan({ dir });
  const found = (file: string) => result.findings.filter((f) => f.file === file && f.kind !== "schema").map((f) => `${f.line} ${f.category} ${f.kind} ${f.rule} ${f.recipient}`);

  it("a client behind a tsconfig paths alias: what its call is given reaches Stripe", () => {
    expect(found("src/billing/create-customer.ts")).toEqual(["4 email transmit sdk.stripe.data stripe"]);
  });

  it("a caller of the app's wrapper, and a client re-exported under another name by a barrel", () => {
    expect(found("src/billing/signup.ts")).toEqual([
      "6 email transmit sdk.stripe.data stripe",
      "6 name transmit sdk.stripe.data stripe",
      "7 email transmit sdk.stripe.data stripe",
      "7 payment transmit sdk.stripe.payment stripe",
    ]);
    const [f] = result.findings.filter((x) => x.file === "src/billing/signup.ts" && x.line === 6 && x.category === "email");
    expect(f.trace?.map((s) => `${s.file}:${s.line}`)).toEqual(["src/billing/signup.ts:6", "src/billing/create-customer.ts:4"]);
  });

  it("a package's default export re-exported by a module of the app is still the package's source, refined by the function it is in (takeAvatar: a profile photo)", () => {
    expect(found("src/profile/avatar.ts")).toEqual(["4 profile-photo source expo.image-picker.photo null"]);
  });

  it("through the re-export, a camera asked for a video (a VIDEO_* config spread into its options) records a video; the same camera without one takes an image", () => {
    expect(found("src/profile/clip.ts")).toEqual(["5 video source expo.image-picker.photo null", "10 image source expo.image-picker.photo null"]);
  });

  it("an object of the app shaped like a client, and a call that passes nothing personal, are not sends", () => {
    expect(result.findings.filter((f) => f.line === 8 && f.file === "src/billing/signup.ts")).toEqual([]);
    expect(result.findings.filter((f) => f.file === "src/billing/create-customer.ts" && f.line === 11)).toEqual([]);
    expect(result.findings.filter((f) => f.file.startsWith("src/lib/"))).toEqual([]);
  });
});
