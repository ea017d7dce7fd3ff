import type { EntityManager } from 'typeorm';
import { allowAuditErasure, ERASED_TEXT, personalDataPart, type PersonalDataPart, type PersonTraces } from '@kommunenett/subgraph-kit';

/**
 * The audit trail's recorded values are JSON (a network's contact persons, its texts): the
 * person's id, name and email become `anonymisert` there as in every text column. Rows changed.
 */
async function eraseFromAuditValues(m: EntityManager, traces: PersonTraces): Promise<number> {
  await allowAuditErasure(m);
  const name = traces.name && traces.name.trim().split(/\s+/).length >= 2 ? traces.name : null;
  // As the terms appear inside JSON strings.
  const terms = [traces.personId, name, traces.email].filter((t): t is string => !!t).map((t) => JSON.stringify(t).slice(1, -1));
  let changed = 0;
  for (const term of terms) {
    const [, n] = (await m.query(`UPDATE networks.audit_entry SET before = replace(before::text, $1, $2)::jsonb, after = replace(after::text, $1, $2)::jsonb
      WHERE strpos(before::text, $1) > 0 OR strpos(after::text, $1) > 0`, [term, ERASED_TEXT])) as [unknown, number];
    changed += n ?? 0;
  }
  return changed;
}

/**
 * The networks service's part of a person's data: networks naming them as contact person, agenda
 * items they lead, work they submitted for their municipality, anchoring changes they recorded.
 * Erasure takes them out of contact persons and leaders and unlinks their submissions; the text
 * of every column loses their name, email and subjects (`eraseTraces`), and so do the values
 * recorded in the audit trail.
 */
export const networksPersonalData: PersonalDataPart = {
  service: 'networks',
  description: 'The networks service’s part: networks naming you as contact person, agenda items you lead, work you submitted, anchoring changes you recorded.',
  async export(ds, personId) {
    const q = (sql: string) => ds.query(sql, [personId]) as Promise<Record<string, unknown>[]>;
    const [contactPersonOf, agendaItemsLed, submissions, anchoringChanges] = await Promise.all([
      q('SELECT id, name FROM networks.network WHERE $1::uuid = ANY(contact_person_ids) ORDER BY name, id'),
      q(`SELECT id, session_id AS "sessionId", title, starts_at AS "startsAt" FROM networks.agenda_item WHERE $1::uuid = ANY(leader_person_ids) ORDER BY starts_at, id`),
      q(`SELECT id, assignment_id AS "assignmentId", municipality_id AS "municipalityId", status, text, links, submitted_at AS "submittedAt",
           reviewed_at AS "reviewedAt", review_note AS "reviewNote" FROM networks.submission WHERE submitted_by_person_id = $1 ORDER BY submitted_at, id`),
      q(`SELECT project_id AS "projectId", from_phase AS "fromPhase", to_phase AS "toPhase", note, changed_at AS "changedAt"
         FROM networks.anchoring_change WHERE changed_by = $1 ORDER BY changed_at`),
    ]);
    return { contactPersonOf, agendaItemsLed, submissions, anchoringChanges };
  },
  async erase(m, traces) {
    const run = async (sql: string) => ((await m.query(sql, [traces.personId])) as [unknown, number])[1] ?? 0;
    return (await run(`UPDATE networks.network SET contact_person_ids = array_remove(contact_person_ids, $1::uuid), version = version + 1, updated_at = now()
        WHERE $1::uuid = ANY(contact_person_ids)`))
      + (await run('UPDATE networks.agenda_item SET leader_person_ids = array_remove(leader_person_ids, $1::uuid) WHERE $1::uuid = ANY(leader_person_ids)'))
      + (await run('UPDATE networks.submission SET submitted_by_person_id = NULL, version = version + 1, updated_at = now() WHERE submitted_by_person_id = $1'))
      + (await eraseFromAuditValues(m, traces));
  },
};

export const networksPersonalDataPart = personalDataPart(networksPersonalData);
