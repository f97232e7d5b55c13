using System.Text.Json;
using System.Text.Json.Serialization;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway;

/// <summary>Source-generated JSON for the hot ingest path (no reflection per request).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IncomingEvent))]
[JsonSerializable(typeof(List<IncomingEvent>))]
[JsonSerializable(typeof(Ingest.IngestResponse))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
