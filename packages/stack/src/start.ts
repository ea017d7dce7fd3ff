/**
 * `pnpm start`: the embedded database (unless DATABASE_URL is set), the four subgraphs and the
 * gateway as separate processes with prefixed logs. Waits until all are ready, then prints where
 * to open the graph. Ctrl-C stops the gateway first and the database last.
 */
import { join } from 'node:path';
import { startStackProcesses, type StackProcesses } from './processes';

const started = Date.now();
let stack: StackProcesses | undefined;
let stopping = false;

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stack?.stop();
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  // This entry point's environment goes to the children, parsed by each; GraphiQL and
  // introspection are on in development unless set.
  stack = await startStackProcesses(process.env, {
    env: { ENABLE_GRAPHIQL: process.env.ENABLE_GRAPHIQL ?? 'true', ENABLE_INTROSPECTION: process.env.ENABLE_INTROSPECTION ?? 'true' },
    onUnexpectedExit: (name) => {
      console.error(`${name} stopped unexpectedly; stopping everything`);
      void stopAll(1);
    },
  });
  const base = stack.gatewayUrl.replace(/\/graphql$/, '');
  console.log(`
  kommunenett is ready (${((Date.now() - started) / 1000).toFixed(1)} s).

    GraphQL endpoint   ${stack.gatewayUrl}
    GraphiQL           ${base}/graphiql
    Dashboard          ${base}/dashboard/      (sign in with the role picker)
    Database           ${stack.databaseUrl}${stack.embedded ? `  (embedded, data in ${join(stack.env.DATA_DIR!, 'pglite')})` : ''}

  Anonymous requests see published networks and handbooks. For a role, get a token:
    npm run token -- --role ORG_ADMIN --org ks        (or: pnpm run token -- --role ORG_ADMIN --org ks)
  Roles: ADMIN, ORG_ADMIN, FACILITATOR, COORDINATOR, ANALYST, PARTNER, PARTICIPANT.
  and send it as the header  Authorization: Bearer <token>

  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  if (!stopping) console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
