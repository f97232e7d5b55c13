using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Validation;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// <c>backfill FILE --data-dir DIR</c>: history older than the live window (<c>Validation:MaxAge</c>, 30 days), which
/// <c>POST /api/events</c> refuses, goes straight into an embedded data dir's archive, validated by the same rules and
/// never through the campaigns, so live windows and totals are untouched while replay ranges and training see it.
/// Events inside the live window are refused here: they belong to <c>send</c>, so the archive keeps holding only what
/// was counted for the live range. Running it twice archives repeats that readers drop by event id.
/// </summary>
internal sealed class BackfillCommand(IAnsiConsole console) : AsyncCommand<BackfillCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("NDJSON (one event per line) or CSV with a header row of event fields.")]
        public string File { get; init; } = "";

        [CommandOption("--data-dir <DIR>")]
        [Description("The embedded silo's data dir whose archive/ receives the events.")]
        public string DataDir { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("ndjson or csv (default: from the file's extension).")]
        public string? Format { get; init; }

        [CommandOption("--live-days <N>")]
        [Description("The live window the silo validates with (Validation:MaxAge); newer events are refused here.")]
        [DefaultValue(30)]
        public int LiveDays { get; init; } = 30;

        [CommandOption("--retention-days <N>")]
        [Description("The archive's retention (Archive:RetentionDays); older events are refused, retention would delete them.")]
        [DefaultValue(400)]
        public int RetentionDays { get; init; } = 400;

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(DataDir) ? ValidationResult.Error("--data-dir DIR is required.")
            : Format is not null && !EventFile.TryParseFormat(Format, out _) ? ValidationResult.Error($"--format must be ndjson or csv (got '{Format}').")
            : LiveDays < 1 || RetentionDays <= LiveDays ? ValidationResult.Error("--live-days must be at least 1 and below --retention-days.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            console.MarkupLineInterpolated($"[red]No such file: {settings.File}[/]");
            return ExitCodes.NotFound;
        }

        var liveFrom = DateTime.UtcNow - TimeSpan.FromDays(settings.LiveDays);
        var validator = new EventValidator(new EventValidationOptions { MaxAge = TimeSpan.FromDays(settings.RetentionDays) });
        var writer = new ArchiveWriter(new FileArchiveStore(Path.Combine(settings.DataDir, "archive")), Options.Create(new ArchiveOptions()), TimeProvider.System, NullLogger<ArchiveWriter>.Instance);
        await writer.StartAsync(cancellationToken);
        var accepted = new List<InteractionEvent>();
        var refused = new List<(int Line, string Error)>();
        foreach (var source in EventFile.Read(settings.File, EventFile.Detect(settings.File, settings.Format)))
        {
            IncomingEvent? incoming;
            try
            {
                incoming = JsonSerializer.Deserialize<IncomingEvent>(source.Json, JsonSerializerOptions.Web);
            }
            catch (JsonException exception)
            {
                refused.Add((source.Line, $"not a JSON event: {exception.Message}"));
                continue;
            }

            ValidationFailure? failure = null;
            if (incoming is null || !validator.TryValidate(incoming, out var e, out failure))
            {
                refused.Add((source.Line, failure?.Message ?? "empty"));
            }
            else if (e!.Timestamp >= liveFrom)
            {
                refused.Add((source.Line, $"timestamp {e.Timestamp:O} is inside the {settings.LiveDays}-day live window: send it with `send` instead"));
            }
            else
            {
                accepted.Add(e);
                if (accepted.Count == 10_000)
                {
                    await await writer.AppendAsync([.. accepted]);
                    accepted.Clear();
                }
            }
        }

        await await writer.AppendAsync([.. accepted]);
        await writer.StopAsync(cancellationToken);
        console.MarkupLineInterpolated($"[green]{writer.Written:N0} events archived[/] under {Path.Combine(settings.DataDir, "archive")}, [red]{refused.Count:N0} refused[/].");
        foreach (var (line, error) in refused.Take(10))
        {
            console.MarkupLineInterpolated($"  [red]line {line}:[/] {error}");
        }

        return refused.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
