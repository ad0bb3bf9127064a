// A hand-built ScanResult for the reporter tests: three activities (one ✅, one ⚠️, one ❌
// with ⚠️), every status, recipients declared and not, a suppressed finding with a reason,
// a rule missing from context.rules, and hostile evidence and file names.

import type { Finding, ScanResult } from "../../src/types.js";

export const EVIL_FILE = "src/weird|name `x` <img src=x onerror=alert(1)>.ts";
export const EVIL_EVIDENCE = "console.log(user.email) | `boom`\n<img src=x onerror=alert(1)> [x](javascript:alert(1))";

function finding(f: Partial<Finding> & Pick<Finding, "id" | "file" | "line" | "category" | "status">): Finding {
  return {
    column: 1, kind: "transmit", rule: `${f.category}.rule`, confidence: "high", evidence: "x",
    symbol: null, recipient: null, activities: [], ...f,
  };
}

// Deliberately unsorted: reporters must sort.
const findings: Finding[] = [
  finding({ id: "fp-ga-device-id", file: "src/analytics/track.ts", line: 10, column: 3, category: "device-id",
    rule: "device-id.analytics-track", recipient: "google-analytics", status: "declared", activities: ["analytics"],
    evidence: "analytics.track('open', { installId })", symbol: "trackOpen" }),
  finding({ id: "fp-evil", file: EVIL_FILE, line: 7, column: 2, category: "email", kind: "log",
    rule: "email.console-log", status: "undeclared", violation: "category", evidence: EVIL_EVIDENCE }),
  finding({ id: "fp-signup-phone", file: "src/account/signup.ts", line: 12, column: 5, category: "phone",
    rule: "phone.request-body", status: "declared", activities: ["sign-up"],
    evidence: "api.post('/register', { email, phone })", symbol: "registerUser" }),
  finding({ id: "fp-signup-email", file: "src/account/signup.ts", line: 12, column: 5, category: "email",
    rule: "email.request-body", status: "declared", activities: ["sign-up"],
    evidence: "api.post('/register', { email, phone })", symbol: "registerUser" }),
  finding({ id: "fp-signup-password", file: "src/account/signup.ts", line: 30, column: 3, category: "password",
    kind: "input", rule: "password.input", status: "declared", activities: ["sign-up"],
    evidence: '<input type="password" name="pw">' }),
  finding({ id: "fp-bind-mac", file: "src/device/bind.ts", line: 8, column: 10, category: "mac-address",
    kind: "source", rule: "mac-address.os-network-interfaces", status: "declared", activities: ["device-binding"],
    evidence: "os.networkInterfaces()", symbol: "bindDevice" }),
  finding({ id: "fp-bind-gps", file: "src/device/bind.ts", line: 20, column: 3, category: "precise-location",
    kind: "source", rule: "precise-location.geolocation", status: "undeclared", violation: "category",
    evidence: "navigator.geolocation.getCurrentPosition(cb) // a | b `c`", symbol: "bindDevice" }),
  finding({ id: "fp-ping-mac", file: "src/telemetry/ping.ts", line: 4, column: 7, category: "mac-address",
    rule: "mac-address.sdk-tag", recipient: "sentry", status: "undeclared", violation: "category", confidence: "medium",
    evidence: 'Sentry.setTag("mac", mac)' }),
  finding({ id: "fp-profile-email", file: "src/ui/Profile.tsx", line: 40, column: 9, category: "email", kind: "store",
    rule: "email.local-storage", status: "suppressed", violation: "category", evidence: "localStorage.setItem('email', email)",
    suppression: { source: "inline", reason: "cached locally, *never* sent | see DPIA-12" } }),
  finding({ id: "fp-legacy-ip", file: "src/legacy/old.ts", line: 3, column: 1, category: "ip-address", kind: "log",
    rule: "custom.legacy-ip", confidence: "low", status: "suppressed", violation: "category", evidence: "logger.info({ ip: req.ip })",
    suppression: { source: "baseline", reason: "baseline" } }),
];

