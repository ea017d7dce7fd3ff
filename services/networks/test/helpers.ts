import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

export type Role = Parameters<TestStack['token']>[0];

/** The whole graph for one test file, with cached role tokens; `ok` and `refused` are the test stack's. */
export async function networksStack() {
  const stack = await startTestStack();
  const tokens = new Map<string, string>();
  const token = async (role: Role, claims: Record<string, unknown> = {}) => {
    const key = `${role}:${JSON.stringify(claims)}`;
    if (!tokens.has(key)) tokens.set(key, await stack.token(role, claims));
    return tokens.get(key)!;
  };
  return { stack, token, ok: stack.ok, refused: stack.refused, mutate: stack.mutate };
}
