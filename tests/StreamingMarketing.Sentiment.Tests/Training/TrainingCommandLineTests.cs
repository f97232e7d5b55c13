using Spectre.Console;
using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary>The training tool's command line: generated help, and bad usage refused (exit code 2) before any model is touched.</summary>
public sealed class TrainingCommandLineTests
{
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
        console.Profile.Width = 200;
        var exitCode = await TrainingApp.RunAsync(args, console);
        return (exitCode, writer.ToString());
    }

    [Fact]
    public async Task Without_a_command_the_help_lists_every_command_and_the_exit_code_is_2()
    {
        var (exitCode, output) = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.All(["train", "evaluate", "list", "rollback", "serve", "bench"], command => Assert.Contains(command, output));
    }

    [Fact]
    public async Task Train_help_lists_its_options()
    {
        var (exitCode, output) = await RunAsync("train", "--help");

        Assert.Equal(0, exitCode);
        Assert.All(["--data-dir", "--publish", "--force", "--version", "--output", "--folds", "--device", "--sample", "--recipes", "--sentiment-only"],
            option => Assert.Contains(option, output));
    }

    [Theory]
    [InlineData("Unknown option 'colour'", "list", "--colour", "red")]
    [InlineData("--folds must be at least 2", "train", "--folds", "1")]
    [InlineData("--force only applies with --publish", "train", "--force")]
    [InlineData("Unknown head recipe 'forest'", "train", "--recipes", "forest(depth=3)")]
    [InlineData("missing required argument 'VERSION'", "rollback")]
    [InlineData("must be 1-64 letters", "rollback", "../escape")]
    [InlineData("serve needs --interval", "serve")]
    [InlineData("--interval must be positive", "serve", "--interval", "-00:10:00")]
    public async Task Bad_usage_names_what_is_wrong_and_exits_2(string reason, params string[] args)
    {
        var (exitCode, output) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, output, StringComparison.Ordinal);
    }
}
