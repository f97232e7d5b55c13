using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Grains.Insights.Webhooks;

namespace StreamingMarketing.Tests.Insights;

/// <summary>A real HTTP receiver on loopback (a minimal Kestrel app) that records every webhook delivery it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>Deliveries the receiver took (answered 200).</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>The delivery id of every request, refused ones included.</summary>
    public ConcurrentQueue<string> Attempts { get; } = new();

    public string Url => app.Urls.First() + "/hook";

    /// <summary>A receiver that answers 500 to its first <paramref name="failFirst"/> requests, as one that is briefly down.</summary>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            receiver.Attempts.Enqueue(request.Headers[AlertWebhookDispatcher.DeliveryHeader].ToString());
            if (receiver.Attempts.Count <= failFirst)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }

            receiver.Deliveries.Enqueue(new Delivery(
                buffer.ToArray(),
                request.Headers[WebhookSignature.Header].ToString(),
                request.Headers[AlertWebhookDispatcher.DeliveryHeader].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    public sealed record Delivery(byte[] Body, string Signature, string DeliveryId)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Event => Json.GetProperty("event").GetString()!;

        public string AlertId => Json.GetProperty("alert").GetProperty("alertId").GetString()!;

        public string CampaignId => Json.GetProperty("alert").GetProperty("campaignId").GetString()!;

        public string Rule => Json.GetProperty("alert").GetProperty("rule").GetString()!;
    }
}
