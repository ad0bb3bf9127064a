import { describe, expect, it } from "vitest";
import { gitInfo } from "../../src/discover/git-info.js";
import { project } from "../cli/helpers.js";
import { git, gitProject } from "./git-project.js";

describe("the commit and branch a report names", () => {
  it("a checkout on a branch: its commit and branch", () => {
    const dir = gitProject({ "a.ts": "export const a = 1;\n" });
    const head = git(dir, "rev-parse", "HEAD").trim();
    expect(gitInfo(dir)).toEqual({ commit: head, branch: "main" });
  });

  it("a detached HEAD: the commit, no branch", () => {
    const dir = gitProject({ "a.ts": "export const a = 1;\n" });
    const head = git(dir, "rev-parse", "HEAD").trim();
    git(dir, "checkout", "-q", "--detach");
    expect(gitInfo(dir)).toEqual({ commit: head, branch: undefined });
  });

  it("a repository without a commit, or no repository: nothing", () => {
    const fresh = project({ "a.ts": "export const a = 1;\n" });
    expect(gitInfo(fresh)).toBeUndefined();
    git(fresh, "init", "-q");
    expect(gitInfo(fresh)).toBeUndefined();
  });
});
