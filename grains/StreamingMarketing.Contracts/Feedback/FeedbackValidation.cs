using StreamingMarketing.Contracts.Validation;

namespace StreamingMarketing.Contracts.Feedback;

/// <summary>One validation routine for the HTTP endpoint and the grain that stores feedback.</summary>
public static class FeedbackValidation
{
    public const int MaxTextLength = 4_000;
    public const int MaxCampaignIdLength = 128;

    public static readonly IReadOnlyList<string> Labels = ["negative", "neutral", "positive"];

    /// <summary>Null when valid, otherwise a message fit for a 400 answer.</summary>
    public static string? Validate(FeedbackSubmission? submission)
    {
        if (submission is null)
        {
            return "Send {\"text\": \"...\", \"label\": \"negative|neutral|positive\", \"campaignId\": \"...\" (optional)}.";
        }

        if (string.IsNullOrWhiteSpace(submission.Text))
        {
            return "text is required and must not be blank.";
        }

        if (submission.Text.Length > MaxTextLength)
        {
            return $"text is {submission.Text.Length} characters, more than the {MaxTextLength} allowed.";
        }

        if (submission.Label is null || !Labels.Contains(submission.Label, StringComparer.Ordinal))
        {
            return $"label '{submission.Label}' is not one of {string.Join(", ", Labels)}.";
        }

        if (submission.CampaignId is { } campaignId && TextRules.IdProblem("campaignId", campaignId, MaxCampaignIdLength) is { } problem)
        {
            return problem + " (when given).";
        }

        return null;
    }
}
