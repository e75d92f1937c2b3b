// The console "platform": prints the digest it would post, with the text renderer, to an
// injected stream (stdout in the console adapter, a buffer in tests).
import type { Writable } from 'node:stream';
import type { Message } from '../../core/message.ts';
import type { Publisher } from '../../app/ports.ts';
import { DeliveryError } from '../../app/ports.ts';
import { renderText } from './render.ts';

export interface ConsolePublisherOptions {
  out: Pick<Writable, 'write'>;
  /** Message ids ("console-1", "console-2", ...) unless given. */
  newId?: () => string;
}

export function createConsolePublisher(opts: ConsolePublisherOptions): Publisher {
  let n = 0;
  const newId = opts.newId ?? (() => `console-${++n}`);
  return {
    platform: 'console',
    async publish(channelId: string, message: Message) {
      const text = `\n[digest for #${channelId}]\n${renderText(message)}\n`;
      try {
        opts.out.write(text);
      } catch (err) {
        throw new DeliveryError(`could not write to the console: ${err instanceof Error ? err.message : String(err)}`, { permanent: false, cause: err });
      }
      return { messageId: newId() };
    },
  };
}
