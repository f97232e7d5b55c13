using Spectre.Console;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// <c>send FILE [--format ndjson|csv] [--batch-size N] [--retries N]</c>: every event of the file, in batches of at
/// most 1,000, with a progress bar. Exit 0 when every event was accepted, 1 when the gateway rejected some (listed by line).
/// </summary>
internal static class SendCommand
{
    private const int ShownErrors = 10;

    public static async Task<int> RunAsync(GatewayClient client, CommandArgs args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        args.AllowOnly([.. Output.GlobalOptions, "--format", "--batch-size", "--retries"]);
        var path = args.Positionals is [var only] ? only : throw new UsageException("send needs one FILE (NDJSON or CSV).");
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]No such file: {path}[/]");
            return CommandLine.NotFound;
        }

        var format = EventFile.Detect(path, args.Value("--format"));
        var batchSize = args.Number("--batch-size", EventSender.MaxBatchSize, min: 1, max: EventSender.MaxBatchSize);
        var sender = new EventSender(client, args.Number("--retries", 8, min: 0, max: 100));
        var total = EventFile.Read(path, format).Count();
        var result = new SendTotals();

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{Path.GetFileName(path)} → {client.BaseAddress}", maxValue: Math.Max(1, total));
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

        return result.Rejected == 0 ? CommandLine.Ok : CommandLine.Failed;
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
