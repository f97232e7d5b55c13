using Spectre.Console;
using StreamingMarketing.Client.Bench;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// <c>demo [--events N] [--rate N] [--campaigns N] [--users N] [--seed N]</c>: realistic synthetic traffic (the bench's
/// generator: Zipf campaigns and users, an impression-heavy mix, real tweet texts on comments and mentions) at a steady
/// rate, until Ctrl+C or N events, with a live summary. Something to watch on the dashboard.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Sends four times a second, so the dashboard's per-second updates see a smooth flow rather than bursts.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(GatewayClient client, CommandArgs args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        args.AllowOnly([.. Output.GlobalOptions, "--events", "--rate", "--campaigns", "--users", "--seed"]);
        var limit = args.Number("--events", 0, min: 0);
        var rate = args.Number("--rate", 200, min: 1, max: 100_000);
        var tweets = TrafficGenerator.LoadTweets();
        var traffic = new TrafficGenerator(args.Number("--campaigns", 12, min: 1, max: 100_000), args.Number("--users", 5_000, min: 1, max: 10_000_000),
            tweets, withText: true, seed: args.Number("--seed", Environment.TickCount));
        var abTest = new AbTestTraffic(args.Number("--seed", Environment.TickCount));
        var stats = new DemoStats();
        var sender = new EventSender(client, maxRetries: 8, onRetry: _ => stats.Retries++);
        var perTick = Math.Max(1, (int)Math.Ceiling(rate * Tick.TotalSeconds));
        if (tweets.Length == 0)
        {
            console.MarkupLine("[yellow]No tweet texts found beside the client (data/tweets.tsv): comments and mentions are sent as likes.[/]");
        }

        console.MarkupLineInterpolated($"[grey]A quarter of the traffic is an A/B test in campaign {AbTestTraffic.CampaignId}: {AbTestTraffic.Describe()}.[/]");
        console.MarkupLineInterpolated($"[grey]Sending about {rate:N0} events/s to {client.BaseAddress}{(limit > 0 ? $" until {limit:N0} events" : "")}; Ctrl+C stops.[/]");
        try
        {
            // A terminal gets the summary redrawn in place; redirected output (a log, CI) only the final one.
            if (console.Profile.Capabilities.Interactive)
            {
                await console.Live(stats.Render()).StartAsync(live => SendAsync(traffic, abTest, sender, stats, perTick, limit, () => live.UpdateTarget(stats.Render()), cancellationToken));
            }
            else
            {
                await SendAsync(traffic, abTest, sender, stats, perTick, limit, () => { }, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the way to stop an endless demo, not a failure.
        }

        console.Write(stats.Render());
        return stats.Rejected == 0 ? CommandLine.Ok : CommandLine.Failed;
    }

    private static async Task SendAsync(
        TrafficGenerator traffic, AbTestTraffic abTest, EventSender sender, DemoStats stats, int perTick, int limit, Action onTick, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick);
        while (limit == 0 || stats.Sent < limit)
        {
            var count = limit == 0 ? perTick : (int)Math.Min(perTick, limit - stats.Sent);
            foreach (var batch in Enumerable.Range(0, count).Chunk(EventSender.MaxBatchSize))
            {
                var events = traffic.NextBatch(batch.Length - (batch.Length / 4));
                events.AddRange(abTest.NextBatch(batch.Length / 4));
                stats.Add(events, await sender.SendAsync(events.Select(WireEvent.Json).ToList(), cancellationToken));
            }

            onTick();
            if (limit == 0 || stats.Sent < limit)
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
    }
}
