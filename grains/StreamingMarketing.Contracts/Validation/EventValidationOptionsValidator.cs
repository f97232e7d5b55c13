using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Contracts.Validation;

/// <summary>Refuses event bounds that would reject every event or none, naming the key.</summary>
public sealed class EventValidationOptionsValidator : IValidateOptions<EventValidationOptions>
{
    public ValidateOptionsResult Validate(string? name, EventValidationOptions options) => new OptionsFailures(EventValidationOptions.SectionName)
        .NotNegative(nameof(options.MaxFutureSkew), options.MaxFutureSkew)
        .Positive(nameof(options.MaxAge), options.MaxAge)
        .AtLeast(nameof(options.MaxIdLength), options.MaxIdLength, 1)
        .AtLeast(nameof(options.MaxTextLength), options.MaxTextLength, 1)
        .AtLeast(nameof(options.MaxHashtags), options.MaxHashtags, 0)
        .AtLeast(nameof(options.MaxHashtagLength), options.MaxHashtagLength, 1)
        .AtLeast(nameof(options.MaxValue), options.MaxValue, 0)
        .Result;
}
