// Starts the fake Discord and the real Discord adapter (startDiscord) against it.
import type { App, Choice } from '../../../src/app/ports.ts';
import type { CommandContext, Invocation } from '../../../src/app/invocation.ts';
import type { Message } from '../../../src/core/message.ts';
import type { DiscordConfig } from '../../../src/config.ts';
import { startDiscord, type RunningDiscord } from '../../../src/adapters/discord/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { startFakeDiscord, type FakeDiscord } from './index.ts';
import { componentPayload, interactionPayload, type ComponentSpec, type InteractionSpec } from './interactions.ts';

export interface Harness {
  fake: FakeDiscord;
  discord: RunningDiscord;
  /** Sends an interaction over the gateway; returns its id and token. */
  interact(spec: InteractionSpec): { id: string; token: string };
  /** Presses a button (a MESSAGE_COMPONENT interaction) over the gateway; returns its id and token. */
  press(spec: ComponentSpec): { id: string; token: string };
  stop(): Promise<void>;
}

export function discordConfig(fake: FakeDiscord, extra: Partial<DiscordConfig> = {}): DiscordConfig {
  return {
    token: 'fake-bot-token',
    applicationId: fake.identity.applicationId,
    guildId: fake.identity.guildId,
    apiUrl: fake.apiUrl,
    publicKey: null,
    httpPort: 0,
    ...extra,
  };
}

export async function startHarness(app: App, opts: { deferAfterMs?: number; config?: Partial<DiscordConfig> } = {}): Promise<Harness> {
  const fake = await startFakeDiscord();
  let discord: RunningDiscord;
  try {
    discord = await startDiscord({
      config: discordConfig(fake, opts.config),
      app,
      logger: silentLogger,
      httpHost: '127.0.0.1',
      ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
    });
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    fake,
    discord,
    interact(spec) {
      const payload = interactionPayload(fake.identity, spec);
      fake.gateway.dispatch('INTERACTION_CREATE', payload);
      return { id: payload.id, token: payload.token };
    },
    press(spec) {
      const payload = componentPayload(fake.identity, spec);
      fake.gateway.dispatch('INTERACTION_CREATE', payload);
      return { id: payload.id, token: payload.token };
    },
    async stop() {
      await discord.stop();
      await fake.close();
    },
  };
}

export interface Call {
  inv: Invocation;
  ctx: CommandContext;
}

/** A transport-test App: records calls and answers with `answer` (default: an echo of the command). */
export function recordingApp(answer?: (inv: Invocation, ctx: CommandContext) => Promise<Message> | Message, choices: Choice[] = []): App & { calls: Call[]; completions: string[][] } {
  const calls: Call[] = [];
  const completions: string[][] = [];
  return {
    calls,
    completions,
    async handle(inv, ctx) {
      calls.push({ inv, ctx });
      if (answer) return answer(inv, ctx);
      return { visibility: 'public', title: `answer to /${inv.command}`, items: [] };
    },
    async autocomplete(command, option, value) {
      completions.push([command, option, value]);
      return choices;
    },
  };
}
