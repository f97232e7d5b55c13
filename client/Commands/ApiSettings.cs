using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.Client.Commands;

/// <summary>The options every command against a running gateway takes: where it is and the key to show it.</summary>
public class ApiSettings : CommandSettings
{
    public const string UrlVariable = "STREAMINGMARKETING_URL";
    public const string ApiKeyVariable = "STREAMINGMARKETING_API_KEY";

    /// <summary>Batches of events are retried this often unless the command says otherwise.</summary>
    public const int DefaultEventRetries = 8;

    [CommandOption("--url <URL>")]
    [Description("The gateway's address (default http://127.0.0.1:5080, or STREAMINGMARKETING_URL).")]
    public string? Url { get; init; }

    [CommandOption("--api-key <KEY>")]
    [Description("API key, sent as Authorization: Bearer (or STREAMINGMARKETING_API_KEY).")]
    public string? ApiKey { get; init; }

    public string ResolvedUrl => Url ?? Environment.GetEnvironmentVariable(UrlVariable) ?? GatewayClient.DefaultUrl;

    public string? ResolvedApiKey => ApiKey ?? Environment.GetEnvironmentVariable(ApiKeyVariable);

    public Uri BaseAddress => new(ResolvedUrl, UriKind.Absolute);

    public virtual int EventRetries => DefaultEventRetries;

    public sealed override ValidationResult Validate()
    {
        if (!Uri.TryCreate(ResolvedUrl, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return ValidationResult.Error($"--url must be an http(s) address like {GatewayClient.DefaultUrl} (got '{ResolvedUrl}').");
        }

        return ValidateOptions();
    }

    /// <summary>The command's own option rules, checked after the gateway address.</summary>
    protected virtual ValidationResult ValidateOptions() => ValidationResult.Success();

    protected static ValidationResult InRange(int value, string option, int min, int max) =>
        value >= min && value <= max
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} must be a whole number between {min:N0} and {max:N0} (got {value}).");

    protected static ValidationResult All(params ValidationResult[] results) =>
        results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();
}
