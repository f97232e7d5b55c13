using StreamingMarketing.CommandLine;

namespace StreamingMarketing.Client;

/// <summary>The client's exit codes, one meaning each, so scripts can tell a typo from a missing campaign from a missing key.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = UsageErrors.FailedExitCode;
    public const int Usage = UsageErrors.ExitCode;
    public const int NotFound = 3;
    public const int Denied = 4;

    public const string Summary = "exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 unauthorized or forbidden";
}
