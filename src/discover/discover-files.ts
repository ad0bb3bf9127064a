import { globby } from "globby";

export const SOURCE_EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];

// Dependencies and build output are someone else's code or a copy of ours.
export const DEFAULT_EXCLUDES = [
  "**/node_modules/**",
  "**/dist/**",
  "**/build/**",
  "**/out/**",
  "**/coverage/**",
  "**/.next/**",
  "**/.nuxt/**",
  "**/.expo/**",
  "**/.git/**",
  "**/vendor/**",
  // Tests, stories and mocks describe data; they do not collect it from anyone.
  "**/*.test.*",
  "**/*.spec.*",
  "**/*[-_]spec.*",
  "**/*.e2e.*",
  "**/test/**",
  "**/tests/**",
  "**/e2e/**",
  "**/cypress/**",
  // Seed data and migrations are fixtures and table definitions, not collection.
  "**/seeds/**",
  "**/seed/**",
  "**/migrations/**",
  "**/__tests__/**",
  "**/__mocks__/**",
  "**/*.stories.*",
  "**/*.min.js",
  "**/*.bundle.js",
];

export interface DiscoverOptions {
  include?: string[];
  exclude?: string[];
  /** Also scan node_modules, build output and .gitignored paths. */
  all?: boolean;
}

/** Source files under root, as sorted POSIX paths relative to it. Symlinks are not followed. */
export async function discoverFiles(root: string, opts: DiscoverOptions = {}): Promise<string[]> {
  const ext = `{${SOURCE_EXTENSIONS.join(",")}}`;
  const patterns = opts.include?.length ? opts.include.map((p) => (/\.[a-z]+$|\*\*?$/.test(p) ? p : p)) : [`**/*.${ext}`];
  const files = await globby(patterns, {
    cwd: root,
    ignore: [...(opts.all ? [] : DEFAULT_EXCLUDES), ...(opts.exclude ?? [])],
    gitignore: !opts.all,
    followSymbolicLinks: false,
    onlyFiles: true,
    dot: false,
    suppressErrors: true,
  });
  const wanted = new RegExp(`\\.(${SOURCE_EXTENSIONS.join("|")})$`);
  return files.filter((f) => wanted.test(f)).sort();
}
