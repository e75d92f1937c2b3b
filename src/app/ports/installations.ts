// The installation store port: Slack workspaces that installed the app ("Add to Slack") and the
// bot token each one granted. Tokens are secrets: implementations never log them, and a
// revoked installation keeps no token.

export interface SlackInstallationInput {
  /** The workspace (team) id; for an org-wide Enterprise Grid install, the enterprise id. */
  teamId: string;
  enterpriseId: string | null;
  teamName: string | null;
  botUserId: string | null;
  botToken: string;
  /** The whole installation as @slack/oauth returns it (JSON), handed back to Bolt as is. */
  installation: unknown;
}

export interface SlackInstallation extends SlackInstallationInput {
  installedAt: string;
}

export interface InstallationStore {
  /** Stores (or replaces, on a reinstall) the workspace's installation. */
  save(input: SlackInstallationInput, at: Date): Promise<void>;
  /** The active installation of a workspace, or null (never installed, or uninstalled). */
  find(teamId: string, enterpriseId?: string | null): Promise<SlackInstallation | null>;
  /** Forgets the workspace's token (app_uninstalled, tokens_revoked); false when there was none. */
  revoke(teamId: string, enterpriseId: string | null, reason: string, at: Date): Promise<boolean>;
  close(): Promise<void>;
}
