using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Client.Traffic;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// <c>demo [--events N] [--rate N] [--campaigns N] [--users N] [--seed N]</c>: realistic synthetic traffic (the bench's
/// generator: Zipf campaigns and users, an impression-heavy mix, real tweet texts on comments and mentions) at a steady
/// rate, until Ctrl+C or N events, with a live summary. Something to watch on the dashboard.
/// </summary>
internal sealed class DemoCommand(IAnsiConsole console) : ApiCommand<DemoCommand.Settings>(console)
{
    /// <summary>Sends four times a second, so the dashboard's per-second updates see a smooth flow rather than bursts.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    public sealed class Settings : ApiSettings
    {
        [CommandOption("--events <N>")]
        [Description("Stop after N events (0: until Ctrl+C).")]
        [DefaultValue(0)]
        public int Events { get; init; }

        [CommandOption("--rate <N>")]
        [Description("Events per second, 1 to 100,000.")]
        [DefaultValue(200)]
        public int Rate { get; init; } = 200;

        [CommandOption("--campaigns <N>")]
        [Description("Campaigns to spread the traffic over, 1 to 100,000.")]
        [DefaultValue(12)]
        public int Campaigns { get; init; } = 12;

        [CommandOption("--users <N>")]
        [Description("Users to spread the traffic over, 1 to 10,000,000.")]
        [DefaultValue(5_000)]
        public int Users { get; init; } = 5_000;

        [CommandOption("--seed <N>")]
        [Description("Seed of the generator, for a repeatable run (default: the clock).")]
        public int? Seed { get; init; }

        protected override ValidationResult ValidateOptions() =>
            All(
                InRange(Events, "--events", 0, int.MaxValue),
                InRange(Rate, "--rate", 1, 100_000),
                InRange(Campaigns, "--campaigns", 1, 100_000),
                InRange(Users, "--users", 1, 10_000_000));
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var console = Console;
        var limit = settings.Events;
        var rate = settings.Rate;
        var seed = settings.Seed ?? Environment.TickCount;
        var tweets = TrafficGenerator.LoadTweets();
        var traffic = new TrafficGenerator(settings.Campaigns, settings.Users, tweets, withText: true, seed: seed);
        var abTest = new AbTestTraffic(seed);
        var stats = new DemoStats();
        var sender = gateway.Events;
        var perTick = Math.Max(1, (int)Math.Ceiling(rate * Tick.TotalSeconds));
        if (tweets.Length == 0)
        {
            console.MarkupLine("[yellow]No tweet texts found beside the client (data/tweets.tsv): comments and mentions are sent as likes.[/]");
        }

        console.MarkupLineInterpolated($"[grey]A quarter of the traffic is an A/B test in campaign {AbTestTraffic.CampaignId}: {AbTestTraffic.Describe()}.[/]");
        console.MarkupLineInterpolated($"[grey]Sending about {rate:N0} events/s to {gateway.BaseAddress}{(limit > 0 ? $" until {limit:N0} events" : "")}; Ctrl+C stops.[/]");
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
        return stats.Rejected == 0 ? ExitCodes.Ok : ExitCodes.Failed;
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
                stats.Retries = sender.Retries;
            }

            onTick();
            if (limit == 0 || stats.Sent < limit)
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
    }
}
