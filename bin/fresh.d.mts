/** Whether the compiled CLI in `dir` (default "dist") under `root` matches the sources it was built from. */
export function bundleIsFresh(root: URL, dir?: string): boolean;
