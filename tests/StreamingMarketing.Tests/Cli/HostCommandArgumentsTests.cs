using StreamingMarketing.Client;
using StreamingMarketing.Client.Bench;

namespace StreamingMarketing.Tests.Cli;

/// <summary>The client's own commands (bench, gateway): usage and bad arguments are answered before anything starts.</summary>
public sealed class HostCommandArgumentsTests
{
    [Fact]
    public async Task Without_a_command_the_client_prints_its_usage()
    {
        // The usage text is full of [option] brackets, which Spectre markup would have taken for style tags.
        Assert.Equal(CommandLine.Usage, await CommandLine.RunAsync([]));
        Assert.Contains("bench [--quick] [--events N] [--repeats N]", CommandLine.HostUsage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("five")]
    public async Task Repeats_that_are_not_a_positive_number_are_a_usage_error(string repeats)
    {
        // A bench run takes minutes; without the check these would run one (or crash at the end with no pairs).
        Assert.Equal(CommandLine.Usage, await BenchCommand.RunAsync(["--quick", "--repeats", repeats]));
    }
}
