// Types for scripts/oracles.mjs, so the TypeScript tests can import it.
export interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
}
export declare function whyInstall(
  locked: Record<string, LockEntry>,
  installed: Record<string, LockEntry> | undefined,
  options?: { dataSetsOnly?: boolean },
): string | undefined;
