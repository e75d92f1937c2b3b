// The name this process goes by in logs, claims and metrics: INSTANCE_ID, else host-pid.
import { hostname } from 'node:os';

export function resolveInstanceId(configured: string | null, pid: number = process.pid, host: string = hostname()): string {
  return configured ?? `${host}-${pid}`;
}
