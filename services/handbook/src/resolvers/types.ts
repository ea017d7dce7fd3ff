import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionType, UserError } from '@kommunenett/subgraph-kit';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { Chapter } from '../entities/chapter.entity';
import { RevisionProposal } from '../entities/revision-proposal.entity';
import { Network, Session } from '../entities/references';
import { AnchorResolution, DiffPartKind, ProposalStatus } from '../entities/enums';

export const HandbookConnection = ConnectionType(Handbook, 'Handbook');
export const RevisionProposalConnection = ConnectionType(RevisionProposal, 'RevisionProposal');

@ObjectType({ description: 'A chapter that matched a search, with highlighted words.' })
export class HandbookSearchHit {
  chapterId: string;
  editionId: string;
  @Field(() => Float, { description: 'Relevance; higher is better.' }) rank: number;
  @Field({ description: 'The title as HTML, matched words in <mark>; everything else escaped.' }) titleHighlight: string;
  @Field({ description: 'Passages of the text as HTML, matched words in <mark>; everything else escaped.' }) snippet: string;
}
export const HandbookSearchConnection = ConnectionType(HandbookSearchHit, 'HandbookSearch');

@ObjectType({ description: 'A handbook anchor resolved against the current published edition.' })
export class HandbookReference {
  @Field({ description: 'The anchor as given.' }) anchor: string;
  @Field(() => AnchorResolution, { description: 'How the anchor resolved: to the section itself, to the nearest surviving ancestor of a removed section, or to the handbook as a whole.' }) resolution: AnchorResolution;
  @Field(() => Handbook, { nullable: true, description: 'The handbook named by the anchor’s first part; null when there is none.' }) handbook: Handbook | null;
  @Field(() => Edition, { nullable: true, description: 'The edition the anchor was resolved against.' }) edition: Edition | null;
  @Field(() => Chapter, { nullable: true, description: 'The section, or its nearest surviving ancestor when it was removed.' }) chapter: Chapter | null;
  @Field(() => Edition, { nullable: true, description: 'The first edition without the section, when it was removed.' }) removedIn: Edition | null;
  @Field(() => String, { nullable: true, description: 'Explains a reference that does not resolve exactly, in the handbook’s language.' }) note: string | null;
}

@ObjectType({ description: 'A run of words of a text compared between two editions.' })
export class TextDiffPart {
  @Field(() => DiffPartKind, { description: 'Whether the words are unchanged, removed or added.' }) kind: DiffPartKind;
  @Field({ description: 'The words, with the whitespace between them.' }) text: string;
}

@ObjectType({ description: 'A section present in both editions whose content or place changed.' })
export class ChapterChange {
  @Field({ description: 'The section’s stable anchor, the same in both editions.' }) anchor: string;
  @Field(() => Chapter, { description: 'The section as it was in the older edition.' }) before: Chapter;
  @Field(() => Chapter, { description: 'The section as it is in the newer edition.' }) after: Chapter;
  @Field(() => [String], { description: 'What changed: title, summary, body, tags, position.' }) fields: string[];
  @Field(() => String, { nullable: true, description: 'Unified diff of the Markdown body; null when the body is unchanged.' }) bodyPatch: string | null;
  @Field(() => [TextDiffPart], { description: 'The body word by word: unchanged, removed and added parts in order.' }) bodyParts: TextDiffPart[];
}

@ObjectType({ description: 'Differences between two editions of a handbook, section by section.' })
export class EditionDiff {
  @Field(() => Edition, { description: 'The older edition.' }) from: Edition;
  @Field(() => Edition, { description: 'The newer edition.' }) to: Edition;
  @Field(() => [Chapter], { description: 'Sections only in the newer edition.' }) added: Chapter[];
  @Field(() => [Chapter], { description: 'Sections only in the older edition (as they were there).' }) removed: Chapter[];
  @Field(() => [ChapterChange], { description: 'Sections in both editions whose content or place changed.' }) changed: ChapterChange[];
  @Field(() => Int, { description: 'Number of sections that are the same in both editions.' }) unchangedCount: number;
}

@ObjectType({ description: 'A change a network’s experience brought into an edition.' })
export class EditionChange {
  proposalId: string;
  editionId: string;
  chapterSlug: string;
  @Field({ description: 'Anchor of the section the change is about.' }) anchor: string;
  @Field({ description: 'What the change is about.' }) title: string;
  @Field(() => Session, { nullable: true, description: 'The gathering it came from, if any.' }) session: Session | null;
  @Field(() => Date, { description: 'When the editors accepted the change (UTC instant).' }) acceptedAt: Date;
}

@ObjectType({ description: 'What one network contributed to an edition.' })
export class NetworkContribution {
  @Field(() => Network, { description: 'The network whose experience it was.' }) network: Network;
  @Field(() => [EditionChange], { description: 'The accepted changes from this network, oldest first.' }) changes: EditionChange[];
}

// ---- inputs and payloads -------------------------------------------------------------------

@InputType({ description: 'Starts a revision of a handbook: a draft copied from its latest edition.' })
export class CreateDraftEditionInput {
  @Field({ description: 'The handbook to revise, e.g. "beskytt-kommunen".' }) handbookSlug: string;
  @Field(() => String, { nullable: true, description: 'Defaults to "<number>. utgave".' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'What the revision is about; shown as the edition’s notes.' }) notes?: string | null;
}

