/**
 * The report as CSV, one figure per line (section, group, measure, value), so a spreadsheet can pivot
 * it. Holds exactly what the dashboard shows: counts and averages, suppressed groups left out.
 * Served by the API as a file (app/downloads.ts); the tab never builds the file itself.
 */
import type { ProgrammeReport as Report } from './types';

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const text = String(v);
  // Quote what needs it, and defuse spreadsheet formulas in group names.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(r: Report): string {
  const rows: (string | number | null)[][] = [['section', 'group', 'measure', 'value']];
  const add = (section: string, group: string, measure: string, value: number | null) =>
    rows.push([section, group, measure, value]);
  add('programme', r.name, 'anonymityThreshold', r.anonymityThreshold);
  for (const [stage, n] of Object.entries(r.funnel)) add('funnel', 'all', stage, n);
  for (const role of ['mentor', 'mentee'] as const)
    for (const [stage, n] of Object.entries(r.funnelByRole[role])) add('funnel', role, stage, n);
  add('meetings', 'all', 'planned', r.meetings.planned);
  add('meetings', 'all', 'held', r.meetings.held);
  add('meetings', 'all', 'heldShare', r.meetings.heldShare);
  for (const w of r.meetings.weekly) {
    add('meetingsPerWeek', w.week, 'planned', w.planned);
    add('meetingsPerWeek', w.week, 'held', w.held);
  }
  add('ratings', 'all', 'count', r.ratings.count);
  add('ratings', 'all', 'average', r.ratings.average);
  for (const [rating, n] of Object.entries(r.ratings.distribution ?? {})) add('ratingDistribution', rating, 'count', n);
  for (const w of r.ratings.trend) {
    add('ratingTrend', w.week, 'average', w.average);
    add('ratingTrend', w.week, 'count', w.count);
  }
  for (const a of r.assessments) {
    if (a.suppressed) continue;
    const group = `${a.topicName} (${a.role})`;
    add('selfAssessment', group, 'people', a.people);
    add('selfAssessment', group, 'startAverage', a.startAverage);
    add('selfAssessment', group, 'endAverage', a.endAverage);
    add('selfAssessment', group, 'change', a.change);
  }
  for (const a of r.assessmentStarts ?? []) {
    if (a.suppressed) continue;
    const group = `${a.topicName} (${a.role})`;
    add('selfAssessmentStart', group, 'people', a.people);
    add('selfAssessmentStart', group, 'average', a.average);
  }
  for (const g of r.mentorGains ?? []) {
    if (g.suppressed) continue;
    add('mentorGains', g.gain, 'people', g.people);
    add('mentorGains', g.gain, 'average', g.average);
  }
  for (const [k, v] of Object.entries(r.pairs)) add('pairs', 'all', k, v ?? null);
  for (const [by, breakdown] of Object.entries(r.breakdowns)) {
    for (const row of breakdown.rows) {
      for (const measure of ['people', 'matched', 'active', 'completed', 'heldShare', 'averageRating'] as const)
        add(`by-${by}`, row.group, measure, row[measure]);
    }
  }
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
