using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Scoring.Feedback;

public static class FeedbackRegistration
{
    /// <summary>Feedback stored under &lt;<paramref name="dataDirectory"/>&gt;/feedback, where <c>train --data-dir</c> reads it.</summary>
    public static IServiceCollection AddFileFeedbackStore(this IServiceCollection services, string dataDirectory) =>
        services.AddSingleton<IFeedbackStore>(new FileFeedbackStore(FeedbackLog.ForDataDirectory(dataDirectory)));
}
