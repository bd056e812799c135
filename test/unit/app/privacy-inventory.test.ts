import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIENCES,
  CONTAINER_RECORDS,
  DIRECTORY_USER_FIELDS,
  PERSONAL_FIELDS,
  unlistedFields,
  type PersonalField,
} from '../../../functions/src/app/privacy/inventory';
import { participantView, visibleTo } from '../../../functions/src/app/privacy/visibility';
import { CONTAINERS } from '../../../functions/src/ports/containers';
import type { Participant } from '../../../functions/src/core/model';

const doc = readFileSync(join(__dirname, '../../../docs/privacy.md'), 'utf8');

/** `| \`container.field\` | what | seen by |` rows of docs/privacy.md, by field name. */
function documentedRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of doc.matchAll(/^\| `([a-z]+\.[A-Za-z[\].]+)` \| [^|]+ \| ([^|]+) \|$/gm))
    rows.set(m[1] as string, (m[2] as string).trim());
  return rows;
}

function inventoryRows(): Map<string, string> {
  const rows = new Map<string, string>();
  const add = (name: string, f: PersonalField | null) => {
    if (f) rows.set(name, f.seenBy.length ? f.seenBy.join(', ') : '—');
  };
  for (const [container, fields] of Object.entries(PERSONAL_FIELDS))
    for (const [field, f] of Object.entries(fields as Record<string, PersonalField | null>))
      add(`${container}.${field}`, f);
  for (const [field, f] of Object.entries(DIRECTORY_USER_FIELDS)) add(`directory.users[].${field}`, f);
  return rows;
}

describe('the record of processing (docs/privacy.md) matches the inventory in code', () => {
  it('covers every container of ports/containers.ts with purpose, legal basis and retention', () => {
    expect(Object.keys(PERSONAL_FIELDS).sort()).toEqual(Object.keys(CONTAINERS).sort());
    for (const [name, r] of Object.entries(CONTAINER_RECORDS)) {
      expect(doc).toContain(`### \`${name}\``);
      expect(doc).toContain(`Purpose: ${r.purpose}. Legal basis: ${r.basis}. Retention: ${r.retention}.`);
    }
  });

  it('lists every personal field with the audiences the code enforces, and no other field', () => {
    const documented = documentedRows();
    const inventory = inventoryRows();
    expect(inventory.size).toBeGreaterThan(60);
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(inventory));
  });

  it('names only known audiences', () => {
    for (const seen of inventoryRows().values())
      for (const a of seen.split(', ')) expect(['—', ...AUDIENCES]).toContain(a);
  });

  it('reports a stored field the inventory does not list', () => {
    expect(unlistedFields('feedback', { id: 'x', rating: 3, etag: 'e', _ts: 1 })).toEqual([]);
    expect(unlistedFields('feedback', { id: 'x', rating: 3, mood: 'sad' })).toEqual(['mood']);
  });
});

describe('visibility of a person’s enrollment', () => {
  const p = {
    id: 'u1',
    schemaVersion: 1,
    programmeId: 'prog',
    userId: 'u1',
    displayName: 'Ada',
    status: 'opted-in',
    locale: 'en',
    invitedAt: '2026-01-01T00:00:00.000Z',
    invitedBy: 'm1',
    updatedAt: '2026-01-01T00:00:00.000Z',
    role: 'mentor',
    teachTopics: ['ai'],
    learnTopics: [],
    interests: ['cycling'],
    languages: ['en'],
    timeZone: 'Europe/Berlin',
    weekdays: ['tue'],
    times: ['morning'],
    testimonial: 'Because.',
    claims: [{ pairId: 'p1', partnerId: 'u2', at: '2026-01-02T00:00:00.000Z' }],
    pastPartners: ['u3'],
    etag: 'e1',
  } as Participant & { etag: string };

  it('gives a manager name, role, topics and status, never availability, interests, testimonial or partners', () => {
    const seen = participantView({ userId: 'm1', tenantId: 't', roles: [] }, p);
    expect(seen).toMatchObject({
      displayName: 'Ada',
      role: 'mentor',
      status: 'opted-in',
      teachTopics: ['ai'],
      etag: 'e1',
    });
    for (const field of [
      'timeZone',
      'weekdays',
      'times',
      'interests',
      'languages',
      'testimonial',
      'claims',
      'pastPartners',
    ])
      expect([field, field in seen]).toEqual([field, false]);
  });

  it('gives the person everything', () => {
    expect(participantView({ userId: 'u1', tenantId: 't', roles: [] }, p)).toBe(p);
  });

  it('gives a partner what the partner card may show', () => {
    const seen = visibleTo('partner', 'participants', p);
    expect(seen).toMatchObject({ displayName: 'Ada', interests: ['cycling'], languages: ['en'] });
    expect('weekdays' in seen).toBe(false);
  });
});