@ObjectType({ description: 'The outcome of a change to an edition.' })
export class EditionPayload {
  @Field(() => Edition, { nullable: true, description: 'The edition after the change; null when nothing changed.' }) edition: Edition | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Publishes a draft edition.' })
export class PublishEditionInput {
  @Field(() => ID, { description: 'The draft edition to publish.' }) editionId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Defaults to today (Norwegian time).' }) publishedOn?: string | null;
}

@ObjectType({ description: 'The outcome of publishEdition: the new edition in force and the one it replaces.' })
export class PublishEditionPayload {
  @Field(() => Edition, { nullable: true, description: 'The published edition (status PUBLISHED); null when nothing changed.' }) edition: Edition | null;
  @Field(() => Edition, { nullable: true, description: 'The edition that was current until now.' }) superseded: Edition | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Changes to a chapter of a draft edition; fields left out stay as they are. The anchor never changes.' })
export class UpdateChapterInput {
  @Field(() => ID, { description: 'The section to change.' }) chapterId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'New heading.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears the summary.' }) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'New text as Markdown.' }) bodyMarkdown?: string | null;
  @Field(() => [String], { nullable: true, description: 'New keywords; replaces the old ones.' }) tags?: string[] | null;
}

@InputType({ description: 'A new section of a draft edition.' })
export class AddChapterInput {
  @Field(() => ID, { description: 'The draft edition to add to; published editions never change.' }) editionId: string;
  @Field(() => ID, { nullable: true, description: 'Parent section; top level when left out.' }) parentId?: string | null;
  @Field(() => Int, { nullable: true, description: '1-based place among the siblings; last when left out.' }) position?: number | null;
  @Field({ description: 'Section part of the anchor, unique in the edition.' }) slug: string;
  @Field({ description: 'Heading of the section.' }) title: string;
  @Field(() => String, { nullable: true, description: 'A short summary shown in tables of contents.' }) summary?: string | null;
  @Field({ description: 'The text as Markdown.' }) bodyMarkdown: string;
  @Field(() => [String], { nullable: true, description: 'Keywords for finding the section, e.g. "risiko".' }) tags?: string[] | null;
}

@InputType({ description: 'Moves a section of a draft edition to another parent or place; its anchor stays.' })
export class MoveChapterInput {
  @Field(() => ID, { description: 'The section to move.' }) chapterId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => ID, { nullable: true, description: 'New parent; top level when null.' }) parentId?: string | null;
  @Field(() => Int, { nullable: true, description: '1-based place among the new siblings; last when left out.' }) position?: number | null;
}

@InputType({ description: 'Removes a section without subsections from a draft edition.' })
export class RemoveChapterInput {
  @Field(() => ID, { description: 'The section to remove.' }) chapterId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@ObjectType({ description: 'The outcome of a change to a section of a draft edition.' })
export class ChapterPayload {
  @Field(() => Chapter, { nullable: true, description: 'The section after the change; null when nothing changed.' }) chapter: Chapter | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@ObjectType({ description: 'The outcome of removeChapter.' })
export class RemoveChapterPayload {
  @Field(() => ID, { nullable: true, description: 'Id of the removed section; null when nothing changed.' }) removedChapterId: string | null;
  @Field(() => Edition, { nullable: true, description: 'The draft edition after the removal.' }) edition: Edition | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'A change to a handbook section proposed from a network’s experience.' })
export class ProposeRevisionInput {
  @Field({ description: 'The section, e.g. "beskytt-kommunen/verdier-holdninger-og-kultur".' }) anchor: string;
  @Field(() => ID, { description: 'The network whose experience the proposal comes from.' }) networkId: string;
  @Field(() => ID, { nullable: true, description: 'The gathering it came up at.' }) sessionId?: string | null;
  @Field({ description: 'What the proposal is about, in a line.' }) title: string;
  @Field({ description: 'What the network learned that calls for the change.' }) rationale: string;
  @Field(() => String, { nullable: true, description: 'Proposed new text of the section, as Markdown.' }) proposedMarkdown?: string | null;
}

@ObjectType({ description: 'The outcome of a change to a revision proposal.' })
export class RevisionProposalPayload {
  @Field(() => RevisionProposal, { nullable: true, description: 'The proposal after the change; null when nothing changed.' }) proposal: RevisionProposal | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Takes a revision proposal into the draft edition of its handbook.' })
export class AcceptRevisionInput {
  @Field(() => ID, { description: 'The proposal to accept; it must be PROPOSED.' }) proposalId: string;
  @Field(() => Boolean, { nullable: true, description: 'Replace the section’s text in the draft with the proposed text (default true).' }) applyProposedText?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The editors’ note on accepting it, shown with the proposal as decisionNote.' }) note?: string | null;
}

@ObjectType({ description: 'The outcome of acceptRevision: the accepted proposal and the section it went into.' })
export class AcceptRevisionPayload {
  @Field(() => RevisionProposal, { nullable: true, description: 'The proposal after the change (status ACCEPTED); null when nothing changed.' }) proposal: RevisionProposal | null;
  @Field(() => Chapter, { nullable: true, description: 'The section of the draft edition the proposal went into.' }) chapter: Chapter | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Rejects a revision proposal with a reason.' })
export class RejectRevisionInput {
  @Field(() => ID, { description: 'The proposal to reject; it must be PROPOSED.' }) proposalId: string;
  @Field({ description: 'Why it is rejected; shown to the proposer as decisionNote.' }) reason: string;
}

@InputType({ description: 'Narrows the revision proposals; all given conditions must hold.' })
export class RevisionProposalFilter {
  @Field(() => String, { nullable: true, description: 'Only proposals about this handbook.' }) handbookSlug?: string | null;
  @Field(() => ProposalStatus, { nullable: true, description: 'Only proposals with this status.' }) status?: ProposalStatus | null;
  @Field(() => ID, { nullable: true, description: 'Only proposals from this network.' }) networkId?: string | null;
}
