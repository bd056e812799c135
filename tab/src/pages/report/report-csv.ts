/** The report's CSV is written by the API (a download link, app/downloads.ts); the same function, for tests. */
export { reportCsv } from '@tandem/core/reports/report-csv';
