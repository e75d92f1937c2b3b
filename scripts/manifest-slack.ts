// npm run manifest:slack -- <base URL> [--socket] [--name <app name>] [--out <file>]
// Prints the Slack app manifest (JSON) generated from commands/, or writes it to --out.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSlackManifest } from '../src/adapters/slack/manifest.ts';

const USAGE = `Usage: npm run manifest:slack -- <base URL> [--out manifest.json] [--name newsbrief]
       npm run manifest:slack -- --socket [--out manifest.json]   (Socket Mode: no URLs)

  <base URL>  the public HTTPS address of the bot, e.g. https://news.example.com;
              slash commands and interactivity go to <base URL>/slack/events`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        socket: { type: 'boolean', default: false },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    process.stderr.write(`Expected one base URL, got ${positionals.length}.\n${USAGE}\n`);
    return 2;
  }
  const baseUrl = positionals[0] ?? null;
  if (!baseUrl && !values.socket) {
    process.stderr.write(`Missing the base URL.\n${USAGE}\n`);
    return 2;
  }
  let json: string;
  try {
    const manifest = buildSlackManifest({ baseUrl, socket: values.socket, ...(values.name ? { appName: values.name } : {}) });
    json = `${JSON.stringify(manifest, null, 2)}\n`;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (values.out) {
    writeFileSync(values.out, json);
    process.stderr.write(`Wrote the Slack app manifest to ${values.out}\n`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
