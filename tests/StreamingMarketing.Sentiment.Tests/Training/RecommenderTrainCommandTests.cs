using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Recommend.Registry;
using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary><c>recommender train</c> on a data dir's archive: the table, the gate, publish and promote.</summary>
public sealed class RecommenderTrainCommandTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("sm-rectrain-").FullName;

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        var exitCode = await TrainingApp.RunAsync(args, console);
        return (exitCode, writer.ToString());
    }

    /// <summary>Two communities of 30 posts each; every user likes and comments within its own, latest last.</summary>
    private async Task ArchiveCommunitiesAsync()
    {
        var random = new Random(3);
        var start = DateTime.UtcNow.AddHours(-5);
        var events = new List<InteractionEvent>();
        for (var u = 0; u < 120; u++)
        {
            var block = u % 2;
            for (var n = 0; n < 8; n++)
            {
                var post = block * 30 + (int)(30 * random.NextDouble() * random.NextDouble());
                events.Add(new InteractionEvent
                {
                    EventId = $"e-{u}-{n}",
                    Platform = Platform.Twitter,
                    Type = n % 3 == 0 ? EventType.Comment : EventType.Like,
                    UserId = $"u{u}",
                    CampaignId = $"c{block}",
                    PostId = $"p{post}",
                    Timestamp = start.AddMinutes(u + n * 10),
                    Text = n % 3 == 0 ? "nice" : null,
                    Hashtags = [$"t{block}"],
                });
            }
        }

        var writer = new ArchiveWriter(new FileArchiveStore(Path.Combine(dataDir, "archive")), Options.Create(new ArchiveOptions()), TimeProvider.System, NullLogger<ArchiveWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await await writer.AppendAsync(events);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Train_prints_the_table_beside_popularity_and_publish_promotes_the_model()
    {
        await ArchiveCommunitiesAsync();

        var (exitCode, output) = await RunAsync("recommender", "train", "--data-dir", dataDir, "--publish", "--factors", "4", "--version", "rec-test-1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("ALS recall@10", output);
        Assert.Contains("popularity NDCG@10", output);
        Assert.Contains("Published and promoted rec-test-1", output);
        var registry = RecommenderRegistry.ForDataDir(dataDir);
        Assert.Equal("rec-test-1", registry.PromotedVersion());
        Assert.True(registry.Load("rec-test-1").Evaluation.Single(e => e.Kind == "post").BeatsPopularity);
    }

    [Fact]
    public async Task Without_an_archive_train_says_so_and_fails()
    {
        var (exitCode, output) = await RunAsync("recommender", "train", "--data-dir", dataDir);

        Assert.Equal(1, exitCode);
        Assert.Contains("No event archive", output);
    }

    [Fact]
    public async Task A_bad_option_is_a_usage_error()
    {
        var (exitCode, output) = await RunAsync("recommender", "train", "--factors", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("--factors", output);
    }
}
