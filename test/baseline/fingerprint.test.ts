// Fingerprints come from what classified a finding, not from the whole statement.

import { describe, expect, it } from "vitest";
import { anchorOf, assignFingerprints } from "../../src/baseline/fingerprint.js";
import type { Finding } from "../../src/types.js";

const finding = (evidence: string, over: Partial<Finding> = {}): Finding => ({
  id: "", file: "src/a.ts", line: 1, column: 1, category: "email", kind: "transmit", rule: "net.http-client", confidence: "high",
  evidence, symbol: "register", recipient: null, status: "unchecked", activities: [], ...over,
});

const idOf = (f: Finding) => {
  assignFingerprints([f]);
  return f.id;
};

describe("anchorOf: the call, key or name that matched", () => {
  it.each([
    ["api.post('/register', { email, phone })", "transmit", "api.post('/register'"],
    ["await this.http.put(`/users/${id}`, { phoneNumber })", "transmit", "this.http.put"],
    ["console.log(user.email)", "log", "console.log"],
    ["console.log('label', user.email)", "log", "console.log"],
    ["localStorage.setItem('email', email)", "store", "localStorage.setItem('email'"],
    ["req.body?.phone", "input", "req.body?.phone"],
    ['name="phone"', "input", 'name="phone"'],
    ["@Column({ name: 'mac_address', length: 17 }) macAddress!: string | null;", "schema", "macAddress"],
    ["@Index() @Column({ type: 'uuid' }) deviceId!: string;", "schema", "deviceId"],
    ["email?: string", "schema", "email"],
    ["http.put('/me', { nickname })", "transmit", "http.put('/me'"],
    ["DeviceInfo.getSerialNumber()", "source", "DeviceInfo.getSerialNumber()"],
  ] as const)("%s → %s", (evidence, kind, anchor) => {
    expect(anchorOf(evidence, kind)).toBe(anchor);
  });
});

describe("assignFingerprints", () => {
  it("keeps the id when an unrelated value joins the same call or its options change", () => {
    const base = idOf(finding("api.post('/register', { email, phone })"));
    expect(idOf(finding("api.post('/register', { email, phone, locale })"))).toBe(base);
    expect(idOf(finding("api.post('/register', { email }, { timeout: 5000 })"))).toBe(base);
    expect(idOf(finding("@Column({ length: 64 }) email!: string", { kind: "schema" })))
      .toBe(idOf(finding("@Column({ length: 255, nullable: true }) email!: string", { kind: "schema" })));
  });

  it("changes the id when what matched changes: another call, URL, symbol, file, category or rule", () => {
    const base = idOf(finding("api.post('/register', { email })"));
    for (const other of [
      finding("api.put('/register', { email })"),
      finding("api.post('/login', { email })"),
      finding("api.post('/register', { email })", { symbol: "login" }),
      finding("api.post('/register', { email })", { file: "src/b.ts" }),
      finding("api.post('/register', { email })", { category: "phone" }),
      finding("api.post('/register', { email })", { rule: "net.fetch" }),
    ]) expect(idOf(other)).not.toBe(base);
  });

  it("tells identical readings in one symbol apart by order, and never uses the line", () => {
    const a = finding("console.log(user.email)", { kind: "log", line: 3 });
    const b = finding("console.log(user.email)", { kind: "log", line: 9 });
    assignFingerprints([a, b]);
    expect(a.id).not.toBe(b.id);
    const moved = finding("console.log(user.email)", { kind: "log", line: 30 });
    assignFingerprints([moved]);
    expect(moved.id).toBe(a.id);
    expect(a.id).toMatch(/^[0-9a-f]{20}$/);
  });
});
