using FastBertTokenizer;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// The one WordPiece path shared by the silo and training: lower-casing, accent folding, at most
/// <see cref="MaxTokens"/> tokens including [CLS] and [SEP]. Microsoft.ML.Tokenizers' BertTokenizer is not
/// used: it disagrees with this vocabulary on about 11% of tweets.
/// </summary>
public sealed class TextTokenizer
{
    public const int MaxTokens = 128;

    private readonly BertTokenizer tokenizer = new();

    // FastBertTokenizer writes into one reused buffer, so calls are serialised and the ids copied out.
    private readonly Lock gate = new();

    public TextTokenizer(string vocabularyPath)
    {
        using var reader = File.OpenText(vocabularyPath);
        tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
    }

    public long[] Tokenize(string text)
    {
        var folded = AccentFolding.Fold(text);
        lock (gate)
        {
            var (inputIds, _, _) = tokenizer.Encode(folded, MaxTokens);
            return inputIds.ToArray();
        }
    }
}
