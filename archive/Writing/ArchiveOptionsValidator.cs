using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Archive.Writing;

/// <summary>Refuses archive settings no writer could run with, naming the key.</summary>
public sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options) => new OptionsFailures(ArchiveOptions.SectionName)
        .AtLeast(nameof(options.RetentionDays), options.RetentionDays, 1)
        .Positive(nameof(options.RetentionCheckInterval), options.RetentionCheckInterval)
        .Positive(nameof(options.FlushInterval), options.FlushInterval)
        .AtLeast(nameof(options.MaxSegmentEvents), options.MaxSegmentEvents, 1)
        .AtLeast(nameof(options.MaxQueuedEvents), options.MaxQueuedEvents, options.MaxSegmentEvents)
        .Require(!string.IsNullOrWhiteSpace(options.BlobContainer), $"{ArchiveOptions.SectionName}:{nameof(options.BlobContainer)} must name a container.")
        .Result;
}
