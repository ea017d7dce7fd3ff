import { registerEnumType } from 'type-graphql';
export { Language } from '@kommunenett/subgraph-kit';

export enum EditionStatus { DRAFT = 'DRAFT', PUBLISHED = 'PUBLISHED', SUPERSEDED = 'SUPERSEDED' }
export enum ToolKind {
  VULNERABILITY_MAPPING = 'VULNERABILITY_MAPPING', RISK_MATRIX = 'RISK_MATRIX', CASE_EXERCISE = 'CASE_EXERCISE',
  DILEMMA_TRAINING = 'DILEMMA_TRAINING', CHECKLIST = 'CHECKLIST', TEMPLATE = 'TEMPLATE',
}
export enum ProposalStatus { PROPOSED = 'PROPOSED', ACCEPTED = 'ACCEPTED', REJECTED = 'REJECTED' }
export enum AnchorResolution { EXACT = 'EXACT', NEAREST_SECTION = 'NEAREST_SECTION', HANDBOOK = 'HANDBOOK', UNKNOWN = 'UNKNOWN' }
export enum DiffPartKind { ADDED = 'ADDED', REMOVED = 'REMOVED', UNCHANGED = 'UNCHANGED' }

registerEnumType(EditionStatus, {
  name: 'EditionStatus',
  description: 'DRAFT (editors only, editable) → PUBLISHED (the current edition, immutable) → SUPERSEDED (an older published edition, immutable).',
  valuesConfig: {
    DRAFT: { description: 'Being edited; visible to editors only.' },
    PUBLISHED: { description: 'The current edition; immutable.' },
    SUPERSEDED: { description: 'An older published edition; immutable.' },
  },
});
registerEnumType(ToolKind, {
  name: 'ToolKind',
  description: 'What kind of method or template a tool is.',
  valuesConfig: {
    VULNERABILITY_MAPPING: { description: 'A method for mapping vulnerabilities.' },
    RISK_MATRIX: { description: 'A risk matrix (likelihood against consequence).' },
    CASE_EXERCISE: { description: 'A case exercise.' },
    DILEMMA_TRAINING: { description: 'Dilemma training.' },
    CHECKLIST: { description: 'A checklist.' },
    TEMPLATE: { description: 'A document template.' },
  },
});
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'PROPOSED → ACCEPTED (taken into a draft edition) or REJECTED (with a reason).',
  valuesConfig: {
    PROPOSED: { description: 'Waiting for an editor’s decision.' },
    ACCEPTED: { description: 'Taken into a draft edition.' },
    REJECTED: { description: 'Rejected, with a reason.' },
  },
});
registerEnumType(AnchorResolution, {
  name: 'AnchorResolution',
  description: 'How a handbook anchor was resolved against the current published edition.',
  valuesConfig: {
    EXACT: { description: 'The section exists in the current edition (it may have moved within the tree).' },
    NEAREST_SECTION: { description: 'The section was removed; `chapter` is its nearest surviving ancestor.' },
    HANDBOOK: { description: 'The section and all its ancestors were removed; the reference points at the handbook as a whole.' },
    UNKNOWN: { description: 'No such handbook, or no published edition ever had this section.' },
  },
});
registerEnumType(DiffPartKind, {
  name: 'DiffPartKind',
  description: 'What a part of a text diff is.',
  valuesConfig: {
    ADDED: { description: 'Text only in the newer edition.' },
    REMOVED: { description: 'Text only in the older edition.' },
    UNCHANGED: { description: 'Text in both editions.' },
  },
});
