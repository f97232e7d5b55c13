using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Recommend.Training;

/// <summary>
/// How much one interaction says about a user's taste, in the order the product asks for: like &lt; comment &lt;
/// share &lt; click &lt; conversion. Impressions, views, follows and mentions are not feedback on an item and weigh 0.
/// </summary>
public static class InteractionWeights
{
    public static double Of(EventType type) => type switch
    {
        EventType.Like => 1,
        EventType.Comment => 2,
        EventType.Share => 3,
        EventType.Click => 4,
        EventType.Conversion => 5,
        _ => 0,
    };

    public static double Of(string wireType) => EventTypes.TryParse(wireType, out var type) ? Of(type) : 0;
}
