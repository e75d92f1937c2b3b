// Waits for `work` at most `ms`; says whether it finished in time (the work is not cancelled).
export async function withinGrace(work: Promise<unknown>, ms: number): Promise<'finished' | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work.then(() => 'finished' as const, () => 'finished' as const),
      new Promise<'timed out'>((resolve) => { timer = setTimeout(() => resolve('timed out'), ms); }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
