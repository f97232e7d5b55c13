using Orleans.Streams;
using Orleans.Streams.Core;

namespace StreamingMarketing.Tests.EventHubs;

public interface IGeneratedIntsGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<GeneratedItem>> GetReceivedAsync();
}

/// <summary>One item as delivered: the payload Orleans' generator wrote and the sequence token it arrived with.</summary>
[GenerateSerializer, Immutable]
public sealed record GeneratedItem([property: Id(0)] int Value, [property: Id(1)] long SequenceNumber, [property: Id(2)] string TokenType);

/// <summary>Implicit subscriber of the integers that Orleans' <c>SimpleStreamEventDataGenerator</c> produces.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class GeneratedIntsGrain : Grain, IGeneratedIntsGrain, IStreamSubscriptionObserver, IAsyncObserver<int>
{
    public const string Namespace = "generated-ints";

    private readonly List<GeneratedItem> received = [];

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<int>().ResumeAsync(this);

    public Task OnNextAsync(int item, StreamSequenceToken? token = null)
    {
        received.Add(new GeneratedItem(item, token?.SequenceNumber ?? -1, token?.GetType().Name ?? "none"));
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public Task<IReadOnlyList<GeneratedItem>> GetReceivedAsync() => Task.FromResult<IReadOnlyList<GeneratedItem>>([.. received]);
}
