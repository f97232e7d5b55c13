using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>Token sequences padded to the batch's longest, as the serving encoder pads them: ids and attention mask [batch × tokens].</summary>
public static class TokenBatch
{
    public static (Tensor InputIds, Tensor AttentionMask) Pad(IReadOnlyList<long[]> sequences, Device? device = null)
    {
        var length = sequences.Max(s => s.Length);
        var ids = new long[sequences.Count * length];
        var mask = new long[sequences.Count * length];
        for (var row = 0; row < sequences.Count; row++)
        {
            sequences[row].CopyTo(ids, row * length);
            mask.AsSpan(row * length, sequences[row].Length).Fill(1);
        }

        long[] shape = [sequences.Count, length];
        return (tensor(ids, shape, device: device), tensor(mask, shape, device: device));
    }
}
