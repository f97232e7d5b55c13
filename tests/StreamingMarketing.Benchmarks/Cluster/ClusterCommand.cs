using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.Benchmarks.Cluster;

/// <summary><c>cluster [--events N]</c>: local-cluster with 1, 2 and 3 silo processes beside one embedded silo process (Azurite).</summary>
internal sealed class ClusterCommand : AsyncCommand<ClusterCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--events <N>")]
        [Description("Events per configuration, sent in batches of 500.")]
        [DefaultValue(20_000)]
        public int Events { get; init; } = 20_000;

        [CommandOption("--silos <COUNTS>")]
        [Description("The local-cluster silo counts to run beside the embedded silo, comma-separated (a profiler can attach to one).")]
        [DefaultValue("1,2,3")]
        public string Silos { get; init; } = "1,2,3";

        [CommandOption("--storage-nice <N>")]
        [Description("Azurite's niceness (-20 to 19). Azurite stands in for a storage service on its own machines; at the default niceness its one event-loop thread gets a thread's share of these cores beside the silos' thread pools, so the curve would measure the emulator's scheduling. Raising priority needs root; without it Azurite runs at 0.")]
        [DefaultValue(-10)]
        public int StorageNice { get; init; } = -10;

        public int[] SiloCounts => [.. Silos.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

        public override ValidationResult Validate()
        {
            if (Events < 500)
            {
                return ValidationResult.Error($"--events must be at least 500, one batch (got {Events}).");
            }

            if (StorageNice is < -20 or > 19)
            {
                return ValidationResult.Error($"--storage-nice takes -20 to 19 (got {StorageNice}).");
            }

            return Silos.Split(',', StringSplitOptions.TrimEntries).All(count => int.TryParse(count, out var n) && n is >= 1 and <= 8)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--silos takes silo counts from 1 to 8, comma-separated (got '{Silos}').");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await ClusterBench.RunAsync(settings.Events, settings.SiloCounts, settings.StorageNice);
        return 0;
    }
}
