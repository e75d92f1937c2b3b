// Ingests the new files of the seeds folder; files already ingested (same name and content) are skipped.
import { listSeedFiles } from '../sources/seeds.ts';
import { ingestDocument, type IngestDeps, type IngestLine } from './ingest.ts';
import { decodeDocument } from '../core/parse/index.ts';
import { isBriefingError } from '../core/errors.ts';

export interface SeedReport {
  stored: number;
  skipped: number;
  failed: number;
  lines: IngestLine[];
}

export async function ingestSeeds(deps: IngestDeps, dir: string): Promise<SeedReport> {
  const report: SeedReport = { stored: 0, skipped: 0, failed: 0, lines: [] };
  const files = await listSeedFiles(dir, { missingOk: true }).catch((err: unknown) => {
    deps.logger.warn({ err, dir }, 'seeds folder could not be read');
    return [];
  });
  for (const f of files) {
    if (await deps.store.hasSourceFile(f.path, f.hash)) {
      report.skipped++;
      continue;
    }
    let lines: IngestLine[];
    try {
      const content = decodeDocument(await f.read(), f.name);
      lines = await ingestDocument(deps, { content, file: f.name, url: null }, f.name);
    } catch (err) {
      deps.logger.warn({ err, file: f.path }, 'seed file could not be read');
      lines = [{ label: f.name, status: 'failed', reason: isBriefingError(err) ? err.message : 'could not be read' }];
    }
    report.lines.push(...lines);
    for (const l of lines) {
      if (l.status === 'stored') report.stored++;
      else if (l.status === 'failed') report.failed++;
    }
    // a file is done once every article in it is stored or known: a failed one is tried again next start
    if (lines.every((l) => l.status !== 'failed')) await deps.store.recordSourceFile(f.path, f.hash, deps.clock.now());
  }
  return report;
}
