using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamingMarketing.Gateway.Http;

/// <summary>
/// Writes every double of an answer as a JSON number, whatever the stored state holds. JSON has no infinity or NaN and
/// System.Text.Json throws on them mid-response, so one bad sum in a grain (state written before values were bounded)
/// would turn every read of that campaign, the campaign list and the page into a 500 for good. Infinities are written
/// as the largest finite double of their sign, NaN as 0: wrong-looking but readable, and the rest of the answer survives.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(Finite(value));

    public static double Finite(double value) => value switch
    {
        double.PositiveInfinity => double.MaxValue,
        double.NegativeInfinity => double.MinValue,
        double.NaN => 0,
        _ => value,
    };
}