export const sampleResult: ScanResult = {
  schemaVersion: 1,
  tool: { name: "policytrace", version: "0.1.0" },
  manifest: "privacy-manifest.yml",
  findings,
  unused: [
    { activity: "device-binding", category: "device-serial" },
    { activity: "sign-up", category: "country" },
  ],
  errors: [{ file: "src/broken.ts", message: "Unexpected token `|` <b>bold</b>", line: 3, column: 7 }],
  summary: { files: 9, findings: 10, declared: 5, undeclared: 3, suppressed: 2, unused: 2, errors: 1, durationMs: 812 },
  context: {
    root: "/home/dev/acme-cam",
    manifest: {
      path: "privacy-manifest.yml",
      policy: { name: "Imou Privacy Policy", updated: "2023-01-10" },
      recipients: [
        { id: "aws", name: "Amazon Web Services" },
        { id: "google-analytics", name: "Google Analytics" },
      ],
      activities: [
        { id: "sign-up", ref: "A.1a", title: "When you sign up with Imou App for the first time",
          data: ["email", "phone", "password", "country"], declared: ["email", "Phone number", "password", "country"],
          purposes: ["account-registration", "communication"], basis: "contract", recipients: ["aws"],
          code: ["src/account/**"] },
        { id: "device-binding", ref: "A.2", title: "When you add a device",
          data: ["mac-address", "device-serial"], declared: ["MAC address", "Device SN"],
          purposes: ["device-binding"], basis: "contract", recipients: ["aws"], code: ["./src/device/**"],
          positions: { activity: { line: 14, column: 9 }, data: { "mac-address": { line: 15, column: 12 }, "device-serial": { line: 15, column: 27 } } } },
        { id: "analytics", ref: "A.5", title: "Improve our products | <b>analytics</b>",
          data: ["device-id"], declared: ["device-id"], purposes: ["product-improvement"], basis: "consent",
          recipients: ["google-analytics"], code: ["src/analytics/**"] },
      ],
    },
    rules: [
      { id: "email.request-body", category: "email", kind: "transmit", confidence: "high", description: "Email address in a request body" },
      { id: "phone.request-body", category: "phone", kind: "transmit", confidence: "high", description: "Phone number in a request body" },
      { id: "password.input", category: "password", kind: "input", confidence: "high", description: "Password input field" },
      { id: "mac-address.os-network-interfaces", category: "mac-address", kind: "source", confidence: "high", description: "MAC address from os.networkInterfaces()" },
      { id: "mac-address.sdk-tag", category: "mac-address", kind: "transmit", confidence: "medium", description: "MAC address sent to Sentry", recipient: "sentry" },
      { id: "precise-location.geolocation", category: "precise-location", kind: "source", confidence: "high", description: "Browser geolocation" },
      { id: "email.console-log", category: "email", kind: "log", confidence: "high", description: "Email address written to the console" },
      { id: "device-id.analytics-track", category: "device-id", kind: "transmit", confidence: "high", description: "Device identifier sent to analytics", recipient: "google-analytics" },
      { id: "email.local-storage", category: "email", kind: "store", confidence: "high", description: "Email address in localStorage" },
      { id: "name.schema-field", category: "name", kind: "name", confidence: "low", description: "A field named like a person's name" },
    ],
    categories: [
      { id: "email", title: "Email address", group: "contact", aliases: ["Email"], fideslang: "user.contact.email" },
      { id: "phone", title: "Phone number", group: "contact", aliases: ["Phone number"], fideslang: "user.contact.phone_number" },
      { id: "name", title: "Name", group: "identity", aliases: [], fideslang: "user.name" },
      { id: "password", title: "Password", group: "credentials", aliases: [], fideslang: "user.authorization.password" },
      { id: "country", title: "Country", group: "locale", aliases: [], fideslang: "user.contact.address.country" },
      { id: "precise-location", title: "Precise location", group: "location", aliases: ["GPS"], fideslang: "user.location.precise" },
      { id: "ip-address", title: "IP address", group: "network", aliases: [], fideslang: "user.device.ip_address" },
      { id: "mac-address", title: "MAC address", group: "device-identifiers", aliases: [], fideslang: null },
      { id: "device-serial", title: "Device serial number", group: "device-identifiers", aliases: ["Device SN"], fideslang: null },
      { id: "device-id", title: "Device identifier", group: "device-identifiers", aliases: [], fideslang: "user.device.device_id" },
    ],
    staleSuppressions: [{ file: "src/ui/Old.tsx", line: 5, category: "email", reason: "moved to <Profile>" }],
    staleBaseline: [{ id: "abc123", file: "src/gone.ts", category: "phone" }],
    startedAt: "2024-05-01T10:00:00.000Z",
    git: { commit: "0123456789abcdef0123456789abcdef01234567", branch: "main" },
  },
};

/** The same code scanned without a manifest: every finding unchecked. */
export const inventoryResult: ScanResult = {
  ...sampleResult,
  manifest: null,
  findings: findings.map(({ suppression: _s, violation: _v, ...f }) => ({ ...f, status: "unchecked", activities: [] })),
  unused: [],
  summary: { ...sampleResult.summary, declared: 0, undeclared: 0, suppressed: 0, unused: 0 },
  context: { ...sampleResult.context, manifest: null, staleSuppressions: [], staleBaseline: [] },
};

/** A clean scan: only the declared findings. */
export const passingResult: ScanResult = {
  ...sampleResult,
  findings: findings.filter((f) => f.status === "declared"),
  unused: [],
  errors: [],
  summary: { ...sampleResult.summary, findings: 5, undeclared: 0, suppressed: 0, unused: 0, errors: 0 },
  context: { ...sampleResult.context, staleSuppressions: [], staleBaseline: [] },
};
