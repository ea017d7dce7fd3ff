import { Field, ID, InputType } from 'type-graphql';
import { ConnectionType } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Program } from '../entities/program.entity';
import { Country, Language, NetworkStatus } from '../entities/enums';

export const NetworkConnection = ConnectionType(Network, 'Network');
export const ProgramConnection = ConnectionType(Program, 'Program');

@InputType({ description: 'Narrows the network catalogue. All given conditions must hold.' })
export class NetworkFilter {
  @Field(() => Country, { nullable: true, description: 'Only networks in this country.' }) country?: Country;
  @Field(() => Language, { nullable: true, description: 'Only networks held in this language.' }) language?: Language;
  @Field({ nullable: true, description: 'Only networks with this theme (exact match).' }) theme?: string;
  @Field(() => ID, { nullable: true, description: 'Only networks of this programme.' }) programId?: string;
  @Field(() => ID, { nullable: true, description: 'Organization that hosts the network.' }) hostId?: string;
  @Field(() => [NetworkStatus], { nullable: true, description: 'Only networks in one of these statuses.' }) status?: NetworkStatus[];
  @Field({ nullable: true, description: 'true: published, registration opened and deadline not passed, now. false: all others.' }) openForRegistration?: boolean;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Networks with a session on or after this day (in the network’s time zone). A session is the interval its date covers: its exact times, or its whole planned month or span of months, so a session planned for December–February matches sessionsFrom in January.' })
  sessionsFrom?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Networks with a session on or before this day (in the network’s time zone). A session is the interval its date covers (exact times, or its whole planned month or span); with sessionsFrom, a network matches when one session’s interval overlaps the days from sessionsFrom to sessionsTo.' })
  sessionsTo?: string;
  @Field({ nullable: true, description: 'Free text over name and description, ignoring case and accents (ø, å, æ, ä, ö match o, a, ae).' }) search?: string;
}
