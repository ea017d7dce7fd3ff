import { personalDataPart, type PersonalDataPart } from '@kommunenett/subgraph-kit';

/**
 * The handbook service's part of a person's data: the revision proposals they made. Erasure
 * unlinks the proposals from the person and their token subject; the text of every column
 * (titles, rationales, proposed text) loses their name and email (`eraseTraces`).
 */
export const handbookPersonalData: PersonalDataPart = {
  service: 'handbook',
  description: 'The handbook service’s part: the revision proposals you made.',
  async export(ds, personId) {
    const proposals = (await ds.query(
      `SELECT p.id, h.slug AS handbook, p.chapter_slug AS chapter, p.network_id AS "networkId", p.title, p.rationale,
         p.proposed_markdown AS "proposedMarkdown", p.status, p.decision_note AS "decisionNote", p.created_at AS "createdAt"
       FROM handbook.revision_proposal p JOIN handbook.handbook h ON h.id = p.handbook_id
       WHERE p.proposer_person_id::text = $1 OR p.proposed_by = $1 ORDER BY p.created_at, p.id`, [personId])) as Record<string, unknown>[];
    return { proposals };
  },
  async erase(m, traces) {
    // The token subject the person proposed with is one of their traces too, wherever it occurs.
    const rows = (await m.query('SELECT DISTINCT proposed_by AS subject FROM handbook.revision_proposal WHERE proposer_person_id = $1::uuid', [traces.personId])) as { subject: string }[];
    traces.subjects.push(...rows.map((r) => r.subject).filter((s) => !traces.subjects.includes(s)));
    const [, changed] = (await m.query('UPDATE handbook.revision_proposal SET proposer_person_id = NULL, updated_at = now() WHERE proposer_person_id = $1::uuid', [traces.personId])) as [unknown, number];
    return changed ?? 0;
  },
};

export const handbookPersonalDataPart = personalDataPart(handbookPersonalData);
