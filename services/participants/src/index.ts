import 'reflect-metadata';
import { In } from 'typeorm';
import { type SubgraphDefinition } from '@kommunenett/subgraph-kit';
import { Municipality } from './entities/municipality.entity';
import { PopulationFigure } from './entities/population.entity';
import { Organization } from './entities/organization.entity';
import { Person } from './entities/person.entity';
import { Position } from './entities/position.entity';
import { Registration } from './entities/registration.entity';
import { RegistrationChange } from './entities/registration-change.entity';
import { NetworkSnapshot } from './entities/network-snapshot.entity';
import { Attendance, AttendanceChange } from './entities/attendance.entity';
import { WebhookDelivery, WebhookSubscription } from './entities/webhook.entity';
import { ContactAccess, ErasureRequest } from './entities/privacy.entity';
import { Network } from './entities/references';
import { Notification } from './entities/notification.entity';
import { migrations } from './migrations';
import { MunicipalityResolver, OrganizationResolver } from './resolvers/directory.resolver';
import { CountyRegistrantsResolver, NetworkParticipationResolver } from './resolvers/network-participation.resolver';
import { ImportRowResultResolver, RegistrationPayloadResolver, RegistrationResolver } from './resolvers/registration.resolver';
import { PersonResolver, PositionResolver } from './resolvers/person.resolver';
import { OutcomesResolver } from './resolvers/outcomes.resolver';
import { RegistrationChangeResolver } from './resolvers/change-feed.resolver';
import { WebhookDeliveryResolver, WebhookResolver } from './resolvers/webhook.resolver';
import {
  AttendanceChangeResolver, AttendanceResolver, MunicipalityAttendanceRateResolver, NetworkAttendanceResolver, PersonAttendanceRateResolver, SessionAttendanceResolver,
} from './resolvers/attendance.resolver';
import { ErasePersonPayloadResolver, PersonalDataExport, PrivacyResolver } from './resolvers/privacy.resolver';
import { applyRetention } from './services/privacy';
import { ParticipationStatisticsCellsResolver, StatisticsResolver } from './resolvers/statistics.resolver';
import { MunicipalityCoordinatorResolver, NotificationPreferencesResolver } from './resolvers/notification.resolver';
import { AuditEntriesResolver } from './resolvers/audit.resolver';
import { deliverWebhooks } from './services/webhooks';
import { deliverNotifications, queueOfferReminders, queueRegistrationDigests } from './services/notifications';
import { queueGatheringReminders, syncGatherings } from './services/gathering-notices';
import { participantsSettingsSchema } from './config';
import { devMailboxRoutes } from './services/mail/dev-mailbox';
import { offerRoutes } from './services/offer-page';
import { unsubscribeRoutes } from './services/unsubscribe-page';
import { exportRoutes } from './services/exports';
import { seedParticipantsDemo } from './seed/demo';
import { seedOpenRoundRegistrations } from './seed/open-round';
import { seedParticipantsVolume } from './seed/volume';
import { processWaitlists, syncNetworks } from './services/registration-jobs';
import { purgeIdempotencyKeys } from './services/idempotency';
import { registrationsVisibleFor } from './services/registration-queries';
import { visiblePersonById } from './services/person-visibility';

export { processWaitlists, syncNetworks } from './services/registration-jobs';
export { deliverWebhooks, signWebhook } from './services/webhooks';
export { deliverNotifications } from './services/notifications';
export { applyRetention } from './services/privacy';

/** The participants subgraph: the directory, people, registrations and attendance. */
export const participantsSubgraph: SubgraphDefinition = {
  name: 'participants',
  resolvers: [
    MunicipalityResolver, OrganizationResolver, NetworkParticipationResolver, CountyRegistrantsResolver, RegistrationResolver,
    RegistrationPayloadResolver, ImportRowResultResolver, PersonResolver, PositionResolver, OutcomesResolver, RegistrationChangeResolver, WebhookResolver, WebhookDeliveryResolver,
    AttendanceResolver, SessionAttendanceResolver, AttendanceChangeResolver, NetworkAttendanceResolver, MunicipalityAttendanceRateResolver,
    PersonAttendanceRateResolver, PrivacyResolver, ErasePersonPayloadResolver, StatisticsResolver, ParticipationStatisticsCellsResolver,
    NotificationPreferencesResolver, MunicipalityCoordinatorResolver, AuditEntriesResolver,
  ],
  // Entity stubs that no query returns must be named, or the schema leaves them out.
  orphanedTypes: [Network, Person],
  entities: [
    { typeName: 'Municipality', load: (ids, ctx) => ctx.ds.getRepository(Municipality).findBy({ id: In([...ids]) }) },
    { typeName: 'Organization', load: (ids, ctx) => ctx.ds.getRepository(Organization).findBy({ id: In([...ids]) }) },
    // A reference shows what `person(id)` would: nothing of a person the viewer may not see.
    { typeName: 'Person', load: async (ids, ctx) => (await visiblePersonById(ctx).loadMany(ids)).filter((p): p is Person => p instanceof Person) },
    { typeName: 'Registration', load: (ids, ctx) => registrationsVisibleFor(ctx, ids) },
    { typeName: 'Network' },
    { typeName: 'Session' },
    // Resolved by whoever asks for it; each field checks the viewer may export this person's data.
    { typeName: 'PersonalDataExport', load: async (ids) => ids.map((id) => Object.assign(new PersonalDataExport(), { id, generatedAt: new Date() })) },
  ],
  tables: [Municipality, PopulationFigure, Organization, Person, Position, Registration, RegistrationChange, NetworkSnapshot, Attendance, AttendanceChange, WebhookSubscription, WebhookDelivery, ContactAccess, ErasureRequest, Notification],
  migrations,
  // The historical cases once; the open round's registrations when they are missing.
  seed: async (ds, log) => { await seedParticipantsDemo(ds, log); await seedOpenRoundRegistrations(ds, log, new Date()); },
  volumeSeed: seedParticipantsVolume,
  settings: participantsSettingsSchema,
  routes: [...offerRoutes, ...unsubscribeRoutes, ...exportRoutes, ...devMailboxRoutes],
  jobs: [
    { name: 'participants:waitlists', intervalMs: 60_000, run: async (deps) => void (await processWaitlists(deps)) },
    { name: 'participants:network-sync', intervalMs: 5 * 60_000, run: async (deps) => void (await syncNetworks(deps)) },
    { name: 'participants:webhooks', intervalMs: 5_000, run: async (deps) => void (await deliverWebhooks(deps)) },
    // Gatherings given a date or moved in the networks service: read through the graph, told once.
    { name: 'participants:gatherings', intervalMs: 60_000, run: async (deps) => void (await syncGatherings(deps)) },
    { name: 'participants:notifications', intervalMs: 5_000, run: async (deps) => {
      await queueOfferReminders(deps);
      await queueGatheringReminders(deps);
      await queueRegistrationDigests(deps);
      await deliverNotifications(deps);
    } },
    { name: 'participants:retention', intervalMs: 24 * 3_600_000, run: async (deps) => void (await applyRetention(deps)) },
    { name: 'participants:idempotency-keys', intervalMs: 3_600_000, run: (deps) => purgeIdempotencyKeys(deps) },
  ],
};
