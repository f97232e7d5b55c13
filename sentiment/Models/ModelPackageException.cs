namespace StreamingMarketing.Sentiment;

/// <summary>A model package that is corrupt, partial or incompatible: it is refused and the old model keeps serving.</summary>
public sealed class ModelPackageException : Exception
{
    public ModelPackageException(string message)
        : base(message)
    {
    }

    public ModelPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
