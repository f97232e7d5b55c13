using StreamingMarketing.Client;

namespace StreamingMarketing.Tests.Cli;

/// <summary>The client's command line: help is generated from the commands, and bad usage is answered before anything starts.</summary>
public sealed class HostCommandArgumentsTests
{
    [Fact]
    public async Task Without_a_command_the_client_prints_the_generated_help_and_exits_2()
    {
        var result = await Cli.RunAsync();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.All(["gateway", "send", "demo", "campaigns", "campaign", "user", "score", "models"], command => Assert.Contains(command, result.Output));
        Assert.Contains(ExitCodes.Summary, result.Output);
    }

    [Fact]
    public async Task Help_is_an_answer_not_an_error()
    {
        var result = await Cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("COMMANDS", result.Output);
    }

    [Fact]
    public async Task A_command_s_help_lists_its_options_with_their_defaults()
    {
        var result = await Cli.RunAsync("send", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.All(["<FILE>", "--format", "--batch-size", "--retries", "--url", "--api-key"], option => Assert.Contains(option, result.Output));
        Assert.Matches(@"--retries <N>\s+8", result.Output);
    }

    [Theory]
    [InlineData("Unknown command 'sned'", "sned", "events.ndjson")]
    [InlineData("Unknown option 'colour'", "campaigns", "--colour", "red")]
    [InlineData("missing required argument 'ID'", "user")]
    [InlineData("--page-size must be a whole number between 1 and 500 (got 501)", "campaigns", "--page-size", "501")]
    [InlineData("--retries must be a whole number between 0 and 100 (got -1)", "send", "events.ndjson", "--retries", "-1")]
    [InlineData("--format must be ndjson or csv (got 'xml')", "send", "events.ndjson", "--format", "xml")]
    [InlineData("--url must be an http(s) address", "models", "--url", "ftp://example.com")]
    public async Task Bad_usage_names_what_is_wrong_and_exits_2(string reason, params string[] args)
    {
        var result = await Cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(reason, result.Output, StringComparison.Ordinal);
    }
}
