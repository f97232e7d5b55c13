using System.Text;

namespace StreamingMarketing.Training;

/// <summary>
/// The slice of the protobuf wire format an ONNX model needs: varints, length-delimited fields (strings, bytes,
/// nested messages) and packed-free repeated int64s. Fields are written in the order given.
/// </summary>
public sealed class ProtoWriter
{
    private readonly MemoryStream buffer = new();

    public ProtoWriter Int(int field, long value)
    {
        Tag(field, wireType: 0);
        Varint((ulong)value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, wireType: 2);
        Varint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    public byte[] ToArray() => buffer.ToArray();

    private void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.WriteByte((byte)value);
    }
}
