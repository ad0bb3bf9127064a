// Issue 8, server-side code: the machine's own side of a connection and the endpoints it
// connects to are not a person's data; the peer on the other end is.
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { loadRuleSet } from "../../src/config/rules-loader.js";
import { compileRules } from "../../src/detect/compiled-rules.js";
import { scanText } from "../../src/detect/scan-text.js";

const rules = compileRules(loadRuleSet(loadTaxonomy()));
const found = (src: string) => scanText("sample.ts", src, rules).map((f) => `${f.line} ${f.category} ${f.kind}`);

describe("an address beside a port is an endpoint; a peer's address is a person's", () => {
  it("an RTP target, a SIP registrar and the local side are endpoints; a user's IP and a connection's remote address are not", () => {
    const src = [
      "interface RtpTarget { ip: string; port: number }",
      "interface SipConfig { localIp: string; localPort: number }",
      "interface Visit { ip: string; userAgent: string }",
      "console.debug(`Setting initial RTP target ${ip}:${port}`);",
      "console.log('connection from', socket.remoteAddress, socket.remotePort);",
      "logger.info({ ip: userIp });",
    ].join("\n");
    expect(found(src)).toEqual(["3 ip-address schema", "5 ip-address log", "6 ip-address log"]);
  });
});
