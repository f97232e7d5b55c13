namespace StreamingMarketing.Sentiment.Tests;

/// <summary>
/// Fixed vectors checked against the reference BERT-uncased vocabulary (vocab.txt line n is id n): lower-casing,
/// accent stripping, punctuation splitting, greedy longest-match WordPiece, unknown symbols as [UNK].
/// The test assembly runs with InvariantGlobalization, as the hosts do.
/// </summary>
public sealed class TokenizerTests
{
    private static readonly EncoderFiles Encoder = new(EncoderFiles.DefaultDirectory);
    private static readonly TextTokenizer Tokenizer = new(Encoder.VocabularyPath);
    private static readonly string[] Vocabulary = File.ReadAllLines(Encoder.VocabularyPath);

    public static TheoryData<string, string[], long[]> Vectors => new()
    {
        { "Hello, World!", ["[CLS]", "hello", ",", "world", "!", "[SEP]"], [101, 7592, 1010, 2088, 999, 102] },
        { "Café naïve résumé", ["[CLS]", "cafe", "naive", "resume", "[SEP]"], [101, 7668, 15743, 13746, 102] },
        { "ÉCOLE", ["[CLS]", "ecole", "[SEP]"], [101, 12431, 102] },
        { "@user I ❤️ this 😂", ["[CLS]", "@", "user", "i", "[UNK]", "this", "[UNK]", "[SEP]"], [101, 1030, 5310, 1045, 100, 2023, 100, 102] },
        { "https://t.co/abc", ["[CLS]", "https", ":", "/", "/", "t", ".", "co", "/", "abc", "[SEP]"], [101, 16770, 1024, 1013, 1013, 1056, 1012, 2522, 1013, 5925, 102] },
        { "#BlackFriday", ["[CLS]", "#", "black", "##frid", "##ay", "[SEP]"], [101, 1001, 2304, 27439, 4710, 102] },
        { "", ["[CLS]", "[SEP]"], [101, 102] },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Tokenizes_like_bert_uncased(string text, string[] expectedTokens, long[] expectedIds)
    {
        var ids = Tokenizer.Tokenize(text);

        Assert.Equal(expectedIds, ids);
        Assert.Equal(expectedTokens, ids.Select(id => Vocabulary[id]));
    }

    [Fact]
    public void Truncates_long_texts_to_128_tokens_ending_with_sep()
    {
        var text = string.Join(' ', Enumerable.Repeat("marketing", 300));

        var ids = Tokenizer.Tokenize(text);

        Assert.Equal(TextTokenizer.MaxTokens, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
    }

    [Fact]
    public void Returns_a_fresh_array_for_every_text_although_the_tokenizer_reuses_its_buffer()
    {
        var first = Tokenizer.Tokenize("I love it");
        var firstCopy = first.ToArray();

        Tokenizer.Tokenize("Worst customer service ever");

        Assert.Equal(firstCopy, first);
    }

    [Theory]
    [InlineData("Ångström façade Ørsted", "Angstrom facade Ørsted")]
    [InlineData("ÀÉÎÕÜ àéîõü ñ ç", "AEIOU aeiou n c")]
    [InlineData("plain ascii stays", "plain ascii stays")]
    public void Folds_accents_without_icu(string text, string expected)
    {
        // Ø has no canonical decomposition, so BERT keeps it too.
        Assert.Equal(expected, AccentFolding.Fold(text));
    }
}
