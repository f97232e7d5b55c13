using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Contracts.Validation;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// <c>replay --data-dir DIR | --container NAME [--from T] [--to T] [--campaign C]…</c>: every archived event of the
/// range, oldest hour first, posted to a gateway in batches with its own event id, so the gateway's and the campaigns'
/// dedupe make a replay idempotent: rebuilding a fresh deployment, backfilling a new one, or sending texts again to be
/// scored by a new model (into a fresh deployment: a silo that already counted an event drops it as a duplicate).
/// </summary>
internal sealed class ReplayCommand(IAnsiConsole console) : ApiCommand<ReplayCommand.Settings>(console)
{
    public const string ConnectionStringVariable = "Azure__StorageConnectionString";

    public sealed class Settings : ApiSettings
    {
        [CommandOption("--data-dir <DIR>")]
        [Description("The embedded silo's data dir whose archive/ to read.")]
        public string? DataDir { get; init; }

        [CommandOption("--container <NAME>")]
        [Description("Azure profiles: the archive's blob container (connection string from Azure__StorageConnectionString).")]
        public string? Container { get; init; }

        [CommandOption("--from <TIME>")]
        [Description("Earliest event time, RFC 3339 (default: the archive's first).")]
        public string? From { get; init; }

        [CommandOption("--to <TIME>")]
        [Description("Event time to stop before, RFC 3339 (default: no end).")]
        public string? To { get; init; }

        [CommandOption("--campaign <ID>")]
        [Description("Only this campaign's events; repeat for several.")]
        public string[] Campaigns { get; init; } = [];

        [CommandOption("--batch-size <N>")]
        [Description("Events per request, 1 to 1000.")]
        [DefaultValue(EventSender.MaxBatchSize)]
        public int BatchSize { get; init; } = EventSender.MaxBatchSize;

        [CommandOption("--retries <N>")]
        [Description("Times a batch is sent again after a network error, 429 or 5xx, 0 to 100.")]
        [DefaultValue(DefaultEventRetries)]
        public int Retries { get; init; } = DefaultEventRetries;

        public override int EventRetries => Retries;

        public DateTime? FromTime => Parse(From);

        public DateTime? ToTime => Parse(To);

        protected override ValidationResult ValidateOptions() =>
            All(
                (DataDir is null) != (Container is null) ? ValidationResult.Success() : ValidationResult.Error("Name the archive: --data-dir DIR or --container NAME, one of them."),
                From is null || Rfc3339.TryParse(From, out _) ? ValidationResult.Success() : ValidationResult.Error($"--from must be an RFC 3339 time like 2026-03-01T00:00:00Z (got '{From}')."),
                To is null || Rfc3339.TryParse(To, out _) ? ValidationResult.Success() : ValidationResult.Error($"--to must be an RFC 3339 time like 2026-03-02T00:00:00Z (got '{To}')."),
                FromTime is { } from && ToTime is { } to && to <= from ? ValidationResult.Error("--to must be after --from.") : ValidationResult.Success(),
                InRange(BatchSize, "--batch-size", 1, EventSender.MaxBatchSize),
                InRange(Retries, "--retries", 0, 100));

        private static DateTime? Parse(string? value) => value is not null && Rfc3339.TryParse(value, out var utc) ? utc : null;
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var console = Console;
        IArchiveStore store;
        if (settings.DataDir is { } dataDir)
        {
            var folder = Path.Combine(dataDir, "archive");
            if (!Directory.Exists(folder))
            {
                console.MarkupLineInterpolated($"[red]No archive under {dataDir} (expected {folder}).[/]");
                return ExitCodes.NotFound;
            }

            store = new FileArchiveStore(folder);
        }
        else
        {
            var connection = Environment.GetEnvironmentVariable(ConnectionStringVariable);
            if (string.IsNullOrEmpty(connection))
            {
                throw new UsageException($"--container needs the storage account's connection string in {ConnectionStringVariable}.");
            }

            store = new BlobArchiveStore(new BlobServiceClient(connection).GetBlobContainerClient(settings.Container));
        }

        var query = new ArchiveQuery(settings.FromTime, settings.ToTime, settings.Campaigns.Length > 0 ? settings.Campaigns.ToHashSet(StringComparer.Ordinal) : null);
        var reader = new ArchiveReader(store);
        // The rows the covered segments hold: the bar's length before the range, campaign filter and repeats trim it.
        var upperBound = (await reader.ListAsync(query, cancellationToken)).Sum(h => h.Segments.Sum(s => (long)s.Rows));
        var sender = gateway.Events;
        long accepted = 0, duplicates = 0, rejected = 0, suppressed = 0, sent = 0;
        var errors = new List<string>();

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{store.Describe()} → {gateway.BaseAddress}", maxValue: Math.Max(1, upperBound));
                var batch = new List<string>(settings.BatchSize);
                async Task SendAsync()
                {
                    var answer = await sender.SendAsync(batch, cancellationToken);
                    accepted += answer.Accepted;
                    duplicates += answer.Duplicates;
                    rejected += answer.Rejected;
                    suppressed += answer.Suppressed;
                    errors.AddRange(answer.Errors.Select(e => e.Error));
                    sent += batch.Count;
                    task.Value = Math.Min(upperBound, sent + reader.Stats.Duplicates);
                    batch.Clear();
                }

                await foreach (var row in reader.ReadAsync(query, cancellationToken))
                {
                    batch.Add(JsonSerializer.Serialize(row.ToWire(), JsonSerializerOptions.Web));
                    if (batch.Count == settings.BatchSize)
                    {
                        await SendAsync();
                    }
                }

                if (batch.Count > 0)
                {
                    await SendAsync();
                }

                task.Value = task.MaxValue;
            });

        var stats = reader.Stats;
        console.MarkupLineInterpolated(
            $"{sent.ToString("N0", CultureInfo.InvariantCulture)} events from {stats.Segments:N0} segments: [green]{accepted:N0} accepted[/], {duplicates:N0} repeated within a batch, [red]{rejected:N0} rejected[/], {suppressed:N0} suppressed as erased, {stats.Duplicates:N0} archived twice and sent once, {sender.Retries} retried requests.");
        foreach (var error in errors.Distinct().Take(10))
        {
            console.MarkupLineInterpolated($"  [red]{error}[/]");
        }

        if (stats.TornSegments.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]{stats.TornSegments.Count} torn segments skipped:[/] {string.Join(", ", stats.TornSegments.Take(5))}");
        }

        return rejected == 0 && stats.TornSegments.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
