using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Recommend.Evaluation;
using StreamingMarketing.Recommend.Registry;
using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Training.Recommender;

/// <summary>
/// <c>recommender train --data-dir DIR [--publish]</c>: implicit-feedback ALS per kind (post, hashtag, campaign) on the
/// data dir's event archive, judged on each user's latest interactions beside popularity; with --publish, the package
/// goes to the data dir's model registry and is promoted if the post model beats popularity (silos swap it in).
/// </summary>
public sealed class RecommenderTrainCommand(IAnsiConsole console) : AsyncCommand<RecommenderTrainCommand.Settings>
{
    public sealed class Settings : DataDirSettings
    {
        [CommandOption("--publish")]
        [Description("Publish and promote the model if its post recommendations beat popularity on the held-out interactions.")]
        public bool Publish { get; init; }

        [CommandOption("--factors <K>")]
        [Description("Latent factors, 2 to 256.")]
        [DefaultValue(32)]
        public int Factors { get; init; } = 32;

        [CommandOption("--iterations <N>")]
        [Description("ALS sweeps, 1 to 100.")]
        [DefaultValue(12)]
        public int Iterations { get; init; } = 12;

        [CommandOption("--alpha <A>")]
        [Description("Confidence per unit of interaction weight (c = 1 + alpha * r).")]
        [DefaultValue(10.0)]
        public double Alpha { get; init; } = 10;

        [CommandOption("--lambda <L>")]
        [Description("L2 regularisation.")]
        [DefaultValue(20.0)]
        public double Lambda { get; init; } = 20;

        [CommandOption("--version <NAME>")]
        [Description("Package version (default recommender-<UTC timestamp>).")]
        public string? Version { get; init; }

        public override ValidationResult Validate() =>
            Factors is < 2 or > 256 ? ValidationResult.Error($"--factors must be between 2 and 256 (got {Factors}).")
            : Iterations is < 1 or > 100 ? ValidationResult.Error($"--iterations must be between 1 and 100 (got {Iterations}).")
            : !(Alpha > 0) || !(Lambda > 0) ? ValidationResult.Error("--alpha and --lambda must be positive.")
            : VersionRule(Version, "--version");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var archive = Path.Combine(settings.DataDirectory, "archive");
        if (!Directory.Exists(archive))
        {
            console.MarkupLineInterpolated($"[red]No event archive under {settings.DataDirectory} (expected {archive}).[/]");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var reader = new ArchiveReader(new FileArchiveStore(archive));
        var events = new List<ArchivedEvent>();
        await foreach (var e in reader.ReadAsync(ArchiveQuery.All, cancellationToken))
        {
            events.Add(e);
        }

        var readSeconds = clock.Elapsed.TotalSeconds;
        console.MarkupLineInterpolated($"Read {events.Count:N0} archived events from {reader.Stats.Segments:N0} segments in {readSeconds:0.0} s ({reader.Stats.Duplicates:N0} repeats dropped, {reader.Stats.TornSegments.Count} torn segments skipped).");
        var version = settings.Version ?? RecommenderRegistry.NewVersion(DateTimeOffset.UtcNow);
        var trainer = new RecommenderTrainer(new AlsSettings(settings.Factors, settings.Iterations, settings.Lambda, settings.Alpha), new HoldoutSplit());
        clock.Restart();
        var model = trainer.Train(events, version, cancellationToken);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        if (model.Evaluation.Count == 0)
        {
            console.MarkupLine("[red]The archive holds no likes, comments, shares, clicks or conversions to learn from.[/]");
            return 1;
        }

        console.Write(Table(model.Evaluation));
        console.MarkupLineInterpolated($"Trained and evaluated in {trainSeconds:0.0} s ({settings.Factors} factors, {settings.Iterations} iterations, alpha {settings.Alpha.ToString(CultureInfo.InvariantCulture)}, lambda {settings.Lambda.ToString(CultureInfo.InvariantCulture)}).");

        var post = model.Evaluation.FirstOrDefault(e => e.Kind == "post");
        if (post is null || !post.BeatsPopularity)
        {
            console.MarkupLine("[red]Refused: the post model does not beat popularity on the held-out interactions; nothing published.[/]");
            return 1;
        }

        if (!settings.Publish)
        {
            console.MarkupLine("Beats popularity; pass --publish to publish and promote it.");
            return 0;
        }

        var registry = RecommenderRegistry.ForDataDir(settings.DataDirectory);
        registry.Publish(model);
        registry.Promote(version);
        console.MarkupLineInterpolated($"[green]Published and promoted {version}[/] in {registry.Root}; silos swap it in within Recommender:RegistryPollInterval.");
        return 0;
    }

    public static Table Table(IEnumerable<KindEvaluation> evaluations)
    {
        var table = new Table().AddColumns("kind", "users", "items", "interactions", "held-out users", "ALS recall@10", "ALS NDCG@10", "popularity recall@10", "popularity NDCG@10", "recall × popularity", "train s");
        foreach (var e in evaluations)
        {
            table.AddRow(e.Kind, e.Users.ToString("N0", CultureInfo.InvariantCulture), e.Items.ToString("N0", CultureInfo.InvariantCulture), e.Interactions.ToString("N0", CultureInfo.InvariantCulture),
                e.Model.Users.ToString("N0", CultureInfo.InvariantCulture), F(e.Model.RecallAtK), F(e.Model.NdcgAtK), F(e.Popularity.RecallAtK), F(e.Popularity.NdcgAtK),
                double.IsInfinity(e.RecallLift) ? "∞" : e.RecallLift.ToString("0.00", CultureInfo.InvariantCulture), e.TrainSeconds.ToString("0.00", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
