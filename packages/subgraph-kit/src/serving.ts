/*
 * The kit's entry point for a process that serves HTTP but owns no schema and no tables (the
 * gateway, the router coprocessor): HTTP, logging, error codes and their masking, configuration.
 * It loads neither type-graphql nor TypeORM nor the database package, which the kit's index loads
 * for the subgraphs: about 20 MB of resident memory a gateway process does not need.
 */
export * from './errors';
export * from './http';
export * from './logger';
export * from './config';
