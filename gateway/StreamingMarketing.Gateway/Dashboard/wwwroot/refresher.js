// Reads an endpoint the live campaign stream does not carry (influencers, share of voice): at most once per interval
// however often the stream pushes, and on its own timer while the panel is on the page, because brand mentions reach
// their brand's grain a few seconds after the counts that the stream pushes.
export function refresher(element, load, render, intervalMs = 5_000) {
  let lastAt = 0;
  let running = false;
  const refresh = async (force = false) => {
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
  const timer = setInterval(() => {
    if (element.isConnected) refresh();
    else if (lastAt) clearInterval(timer);
  }, intervalMs);
  return refresh;
}
