// Bulk-overwrites the application commands (guild when a guild id is given, else global) and
// reports what changed against what Discord had before.
import { Routes, type REST } from 'discord.js';

export type CommandJson = { name: string } & Record<string, unknown>;

export interface CommandChanges {
  scope: 'guild' | 'global';
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** Fields Discord fills in with defaults when they are left out. */
const DEFAULTS: Record<string, unknown> = {
  type: 1,
  required: false,
  autocomplete: false,
  dm_permission: true,
  nsfw: false,
  default_member_permissions: null,
  options: [],
  choices: [],
  name_localizations: null,
  description_localizations: null,
};

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

/** Does `current` (from Discord) say the same as `wanted` (ours)? Only the fields we send count. */
export function sameDefinition(wanted: unknown, current: unknown): boolean {
  if (Array.isArray(wanted) || Array.isArray(current)) {
    const a = Array.isArray(wanted) ? wanted : [];
    const b = Array.isArray(current) ? current : [];
    return a.length === b.length && a.every((w, i) => sameDefinition(w, b[i]));
  }
  if (wanted && typeof wanted === 'object') {
    if (!current || typeof current !== 'object') return false;
    const c = current as Record<string, unknown>;
    const norm = (k: string, x: unknown): unknown => (x === undefined || x === null ? (DEFAULTS[k] ?? null) : x);
    return Object.entries(wanted as Record<string, unknown>).every(([k, v]) => {
      const a = norm(k, v);
      const b = norm(k, c[k]);
      if (isEmpty(a) && isEmpty(b)) return true;
      return sameDefinition(a, b);
    });
  }
  return wanted === current;
}

export function diffCommands(wanted: readonly CommandJson[], current: readonly CommandJson[], scope: CommandChanges['scope']): CommandChanges {
  const changes: CommandChanges = { scope, added: [], updated: [], removed: [], unchanged: [] };
  for (const w of wanted) {
    const c = current.find((x) => x.name === w.name);
    if (!c) changes.added.push(w.name);
    else if (sameDefinition(w, c)) changes.unchanged.push(w.name);
    else changes.updated.push(w.name);
  }
  for (const c of current) if (!wanted.some((w) => w.name === c.name)) changes.removed.push(c.name);
  return changes;
}

export async function registerCommands(opts: {
  rest: REST;
  applicationId: string;
  guildId: string | null;
  commands: readonly CommandJson[];
}): Promise<CommandChanges> {
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId) : Routes.applicationCommands(opts.applicationId);
  const current = (await opts.rest.get(route)) as CommandJson[];
  const changes = diffCommands(opts.commands, current, opts.guildId ? 'guild' : 'global');
  await opts.rest.put(route, { body: opts.commands });
  return changes;
}

export function formatChanges(c: CommandChanges, target: string): string {
  const line = (label: string, names: string[]) => `  ${label.padEnd(10)} ${names.length ? names.map((n) => `/${n}`).join(', ') : '-'}`;
  return [
    `Registered ${c.added.length + c.updated.length + c.unchanged.length} commands ${target}:`,
    line('added', c.added),
    line('updated', c.updated),
    line('removed', c.removed),
    line('unchanged', c.unchanged),
  ].join('\n');
}
