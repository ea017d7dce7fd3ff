/**
 * How long the notification job takes to send 1,000 messages to a real SMTP server
 * (`pnpm bench:mail`; docs/performance.md). Boots the graph in-process (embedded database, or a
 * fresh database on DATABASE_URL), starts an `smtp-server` that parses every message, writes
 * 1,000 confirmed registrations with one pending message each, and runs the delivery job until
 * the outbox is empty. Prints the time and the rate; not a test, a measurement.
 */
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { startTestStack } from '@kommunenett/stack/dist/testing';
import { deliverNotifications } from '@kommunenett/participants';

const COUNT = Number(process.argv[2] ?? 1000);

async function main(): Promise<void> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData: (stream, _session, callback) => { simpleParser(stream).then(() => { received += 1; callback(); }, callback); },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const stack = await startTestStack({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PARTICIPANTS_MAIL_BACKOFF_MS: '0' } });
  try {
    const participants = stack.subgraphs.participants;
    const networkId = randomUUID();
    await stack.subgraphs.networks.ds.query(
      `INSERT INTO networks.network (id, name, theme, country, language, status, host_ids, eligible_kinds, time_zone, capacity)
       VALUES ($1, 'Ytelsesnettverk', 'antikorrupsjon', 'NO', 'nb', 'PUBLISHED', '{ks}', '{MUNICIPALITY}', 'Europe/Oslo', $2)`, [networkId, COUNT]);
    // COUNT people, each with a confirmed registration and the message it gave (one statement each).
    await participants.ds.query(
      `WITH people AS (
         INSERT INTO participants.person (id, name, email) SELECT gen_random_uuid(), 'Ytelse Deltaker ' || i, 'ytelse.' || i || '@example.org'
         FROM generate_series(1, $2) AS i RETURNING id),
       regs AS (
         INSERT INTO participants.registration (id, network_id, person_id, municipality_id, status, registered_at)
         SELECT gen_random_uuid(), $1, id, 'NO-0301', 'CONFIRMED', now() FROM people RETURNING id, person_id)
       INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, data)
       SELECT gen_random_uuid(), 'REGISTRATION_CONFIRMED', person_id, id, $1, jsonb_build_object('status', 'CONFIRMED') FROM regs`, [networkId, COUNT]);
    const started = process.hrtime.bigint();
    let sent = 0;
    for (let round = 0; round < 100 && sent < COUNT; round += 1) sent += (await deliverNotifications(participants)).sent;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(JSON.stringify({ messages: COUNT, sent, receivedBySmtpServer: received, seconds: Number(seconds.toFixed(2)), perSecond: Math.round(sent / seconds), database: process.env.DATABASE_URL ? 'postgresql' : 'embedded' }));
    if (sent !== COUNT || received !== COUNT) process.exitCode = 1;
  } finally {
    await stack.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

void main();
