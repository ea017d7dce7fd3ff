/**
 * Something a process sets up once for all who use it and takes down when the last one is done:
 * the returned `hold()` sets it up on the first hold and gives a release that takes it down on the
 * last (calling a release again changes nothing). The subgraphs of one process (one in a
 * deployment, four in the test stack) share what they register with the runtime this way.
 */
export function sharedWhileHeld(setUp: () => void, takeDown: () => void): () => () => void {
  let holders = 0;
  return () => {
    if (holders === 0) setUp();
    holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders === 0) takeDown();
    };
  };
}
