using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// <c>send FILE [--format ndjson|csv] [--batch-size N] [--retries N]</c>: every event of the file, in batches of at
/// most 1,000, with a progress bar. Exit 0 when every event was accepted, 1 when the gateway rejected some (listed by line).
/// </summary>
internal sealed class SendCommand(IAnsiConsole console) : ApiCommand<SendCommand.Settings>(console)
{
    private const int ShownErrors = 10;

    public sealed class Settings : ApiSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("NDJSON (one event per line) or CSV with a header row of event fields.")]
        public string File { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("ndjson or csv (default: from the file's extension).")]
        public string? Format { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Events per request, 1 to 1000.")]
        [DefaultValue(EventSender.MaxBatchSize)]
        public int BatchSize { get; init; } = EventSender.MaxBatchSize;

        [CommandOption("--retries <N>")]
        [Description("Times a batch is sent again after a network error, 429 or 5xx, 0 to 100.")]
        [DefaultValue(DefaultEventRetries)]
        public int Retries { get; init; } = DefaultEventRetries;

        public override int EventRetries => Retries;

        protected override ValidationResult ValidateOptions() =>
            All(
                Format is null || EventFile.TryParseFormat(Format, out _) ? ValidationResult.Success() : ValidationResult.Error($"--format must be ndjson or csv (got '{Format}')."),
                InRange(BatchSize, "--batch-size", 1, EventSender.MaxBatchSize),
                InRange(Retries, "--retries", 0, 100));
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var console = Console;
        var path = settings.File;
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]No such file: {path}[/]");
            return ExitCodes.NotFound;
        }

        var format = EventFile.Detect(path, settings.Format);
        var batchSize = settings.BatchSize;
        var sender = gateway.Events;
        var total = EventFile.Read(path, format).Count();
        var result = new SendTotals();

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{Path.GetFileName(path)} → {gateway.BaseAddress}", maxValue: Math.Max(1, total));
                foreach (var batch in EventFile.Read(path, format).Chunk(batchSize))
                {
                    var answer = await sender.SendAsync(batch.Select(e => e.Json).ToList(), cancellationToken);
                    result.Add(answer, batch);
                    task.Increment(batch.Length);
                }
            });

        console.MarkupLineInterpolated(
            $"{total:N0} events: [green]{result.Accepted:N0} accepted[/], {result.Duplicates:N0} duplicates in the file, [red]{result.Rejected:N0} rejected[/], {sender.Retries} retried requests.");
        foreach (var (line, error) in result.Errors.Take(ShownErrors))
        {
            console.MarkupLineInterpolated($"  [red]line {line}:[/] {error}");
        }

        if (result.Errors.Count > ShownErrors)
        {
            console.MarkupLineInterpolated($"  … and {result.Errors.Count - ShownErrors:N0} more.");
        }

        return result.Rejected == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private sealed class SendTotals
    {
        public long Accepted { get; private set; }
        public long Duplicates { get; private set; }
        public long Rejected { get; private set; }
        public List<(int Line, string Error)> Errors { get; } = [];

        public void Add(StreamingMarketing.Gateway.Ingest.IngestResponse answer, SourceEvent[] batch)
        {
            Accepted += answer.Accepted;
            Duplicates += answer.Duplicates;
            Rejected += answer.Rejected;
            Errors.AddRange(answer.Errors.Select(e => (batch[e.Index].Line, e.Error)));
        }
    }
}
