using System.Buffers;
using System.Text;

namespace StreamingMarketing.Training;

/// <summary>
/// The slice of the protobuf wire format an ONNX model needs: varints, length-delimited fields (strings, bytes,
/// nested messages) and packed-free repeated int64s. Fields are written in the order given.
/// </summary>
public sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new();

    public ProtoWriter Number(int field, long value)
    {
        Tag(field, wireType: 0);
        Varint((ulong)value);
        return this;
    }

    public ProtoWriter Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, wireType: 2);
        Varint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    private void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    private void WriteByte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }
}
