using Microsoft.Extensions.Logging;

namespace StreamingMarketing.Grains.DeadLetters;

public static class DeadLetterSinkExtensions
{
    /// <summary>
    /// Writes the letter if a sink is configured. A sink that fails is logged, never thrown: the caller has already
    /// logged what it sets aside, and a broken sink must not stall the stream or the courier that found the letter.
    /// </summary>
    public static async Task TryWriteAsync(this IDeadLetterSink? sink, DeadLetter letter, ILogger logger)
    {
        if (sink is null)
        {
            return;
        }

        try
        {
            await sink.WriteAsync(letter);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not dead-letter a {Kind}; it stays in the log above", letter.Kind);
        }
    }
}
