import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { settingsOf } from '../src/config';

/** A real SMTP server in the test: every message it takes, parsed; addresses starting with "bounce" refused for good. */
export class TestMailServer {
  readonly received: ParsedMail[] = [];
  readonly recipientsTried: string[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onRcptTo: (address, _session, callback) => {
        this.recipientsTried.push(address.address);
        if (address.address.startsWith('bounce')) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream).then((mail) => { this.received.push(mail); callback(); }, callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === address)));
  }
}

/**
 * Starts `mail` and the test stack with its messages going there, retried at once, and links in
 * them leading to this stack's gateway (whose port is known only once it runs).
 */
export async function startStackWithMail(mail: TestMailServer): Promise<TestStack> {
  await mail.start();
  const stack = await startTestStack({ env: { SMTP_URL: `smtp://127.0.0.1:${mail.port}`, PARTICIPANTS_MAIL_BACKOFF_MS: '0' } });
  settingsOf(stack.subgraphs.participants).publicBaseUrl = stack.baseUrl;
  return stack;
}
