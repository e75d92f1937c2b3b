// A publisher that asks the shared rate budget before each post: one bucket per platform and
// token (the Slack workspace whose token posts; the one bot token otherwise).
import type { Publisher, RateBudget } from './ports.ts';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export function rateLimited(publisher: Publisher, budget: RateBudget, limit: RateLimit, sleep: (ms: number) => Promise<void>): Publisher {
  return {
    platform: publisher.platform,
    async publish(channelId, message, target) {
      const key = `${publisher.platform}:${target?.workspaceId ?? 'bot'}`;
      const waitMs = await budget.take(key, limit.perSecond, limit.burst);
      if (waitMs > 0) await sleep(waitMs);
      return publisher.publish(channelId, message, target);
    },
  };
}
