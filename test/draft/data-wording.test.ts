// Wording → category ids: each case is a policy's own phrase, with look-alikes that must not map.

import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../../src/config/categories.js";
import { mapDataWording, splitList } from "../../src/draft/data-wording.js";
import { basesIn, isBasisCell } from "../../src/draft/basis.js";

const taxonomy = loadTaxonomy();
const ids = (text: string) => [...new Set(mapDataWording(text, taxonomy).mapped.flatMap((m) => m.ids))];
const unmapped = (text: string) => mapDataWording(text, taxonomy).unmapped.map((u) => u.wording);

describe("mapDataWording", () => {
  it.each([
    ["SN of the device", ["device-serial"]],
    ["Media Access Control Address (MAC), network log or device log information", ["mac-address", "diagnostics"]],
    ["Your precise geographical location", ["precise-location"]],
    ["telephone number (only of customers who sign up via their telephone number)", ["phone"]],
    ["device time zone and DST status on/off", ["timezone"]],
    ["Push notice ID/alarm snapshot", ["push-token", "image"]],
    ["Photographs or videos taken during the event", ["image", "video"]],
    ["Email address or third party account that you use for registration", ["email", "third-party-account"]],
    ["permission that provide access to the microphone on the Device", ["audio"]],
    ["User data (email address, country)", ["email", "country"]],
    ["crash reports", ["diagnostics"]],
    ["location", ["precise-location", "coarse-location"]], // the group
  ])("%s", (wording, expected) => {
    expect(ids(wording)).toEqual(expected);
  });

  it("splits on the policy's separators, not inside parentheses", () => {
    expect(splitList("Device SN; Device QR code, Device model (if any, on the label)\nwifi info")).toEqual(["Device SN", "Device QR code", "Device model (if any, on the label)", "wifi info"]);
  });

  it("keeps wording it cannot map, whole, with a did-you-mean", () => {
    const m = mapDataWording("Device SN; Devices Channel ID; network access method and type", taxonomy);
    expect(m.unmapped).toEqual([
      { wording: "Devices Channel ID", suggestion: "channel name" },
      { wording: "network access method and type", suggestion: "Wi-Fi network name" },
    ]);
  });

  it("does not read look-alikes as data", () => {
    expect(ids("SNMP community string; macro settings")).toEqual([]); // aliases SN and MAC match whole words only
    expect(ids("the emergency contact you name")).toEqual([]); // "name" as a verb
    expect(ids("tracking number")).toEqual([]);
    expect(unmapped("etc. of abnormal equipment")).toEqual([]); // a qualifier of the list, not data
  });

  it("notes references to other rows instead of mapping them", () => {
    const m = mapDataWording("Apart from the information mentioned under item 1, like GPS", taxonomy);
    expect(m.references).toEqual([{ wording: "Apart from the information mentioned under item 1", item: "1" }]);
    expect(m.mapped.flatMap((x) => x.ids)).toEqual(["precise-location"]);
  });
});

describe("lawful basis", () => {
  it.each([
    ["Performance of contract for Imou Registration Agreement and legitimate interests to …", ["contract", "legitimate-interest"]],
    ["Your consent, which you can withdraw", ["consent"]],
    ["Our legitimate interests in providing a working product", ["legitimate-interest"]],
    ["Compliance with a legal obligation", ["legal-obligation"]],
    ["provide you with services in accordance with the legal requirements of the country", []],
  ])("%s", (text, expected) => {
    expect(basesIn(text)).toEqual(expected);
  });

  it("tells a basis cell from a purpose that mentions consent", () => {
    expect(isBasisCell("Consent")).toBe(true);
    expect(isBasisCell("Our legitimate interests to communicate with you")).toBe(true);
    expect(isBasisCell("When you enable user experience plan, you give us consent to collect such information")).toBe(false);
    expect(isBasisCell("To register your interest to our products and services")).toBe(false);
  });
});

describe("qualifiers after an item's head", () => {
  it("reads 'Precise location of your phone' as location only", () => {
    expect(ids("Precise location of your phone")).toEqual(["precise-location"]);
    expect(ids("permission that provide access to the microphone on the Device")).toEqual(["audio"]);
  });
});
