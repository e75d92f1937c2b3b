// A request budget shared by every instance: a token bucket per key (platform and token) kept
// where all instances see it (the database), so N instances together stay within one limit.

export interface RateBudget {
  /**
   * Takes one request from the bucket `key` (refilled at `perSecond`, holding at most `burst`);
   * returns how many milliseconds to wait before sending it (0: at once). Never refuses: a taken
   * request is reserved, and the wait spaces the requests of all instances out.
   */
  take(key: string, perSecond: number, burst: number): Promise<number>;
}
