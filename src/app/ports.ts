// The ports the use cases run over: store, clock, logger, publisher, scheduler (one file per
// concept in ports/; this barrel keeps `import … from './ports.ts'` working).
export * from './ports/clock.ts';
export * from './ports/articles.ts';
export * from './ports/speakers.ts';
export * from './ports/stories.ts';
export * from './ports/digests.ts';
export * from './ports/sources.ts';
export * from './ports/store.ts';
export * from './ports/publisher.ts';
export * from './ports/scheduler.ts';
export * from './ports/app.ts';
export * from './ports/metrics.ts';
export * from './ports/installations.ts';
export * from './ports/rate-budget.ts';
