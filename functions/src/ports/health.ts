/** One dependency's state for /api/health. */
export interface HealthStatus {
  status: 'ok' | 'degraded';
  reason?: string;
}

/** A dependency that can tell whether it works (store, directory, calendar, bot configuration). */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<HealthStatus>;
}
