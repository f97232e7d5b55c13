namespace StreamingMarketing.Sentiment;

/// <summary>The serving model; swapped atomically while batches hold leases on the one they started with.</summary>
public sealed class ModelHolder : IDisposable
{
    private LoadedModel? current;

    public LoadedModel? Current => Volatile.Read(ref current);

    /// <summary>A reference to the serving model that the caller must <see cref="LoadedModel.Release"/>, or null before the first load.</summary>
    public LoadedModel? Acquire()
    {
        while (true)
        {
            var model = Volatile.Read(ref current);
            if (model is null || model.TryAcquire())
            {
                return model;
            }

            // Lost a race with a swap that released the last reference: the new model is already current.
        }
    }

    /// <summary>Makes <paramref name="model"/> current; the previous one is disposed once its last batch releases it.</summary>
    public void Swap(LoadedModel model) => Interlocked.Exchange(ref current, model)?.Release();

    public void Dispose() => Interlocked.Exchange(ref current, null)?.Release();
}
