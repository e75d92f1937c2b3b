// `newsbrief ingest` and `newsbrief extract`: any source through the one ingest use case.
import { briefDocument, formatIngestLine, ingestSources, type BriefedArticle } from './app/ingest.ts';
import { systemClock } from './app/ports.ts';
import type { CliContext } from './cli-commands.ts';
import { readSources } from './sources/read-sources.ts';
import { openStore } from './store/index.ts';

export async function runIngest(ctx: CliContext, targets: string[]): Promise<number> {
  const store = await openStore(ctx.config.scale.databaseUrl ?? ctx.config.dbPath);
  try {
    const report = await ingestSources({ store, clock: systemClock, logger: ctx.logger }, readSources(targets, { allowPrivate: ctx.config.sources.allowPrivate }), {
      onLine: (l) => ctx.io.stdout.write(formatIngestLine(l) + '\n'),
    });
    return report.failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** The stable JSON contract of `newsbrief extract --json` (evaluation scripts rely on it). */
export function extractRecord({ article, briefing: b }: BriefedArticle) {
  return {
    file: article.file,
    url: article.url,
    headline: b.headline,
    published: article.published,
    summary: b.keyPoints.map((k) => k.text),
    quotes: b.quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind })),
    source: article.source,
    speakers: b.speakers.map((s) => ({ name: s.name, aliases: s.aliases, role: s.role, kind: s.kind })),
  };
}

export async function runExtract(ctx: CliContext, targets: string[], json: boolean): Promise<number> {
  let failed = 0;
  for await (const doc of readSources(targets, { allowPrivate: ctx.config.sources.allowPrivate })) {
    const { articles, failures } = briefDocument(doc, ctx.logger);
    for (const f of failures) {
      failed++;
      ctx.io.stderr.write(formatIngestLine(f) + '\n');
    }
    for (const r of articles.map(extractRecord)) {
      if (json) ctx.io.stdout.write(JSON.stringify(r) + '\n');
      else {
        const lines = [r.headline, ...r.summary.map((s) => `  • ${s}`), ...r.quotes.map((q) => `  “${q.text}” — ${q.speaker ?? 'unattributed'} (${q.kind})`)];
        ctx.io.stdout.write(lines.join('\n') + '\n\n');
      }
    }
  }
  return failed ? 1 : 0;
}
