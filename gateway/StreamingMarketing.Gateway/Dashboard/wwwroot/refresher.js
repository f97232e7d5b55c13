// Reads an endpoint the live campaign stream does not carry, at most once per interval however often the stream
// pushes: influencers and share of voice cost a grain call each and move slowly.
export function refresher(load, render, intervalMs = 10_000) {
  let lastAt = 0;
  let running = false;
  return async (force = false) => {
    if (running || (!force && Date.now() - lastAt < intervalMs)) return;
    running = true;
    lastAt = Date.now();
    try {
      render(await load());
    } catch (error) {
      render(null, error);
    } finally {
      running = false;
    }
  };
}
