using System.ComponentModel;
using Spectre.Console.Cli;

namespace StreamingMarketing.Client.Commands;

/// <summary>The options of every command that reads from a gateway: a table for people, or the answer as it came.</summary>
public class ReadSettings : ApiSettings
{
    [CommandOption("--json")]
    [Description("Print the gateway's JSON answer unchanged (for scripts).")]
    public bool Json { get; init; }
}
