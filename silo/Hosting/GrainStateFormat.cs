using Orleans.Serialization;
using Orleans.Storage;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// How grain state is encoded in blobs. Orleans' blob storage writes Newtonsoft JSON with type names unless told
/// otherwise; for these states (dedupe rings of 64-bit ids, pending outbox parts) that was the silos' largest CPU cost
/// under load, and the blobs came out several times larger than the binary form. State is written with Orleans' own
/// version-tolerant serializer (the one the embedded profile's SQLite store uses), and a blob written as JSON by an
/// earlier release is still read: the first write after that rewrites it in binary.
/// </summary>
public static class GrainStateFormat
{
    public static IGrainStorageSerializer Binary(Serializer binary, OrleansJsonSerializer json) =>
        new GrainStorageSerializer(new OrleansGrainStorageSerializer(binary), new JsonGrainStorageSerializer(json));
}
