export function chromiumArgs(options: { extensionDir: string; hostRules: string }): string[];
export function hostRules(hosts: readonly string[], port: number): string;
export function firefoxPrefs(options: {
  geckoId: string;
  extensionUuid: string;
  proxyPort: number;
}): Record<string, string | number | boolean>;
