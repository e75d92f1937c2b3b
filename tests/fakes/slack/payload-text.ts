// Walks a Slack payload and returns its text, split by how Slack reads it.
export interface PayloadText {
  /** Top-level `text` and every mrkdwn text object: Slack parses <!channel>, <@U…> and & here. */
  mrkdwn: string[];
  /** plain_text objects (headers, buttons): shown literally. */
  plain: string[];
}

export function payloadText(payload: unknown): PayloadText {
  const out: PayloadText = { mrkdwn: [], plain: [] };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (typeof o['text'] === 'string' && (o['type'] === 'mrkdwn' || o['type'] === 'plain_text')) {
      (o['type'] === 'mrkdwn' ? out.mrkdwn : out.plain).push(o['text']);
    }
    for (const [k, child] of Object.entries(o)) if (k !== 'text' || typeof child !== 'string') walk(child);
  };
  const top = payload as Record<string, unknown>;
  if (typeof top['text'] === 'string') out.mrkdwn.push(top['text']);
  walk(top['blocks']);
  return out;
}

export function allText(payload: unknown): string {
  const t = payloadText(payload);
  return [...t.mrkdwn, ...t.plain].join('\n');
}

/** Finds the first button with this action_id. */
export function findButton(payload: unknown, actionId: string): { value: string } | null {
  let found: { value: string } | null = null;
  const walk = (v: unknown): void => {
    if (found) return;
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (o['type'] === 'button' && o['action_id'] === actionId && typeof o['value'] === 'string') {
      found = { value: o['value'] };
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk((payload as Record<string, unknown>)['blocks']);
  return found;
}
