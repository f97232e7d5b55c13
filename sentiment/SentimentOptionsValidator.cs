using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment;

/// <summary>Runs <see cref="SentimentOptions.Validate"/> (the checks a directly built scorer runs too) when the host starts.</summary>
public sealed class SentimentOptionsValidator : IValidateOptions<SentimentOptions>
{
    public ValidateOptionsResult Validate(string? name, SentimentOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException invalid)
        {
            return ValidateOptionsResult.Fail(invalid.Message);
        }
    }
}
