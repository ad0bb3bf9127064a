import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { activityIdOf, featureFolderOf, globOf, uniqueIds, widenLeaves } from "../../src/init/feature-folders.js";

describe("feature folders", () => {
  it("take the folder right below the first source root", () => {
    expect(featureFolderOf("mobile/src/account/LoginScreen.tsx")).toEqual({ folder: "mobile/src/account", deep: true });
    expect(featureFolderOf("mobile/src/devices/add/ScanQr.tsx")).toEqual({ folder: "mobile/src/devices", deep: true });
    expect(featureFolderOf("packages/web/src/checkout/pay.ts")).toEqual({ folder: "packages/web/src/checkout", deep: true });
    expect(featureFolderOf("src/app/settings/page.tsx")).toEqual({ folder: "src/app/settings", deep: true });
    expect(featureFolderOf("app/settings/page.tsx")).toEqual({ folder: "app/settings", deep: true });
  });

  it("group files directly in a source root, or without one, by their own folder", () => {
    expect(featureFolderOf("mobile/src/App.tsx")).toEqual({ folder: "mobile/src", deep: false });
    expect(featureFolderOf("routes/admin/users.js")).toEqual({ folder: "routes/admin", deep: false });
    expect(featureFolderOf("index.js")).toEqual({ folder: "", deep: false });
  });

  it("widen a folder-only group when nothing lies below it", () => {
    const fs = [featureFolderOf("mobile/src/App.tsx"), featureFolderOf("mobile/src/account/a.ts"), featureFolderOf("routes/users.js")];
    widenLeaves(fs);
    expect(fs.map(globOf)).toEqual(["mobile/src/*", "mobile/src/account/**", "routes/**"]);
    const root = [featureFolderOf("index.js"), featureFolderOf("lib/x/y.js")];
    widenLeaves(root);
    expect(root.map(globOf)).toEqual(["*", "lib/x/**"]);
  });

  it("escape glob syntax in folder names so the glob matches that folder only", () => {
    const glob = globOf({ folder: "web/app/[id]/(shop)", deep: true });
    expect(glob).toBe("web/app/\\[id\\]/\\(shop\\)/**");
    const isMatch = picomatch(glob, { dot: true });
    expect(isMatch("web/app/[id]/(shop)/page.tsx")).toBe(true);
    expect(isMatch("web/app/i/shop/page.tsx")).toBe(false);
  });

  it("derive valid, unique activity ids", () => {
    expect(activityIdOf({ folder: "mobile/src/account", deep: true })).toBe("mobile-account");
    expect(activityIdOf({ folder: "server/src/deviceLogs", deep: true })).toBe("server-device-logs");
    expect(activityIdOf({ folder: "src", deep: false })).toBe("src");
    expect(activityIdOf({ folder: "", deep: false })).toBe("root");
    expect(activityIdOf({ folder: "web/app/[id]", deep: true })).toBe("web-id");
    expect(uniqueIds(["a", "b", "a", "a"])).toEqual(["a", "b", "a-2", "a-3"]);
  });
});
