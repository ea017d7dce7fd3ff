import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

export type Role = Parameters<TestStack['token']>[0];

/** The whole graph for one test file, with helpers that fail loudly on unexpected GraphQL errors. */
export async function networksStack() {
  const stack = await startTestStack();
  const tokens = new Map<string, string>();
  const token = async (role: Role, claims: Record<string, unknown> = {}) => {
    const key = `${role}:${JSON.stringify(claims)}`;
    if (!tokens.has(key)) tokens.set(key, await stack.token(role, claims));
    return tokens.get(key)!;
  };
  /** Data of an operation that must succeed without GraphQL errors. */
  async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, auth?: string): Promise<T> {
    const res = await stack.graphql<T>(query, { variables, token: auth });
    if (res.body.errors?.length || !res.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
    return res.body.data;
  }
  /** The error codes of an operation that must fail, and its (partial) data. */
  async function refused(query: string, variables: Record<string, unknown> = {}, auth?: string) {
    const res = await stack.graphql<any>(query, { variables, token: auth });
    return { codes: (res.body.errors ?? []).map((e) => e.extensions?.code), data: res.body.data };
  }
  return { stack, token, ok, refused };
}
