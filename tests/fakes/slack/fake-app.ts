// A scriptable App for adapter tests: records every call and can hold its answer back
// until the test releases it (to prove the slash command was acked before the answer).
import type { CommandContext, Invocation } from '../../../src/app/invocation.ts';
import type { App, Choice } from '../../../src/app/ports.ts';
import type { Message } from '../../../src/core/message.ts';

export interface FakeApp extends App {
  calls: { invocation: Invocation; ctx: CommandContext }[];
  /** Lets every held answer (and every later one) through. */
  release(): void;
}

export function fakeApp(answer: (inv: Invocation, ctx: CommandContext) => Message, opts: { hold?: boolean } = {}): FakeApp {
  const calls: FakeApp['calls'] = [];
  let release!: () => void;
  const gate = opts.hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  if (!opts.hold) release = () => {};
  return {
    calls,
    release: () => release(),
    async handle(invocation, ctx) {
      calls.push({ invocation, ctx });
      await gate;
      return answer(invocation, ctx);
    },
    async autocomplete(): Promise<Choice[]> {
      return [];
    },
  };
}
