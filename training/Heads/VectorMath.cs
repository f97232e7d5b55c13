using System.Numerics;
using System.Runtime.InteropServices;

namespace StreamingMarketing.Training;

/// <summary>The few SIMD kernels the head trainers need (dot products and axpy dominate MLP training).</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }

        var result = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>y += alpha · x.</summary>
    public static void AddScaled(Span<float> y, ReadOnlySpan<float> x, float alpha)
    {
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var va = new Vector<float>(alpha);
        for (var i = 0; i < vy.Length; i++)
        {
            vy[i] += va * vx[i];
        }

        for (var i = vy.Length * Vector<float>.Count; i < y.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    public static void SoftmaxInPlace(Span<float> values)
    {
        var max = float.MinValue;
        foreach (var v in values)
        {
            max = MathF.Max(max, v);
        }

        var sum = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }
}
