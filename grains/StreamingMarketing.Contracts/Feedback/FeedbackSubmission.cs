namespace StreamingMarketing.Contracts.Feedback;

/// <summary>The body of <c>POST /api/feedback</c>: the label a text should have had.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedbackSubmission
{
    [Id(0)] public string? Text { get; init; }
    [Id(1)] public string? Label { get; init; }
    [Id(2)] public string? CampaignId { get; init; }
}

/// <summary>The answer once the feedback is stored durably.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedbackReceipt
{
    [Id(0)] public required string Label { get; init; }
    [Id(1)] public required DateTime ReceivedAt { get; init; }

    /// <summary>Feedback entries stored so far, this one included.</summary>
    [Id(2)] public required long Stored { get; init; }
}
