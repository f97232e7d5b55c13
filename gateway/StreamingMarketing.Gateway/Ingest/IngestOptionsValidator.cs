using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>Refuses ingest bounds no request could pass, naming the key; 0 keeps its meaning of "unbounded" where documented.</summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options) => new OptionsFailures(IngestOptions.SectionName)
        .AtLeast(nameof(options.MaxEventsPerRequest), options.MaxEventsPerRequest, 1)
        .AtLeast(nameof(options.MaxRequestBytes), options.MaxRequestBytes, 1)
        .NotNegative(nameof(options.MaxPublishBackoff), options.MaxPublishBackoff)
        .AtLeast(nameof(options.MaxStreamItemBytes), options.MaxStreamItemBytes, 0)
        .AtLeast(nameof(options.MaxEventsInFlight), options.MaxEventsInFlight, 0)
        .AtLeast(nameof(options.StreamPartitions), options.StreamPartitions, 0)
        .Result;
}
