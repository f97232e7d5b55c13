using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Benchmarks.Recommend;

/// <summary>
/// <c>recommend [--users N] [--posts N] [--data-dir DIR]</c>: the recommender on the synthetic interaction set of real
/// tweets (<see cref="SyntheticInteractions"/>; no public interaction data set is served here). The events go through
/// the archive writer into a data dir's archive and are read back as training reads them; prints the held-out table
/// (ALS beside popularity), the training time, the serving latency of one recommendation (the model's part of
/// <c>GET /api/users/{id}/recommendations</c>: scoring every item, the top k and the explanation) and ends with one
/// JSON line of the figures. With --data-dir the archive stays, for <c>recommender train --data-dir DIR</c>.
/// </summary>
internal sealed class RecommendCommand : AsyncCommand<RecommendCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--users <N>")]
        [DefaultValue(3_000)]
        public int Users { get; init; } = 3_000;

        [CommandOption("--posts <N>")]
        [DefaultValue(2_000)]
        public int Posts { get; init; } = 2_000;

        [CommandOption("--data-dir <DIR>")]
        [Description("Keep the archive here (default: a temporary folder, deleted after).")]
        public string? DataDir { get; init; }

        public override ValidationResult Validate() =>
            Users < 10 || Posts < 10 ? ValidationResult.Error("--users and --posts must be at least 10.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dataDir = settings.DataDir ?? Directory.CreateTempSubdirectory("sm-recommend-bench-").FullName;
        try
        {
            var generated = new SyntheticInteractions(Path.Combine(AppContext.BaseDirectory, "data", "tweets.tsv"), settings.Users, settings.Posts)
                .Generate(DateTime.UtcNow.AddMinutes(-1));
            var store = new FileArchiveStore(Path.Combine(dataDir, "archive"));
            var writer = new ArchiveWriter(store, Options.Create(new ArchiveOptions()), TimeProvider.System, NullLogger<ArchiveWriter>.Instance);
            await writer.StartAsync(cancellationToken);
            foreach (var chunk in generated.Chunk(5_000))
            {
                await await writer.AppendAsync([.. chunk.Select(ToEvent)]);
            }

            await writer.StopAsync(cancellationToken);

            var clock = Stopwatch.StartNew();
            var events = new List<ArchivedEvent>();
            await foreach (var e in new ArchiveReader(store).ReadAsync(ArchiveQuery.All, cancellationToken))
            {
                events.Add(e);
            }

            var readSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var model = new RecommenderTrainer(new AlsSettings(), new StreamingMarketing.Recommend.Evaluation.HoldoutSplit()).Train(events, "bench", cancellationToken);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var table = new Table().AddColumns("kind", "users", "items", "interactions", "held-out users", "ALS recall@10", "ALS NDCG@10", "popularity recall@10", "popularity NDCG@10", "recall × popularity", "train s");
            foreach (var e in model.Evaluation)
            {
                table.AddRow(e.Kind, $"{e.Users:N0}", $"{e.Items:N0}", $"{e.Interactions:N0}", $"{e.Model.Users:N0}", $"{e.Model.RecallAtK:0.000}", $"{e.Model.NdcgAtK:0.000}",
                    $"{e.Popularity.RecallAtK:0.000}", $"{e.Popularity.NdcgAtK:0.000}", $"{e.RecallLift:0.00}", $"{e.TrainSeconds:0.00}");
            }

            AnsiConsole.Write(table);

            var posts = model.Kinds[RecommendationKind.Post];
            var latencies = new List<double>();
            var random = new Random(1);
            for (var n = 0; n < 2_000; n++)
            {
                var user = posts.Users[random.Next(posts.Users.Length)];
                var started = Stopwatch.GetTimestamp();
                posts.Recommend(user, 10, 3);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            latencies.Sort();
            var post = model.Evaluation.Single(e => e.Kind == "post");
            var summary = new Dictionary<string, object>
            {
                ["dataset"] = "synthetic: TweetEval tweets as posts, 20 topic communities, Zipf popularity",
                ["events"] = events.Count,
                ["users"] = post.Users,
                ["posts"] = post.Items,
                ["heldOutUsers"] = post.Model.Users,
                ["alsRecallAt10"] = Math.Round(post.Model.RecallAtK, 4),
                ["alsNdcgAt10"] = Math.Round(post.Model.NdcgAtK, 4),
                ["popularityRecallAt10"] = Math.Round(post.Popularity.RecallAtK, 4),
                ["popularityNdcgAt10"] = Math.Round(post.Popularity.NdcgAtK, 4),
                ["recallLift"] = Math.Round(post.RecallLift, 2),
                ["postTrainSeconds"] = Math.Round(post.TrainSeconds, 2),
                ["allKindsTrainAndEvaluateSeconds"] = Math.Round(trainSeconds, 2),
                ["archiveReadSeconds"] = Math.Round(readSeconds, 2),
                ["recommendP50Ms"] = Math.Round(latencies[latencies.Count / 2], 3),
                ["recommendP99Ms"] = Math.Round(latencies[(int)(latencies.Count * 0.99)], 3),
            };
            AnsiConsole.MarkupLineInterpolated($"train + evaluate (3 kinds, twice each) {trainSeconds:0.0} s; one recommendation p50 {summary["recommendP50Ms"]} ms, p99 {summary["recommendP99Ms"]} ms");
            Console.WriteLine(JsonSerializer.Serialize(summary));
            return 0;
        }
        finally
        {
            if (settings.DataDir is null)
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static InteractionEvent ToEvent(SyntheticInteractions.Interaction i) => new()
    {
        EventId = i.EventId,
        Platform = Platform.Twitter,
        Type = EventTypes.TryParse(i.Type, out var type) ? type : EventType.Like,
        UserId = i.UserId,
        CampaignId = i.CampaignId,
        PostId = i.PostId,
        Timestamp = i.At,
        Text = i.Text,
        Hashtags = [i.Hashtag],
        Value = i.Type == "conversion" ? 10 : 0,
        ReceivedAt = i.At,
    };
}
