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
  @Field(() => AnchorResolution) resolution: AnchorResolution;
  @Field(() => Handbook, { nullable: true }) handbook: Handbook | null;
  @Field(() => Edition, { nullable: true, description: 'The edition the anchor was resolved against.' }) edition: Edition | null;
  @Field(() => Chapter, { nullable: true, description: 'The section, or its nearest surviving ancestor when it was removed.' }) chapter: Chapter | null;
  @Field(() => Edition, { nullable: true, description: 'The first edition without the section, when it was removed.' }) removedIn: Edition | null;
  @Field(() => String, { nullable: true, description: 'Explains a reference that does not resolve exactly, in the handbook’s language.' }) note: string | null;
}

@ObjectType()
export class TextDiffPart {
  @Field(() => DiffPartKind) kind: DiffPartKind;
  @Field() text: string;
}

@ObjectType({ description: 'A section present in both editions whose content or place changed.' })
export class ChapterChange {
  @Field() anchor: string;
  @Field(() => Chapter) before: Chapter;
  @Field(() => Chapter) after: Chapter;
  @Field(() => [String], { description: 'What changed: title, summary, body, tags, position.' }) fields: string[];
  @Field(() => String, { nullable: true, description: 'Unified diff of the Markdown body; null when the body is unchanged.' }) bodyPatch: string | null;
  @Field(() => [TextDiffPart], { description: 'The body word by word: unchanged, removed and added parts in order.' }) bodyParts: TextDiffPart[];
}

@ObjectType({ description: 'Differences between two editions of a handbook, section by section.' })
export class EditionDiff {
  @Field(() => Edition) from: Edition;
  @Field(() => Edition) to: Edition;
  @Field(() => [Chapter]) added: Chapter[];
  @Field(() => [Chapter]) removed: Chapter[];
  @Field(() => [ChapterChange]) changed: ChapterChange[];
  @Field(() => Int) unchangedCount: number;
}

@ObjectType({ description: 'A change a network’s experience brought into an edition.' })
export class EditionChange {
  proposalId: string;
  editionId: string;
  chapterSlug: string;
  @Field() anchor: string;
  @Field({ description: 'What the change is about.' }) title: string;
  @Field(() => Session, { nullable: true, description: 'The gathering it came from, if any.' }) session: Session | null;
  @Field(() => Date) acceptedAt: Date;
}

@ObjectType({ description: 'What one network contributed to an edition.' })
export class NetworkContribution {
  @Field(() => Network) network: Network;
  @Field(() => [EditionChange]) changes: EditionChange[];
}

// ---- inputs and payloads -------------------------------------------------------------------

@InputType()
export class CreateDraftEditionInput {
  @Field() handbookSlug: string;
  @Field(() => String, { nullable: true, description: 'Defaults to "<number>. utgave".' }) title?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@ObjectType()
export class EditionPayload {
  @Field(() => Edition, { nullable: true }) edition: Edition | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType()
export class PublishEditionInput {
  @Field(() => ID) editionId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Defaults to today (Norwegian time).' }) publishedOn?: string | null;
}

@ObjectType()
export class PublishEditionPayload {
  @Field(() => Edition, { nullable: true }) edition: Edition | null;
  @Field(() => Edition, { nullable: true, description: 'The edition that was current until now.' }) superseded: Edition | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Changes to a chapter of a draft edition; fields left out stay as they are. The anchor never changes.' })
export class UpdateChapterInput {
  @Field(() => ID) chapterId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears the summary.' }) summary?: string | null;
  @Field(() => String, { nullable: true }) bodyMarkdown?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType()
export class AddChapterInput {
  @Field(() => ID) editionId: string;
  @Field(() => ID, { nullable: true, description: 'Parent section; top level when left out.' }) parentId?: string | null;
  @Field(() => Int, { nullable: true, description: '1-based place among the siblings; last when left out.' }) position?: number | null;
  @Field({ description: 'Section part of the anchor, unique in the edition.' }) slug: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field() bodyMarkdown: string;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType()
export class MoveChapterInput {
  @Field(() => ID) chapterId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => ID, { nullable: true, description: 'New parent; top level when null.' }) parentId?: string | null;
  @Field(() => Int, { nullable: true, description: '1-based place among the new siblings; last when left out.' }) position?: number | null;
}

@InputType()
export class RemoveChapterInput {
  @Field(() => ID) chapterId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@ObjectType()
export class ChapterPayload {
  @Field(() => Chapter, { nullable: true }) chapter: Chapter | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@ObjectType()
export class RemoveChapterPayload {
  @Field(() => ID, { nullable: true }) removedChapterId: string | null;
  @Field(() => Edition, { nullable: true }) edition: Edition | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType()
export class ProposeRevisionInput {
  @Field({ description: 'The section, e.g. "beskytt-kommunen/verdier-holdninger-og-kultur".' }) anchor: string;
  @Field(() => ID, { description: 'The network whose experience the proposal comes from.' }) networkId: string;
  @Field(() => ID, { nullable: true, description: 'The gathering it came up at.' }) sessionId?: string | null;
  @Field() title: string;
  @Field({ description: 'What the network learned that calls for the change.' }) rationale: string;
  @Field(() => String, { nullable: true, description: 'Proposed new text of the section, as Markdown.' }) proposedMarkdown?: string | null;
}

@ObjectType()
export class RevisionProposalPayload {
  @Field(() => RevisionProposal, { nullable: true }) proposal: RevisionProposal | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType()
export class AcceptRevisionInput {
  @Field(() => ID) proposalId: string;
  @Field(() => Boolean, { nullable: true, description: 'Replace the section’s text in the draft with the proposed text (default true).' }) applyProposedText?: boolean | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType()
export class AcceptRevisionPayload {
  @Field(() => RevisionProposal, { nullable: true }) proposal: RevisionProposal | null;
  @Field(() => Chapter, { nullable: true, description: 'The section of the draft edition the proposal went into.' }) chapter: Chapter | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType()
export class RejectRevisionInput {
  @Field(() => ID) proposalId: string;
  @Field() reason: string;
}

@InputType({ description: 'Narrows the revision proposals; all given conditions must hold.' })
export class RevisionProposalFilter {
  @Field(() => String, { nullable: true }) handbookSlug?: string | null;
  @Field(() => ProposalStatus, { nullable: true }) status?: ProposalStatus | null;
  @Field(() => ID, { nullable: true }) networkId?: string | null;
}
