using Microsoft.Extensions.DependencyInjection;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Benchmarks.Pipeline;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Grains.Outbox;

namespace StreamingMarketing.Benchmarks.CostCurve;

/// <summary><c>cost-curve [--max-users N]</c>: throughput and memory per user grain at 1k to 1M users, on an embedded silo in this process.</summary>
internal sealed class CostCurveCommand : AsyncCommand<CostCurveCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--max-users <N>")]
        [Description("The largest step: 1,000, 10,000, 100,000 or 1,000,000 distinct users.")]
        [DefaultValue(1_000_000)]
        public int MaxUsers { get; init; } = 1_000_000;

        [CommandOption("--hold-seconds <N>")]
        [Description("Keeps the silo and every profile resident this long after the last step, for a heap snapshot: dotnet-gcdump collect -p PID.")]
        [DefaultValue(0)]
        public int HoldSeconds { get; init; }

        public override ValidationResult Validate() =>
            MaxUsers < 1_000 ? ValidationResult.Error($"--max-users must be at least 1,000, the first step (got {MaxUsers}).")
            : HoldSeconds < 0 ? ValidationResult.Error($"--hold-seconds cannot be negative (got {HoldSeconds}).")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "sm-bench", Guid.NewGuid().ToString("N"));
        await using (var app = await EmbeddedCluster.StartAsync(dataDir))
        {
            await CostCurve.RunAsync(app.Services.GetRequiredService<EventPublisher>(), app.Services.GetRequiredService<InProcessDelivery>(), app.Services.GetRequiredService<OutboxDrain>(), settings.MaxUsers);
            if (settings.HoldSeconds > 0)
            {
                AnsiConsole.MarkupLine($"[grey]Holding {settings.HoldSeconds} s for a heap snapshot: dotnet-gcdump collect -p {Environment.ProcessId}[/]");
                await Task.Delay(TimeSpan.FromSeconds(settings.HoldSeconds), cancellationToken);
            }

            await app.StopAsync(CancellationToken.None);
        }

        BenchmarkFiles.TryDelete(dataDir);
        return 0;
    }
}
