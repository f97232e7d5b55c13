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

        public override ValidationResult Validate() =>
            Events < 500 ? ValidationResult.Error($"--events must be at least 500, one batch (got {Events}).") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await ClusterBench.RunAsync(settings.Events);
        return 0;
    }
}
