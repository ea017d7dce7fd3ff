/**
 * The operations GraphiQL opens with, one tab per role. Each names its role in a first comment
 * line with the token command a reader runs (`# token: npm run token -- …`), the convention of the
 * GraphQL blocks in the documentation; a test validates every one against the schema and runs it
 * with that role.
 */
export const TOKEN_HELP = `# Anonymous by default: published networks and handbooks need no token.
# To act in a role, print a development token, e.g.
#   npm run token -- --role ORG_ADMIN --org ks      (or: pnpm run token -- --role ORG_ADMIN --org ks)
# and add it under Headers below: { "Authorization": "Bearer <the token>" }`;

export const GRAPHIQL_EXAMPLES: { title: string; query: string }[] = [
  {
    title: 'anonymous',
    query: `${TOKEN_HELP}
query OpenNetworks {
  networks(first: 10, filter: { status: [PUBLISHED] }, orderBy: REGISTRATION_DEADLINE) {
    totalCount
    edges { node { id name country registrationDeadline seatsLeft waitlistCount hosts { name }
      sessions { sequence title startsAt plannedMonth } } }
  }
}
`,
  },
  {
    title: 'ORG_ADMIN',
    query: `# token: npm run token -- --role ORG_ADMIN --org ks
# The open networks KS hosts, with their registrations and the registrants' contact data.
query HostedOpenNetworks {
  networks(first: 5, filter: { hostId: "ks", status: [PUBLISHED] }, orderBy: NAME) {
    edges { node { name capacity seatsLeft waitlistCount
      registrations(first: 50) { edges { node { status waitlistPosition person { name email } municipality { name } } } } } }
  }
}
`,
  },
  {
    title: 'COORDINATOR',
    query: `# token: npm run token -- --role COORDINATOR --municipality NO-3201
# Bærum's registrations, the waitlisted ones with their place in line.
query MunicipalityRegistrations {
  registrations(first: 20, filter: { municipalityId: "NO-3201" }) {
    edges { node { status waitlistPosition registeredAt person { name } network { name } } }
  }
}
`,
  },
  {
    title: 'ANALYST',
    query: `# token: npm run token -- --role ANALYST --org ks
# Participation by county; cells over fewer than 3 units are suppressed.
query ParticipationByCounty {
  participationStatistics(filter: { country: NO }, groupBy: [COUNTY]) {
    cells(first: 100) { totalCount edges { node { keys { label } participants municipalities suppressed } } }
  }
}
`,
  },
  {
    title: 'PARTICIPANT',
    query: `# token: npm run token -- --role PARTICIPANT
# Your own registrations.
query MyRegistrations {
  me { name registrations(first: 20) { totalCount edges { node { status network { name } } } } }
}
`,
  },
];
