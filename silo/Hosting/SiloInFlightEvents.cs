using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Grains.Campaigns;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>The co-hosted gateway's view of this silo's in-flight count: back-pressure comes from the silo.</summary>
public sealed class SiloInFlightEvents(InProcessDelivery delivery) : IInFlightEvents
{
    public Guid PublisherId => delivery.Id;

    public long Pending => delivery.Pending;

    public void Published(int events) => delivery.Published(events);
}
