using System.Globalization;
using Azure.Messaging.EventHubs;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs;

namespace StreamingMarketing.Tests.EventHubs;

/// <summary>
/// An Event Hubs event as Orleans' own generator builds one: the stream items in EventHubBatchContainer's body, the
/// broker-owned partition key, offset and sequence number set through the Event Hubs SDK's model factory.
/// </summary>
public static class GeneratedEventData
{
    public static EventData Create(Serializer serializer, StreamId stream, int sequenceNumber, IEnumerable<object> items)
    {
        var eventData = EventHubsModelFactory.EventData(
            eventBody: BinaryData.Empty,
            partitionKey: stream.GetKeyAsString(),
            sequenceNumber: sequenceNumber,
            offsetString: sequenceNumber.ToString(CultureInfo.InvariantCulture));
        EventHubBatchContainer.UpdateEventData(eventData, serializer, stream, items, requestContext: null);
        return eventData;
    }
}
